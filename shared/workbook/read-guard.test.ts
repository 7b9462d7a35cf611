import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from '../workspace/starter';
import { buildScenarioWorkbook } from './build';
import { readScenariosFromWorkbook } from './read';

interface Entry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** A minimal zip writer (deflate, no ZIP64), enough to build hostile archives for the guard. */
function makeZip(entries: readonly Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** What the reader says about a hostile or broken archive: the first problem's code and text. */
async function refusal(bytes: Uint8Array, options: Parameters<typeof readScenariosFromWorkbook>[1] = {}) {
  const result = await readScenariosFromWorkbook(bytes, options);
  if (result.ok) throw new Error('the archive was accepted');
  return result.problems[0];
}

describe('the workbook reader refuses unsafe archives before unzipping them', () => {
  it('accepts an exported workbook', async () => {
    const bytes = await buildScenarioWorkbook({ workspace: loadStarterWorkspace(), lang: 'zh', appVersion: '0.1.0', exportedAt: '2026-03-01T08:00:00.000Z' });
    expect((await readScenariosFromWorkbook(bytes)).ok).toBe(true);
  });

  it('rejects a zip bomb: one 64 MB entry of zeros that compresses over 1000×', async () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(64 * 1024 * 1024) }]);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const problem = await refusal(bomb);
    expect(problem?.code).toBe('unsafe-archive');
    expect(problem?.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('rejects archives that expand beyond the total limit even at a modest ratio', async () => {
    // Random-ish bytes barely compress, so only the total size trips: 3 × 1 MB against a 2 MB limit.
    const noisy = Uint8Array.from({ length: 1024 * 1024 }, (_, index) => (index * 2654435761) >>> 24);
    const archive = makeZip([0, 1, 2].map((index) => ({ name: `part${index}.bin`, data: noisy })));
    const limits = { maxEntries: 100, maxEntryRatio: 100, ratioCheckFromBytes: 1024 * 1024, maxTotalUncompressedBytes: 2 * 1024 * 1024 };
    expect((await refusal(archive, { zipLimits: limits }))?.code).toBe('unsafe-archive');
  });

  it('rejects too many entries', async () => {
    const many = makeZip(Array.from({ length: 1001 }, (_, index) => ({ name: `f${index}.txt`, data: new Uint8Array([index & 255]) })));
    expect(await refusal(many)).toMatchObject({ code: 'unsafe-archive', message: expect.stringContaining('1001') });
  });

  it('rejects files over 20 MB and bytes that are not a zip', async () => {
    expect((await refusal(new Uint8Array(20 * 1024 * 1024 + 1)))?.code).toBe('too-large');
    expect((await refusal(new TextEncoder().encode('not a zip at all, just text')))?.code).toBe('not-a-workbook');
    const truncated = makeZip([{ name: 'a.txt', data: new Uint8Array([1, 2, 3]) }]);
    // Point the directory past the end record.
    const view = new DataView(truncated.buffer);
    view.setUint32(truncated.byteLength - 6, truncated.byteLength, true);
    expect((await refusal(truncated))?.code).toBe('not-a-workbook');
  });
});
