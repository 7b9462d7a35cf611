import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from '../workspace/starter';
import { buildScenarioWorkbook } from './build';
import { readScenariosFromWorkbook } from './read';
import { checkZipArchive } from './zip-guard';

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

describe('checkZipArchive', () => {
  it('accepts an exported workbook and lists its entries', async () => {
    const bytes = await buildScenarioWorkbook({ workspace: loadStarterWorkspace(), lang: 'zh', appVersion: '0.1.0', exportedAt: '2026-03-01T08:00:00.000Z' });
    const result = checkZipArchive(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.entries.map((entry) => entry.name)).toContain('xl/workbook.xml');
  });

  it('rejects a zip bomb: one 64 MB entry of zeros that compresses over 1000×', () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(64 * 1024 * 1024) }]);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const result = checkZipArchive(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.code)).toEqual(['compression-ratio']);
      expect(result.problems[0]?.message).toContain('xl/worksheets/sheet1.xml');
    }
  });

  it('rejects archives that expand beyond the total limit even at a modest ratio', () => {
    // Random-ish bytes barely compress, so only the total size trips: 3 × 1 MB against a 2 MB limit.
    const noisy = Uint8Array.from({ length: 1024 * 1024 }, (_, index) => (index * 2654435761) >>> 24);
    const archive = makeZip([0, 1, 2].map((index) => ({ name: `part${index}.bin`, data: noisy })));
    const result = checkZipArchive(archive, { maxBytes: 20e6, maxEntries: 100, maxTotalUncompressedBytes: 2 * 1024 * 1024, maxCompressionRatio: 100, ratioCheckFromBytes: 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'too-much-data' }] });
  });

  it('rejects too many entries', () => {
    const many = makeZip(Array.from({ length: 1001 }, (_, index) => ({ name: `f${index}.txt`, data: new Uint8Array([index & 255]) })));
    expect(checkZipArchive(many)).toMatchObject({ ok: false, problems: [{ code: 'too-many-entries' }] });
    const fine = makeZip(Array.from({ length: 50 }, (_, index) => ({ name: `f${index}.txt`, data: new Uint8Array([index]) })));
    expect(checkZipArchive(fine).ok).toBe(true);
  });

  it('rejects files over 20 MB and bytes that are not a zip', () => {
    expect(checkZipArchive(new Uint8Array(20 * 1024 * 1024 + 1))).toMatchObject({ ok: false, problems: [{ code: 'too-large' }] });
    expect(checkZipArchive(new TextEncoder().encode('not a zip at all, just text'))).toMatchObject({ ok: false, problems: [{ code: 'not-a-zip' }] });
    const truncated = makeZip([{ name: 'a.txt', data: new Uint8Array([1, 2, 3]) }]);
    // Point the directory past the end record.
    const view = new DataView(truncated.buffer);
    view.setUint32(truncated.byteLength - 6, truncated.byteLength, true);
    expect(checkZipArchive(truncated)).toMatchObject({ ok: false, problems: [{ code: 'corrupt-directory' }] });
  });

  it('the workbook reader refuses a bomb before unzipping it', async () => {
    const bomb = makeZip([{ name: 'xl/workbook.xml', data: new Uint8Array(64 * 1024 * 1024) }]);
    const result = await readScenariosFromWorkbook(bomb);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'unsafe-archive' }] });
  });
});
