import { constants, createDeflateRaw, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildZip } from '../../tests/fixtures/import/zip-writer';
import { readScenariosFromWorkbook } from '../workbook/read';
import { parseImportFile } from './parse-import';

const MB = 1024 * 1024;

/**
 * Raw deflate of `megabytes` MB of zeros without deflating (or holding) them: a sync-flushed
 * megabyte of zeros that follows other zeros compresses to the same bytes every time, so the
 * stream is the first megabyte, that repeated segment, and an empty final block (03 00).
 * Building the 1 GB bomb this way takes milliseconds instead of deflating a gigabyte.
 */
async function zerosDeflater(): Promise<(megabytes: number) => Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const zeros = Buffer.alloc(MB);
  const segment = () =>
    new Promise<Buffer>((resolve) => {
      deflater.write(zeros);
      deflater.flush(constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(out.splice(0))));
    });
  const first = await segment();
  const repeated = await segment();
  expect(await segment()).toEqual(repeated);
  deflater.destroy();
  return (megabytes) => Buffer.concat([first, ...Array.from({ length: megabytes - 1 }, () => repeated), Buffer.from([0x03, 0x00])]);
}

/** Counts what goes into and comes out of every inflater the code under test makes. */
const inflaters = { largestInput: 0, inflated: 0 };
const RealDecompressionStream = globalThis.DecompressionStream;
class RecordingDecompressionStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<BufferSource>;
  constructor(format: CompressionFormat) {
    const inner = new RealDecompressionStream(format);
    const input = new TransformStream<BufferSource, BufferSource>({
      transform(chunk, controller) {
        inflaters.largestInput = Math.max(inflaters.largestInput, chunk.byteLength);
        controller.enqueue(chunk);
      },
    });
    input.readable.pipeTo(inner.writable).catch(() => undefined);
    this.writable = input.writable;
    this.readable = inner.readable.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          inflaters.inflated += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the zip guard stops inflating as soon as an entry passes its declared size', () => {
  it('refuses a 1 MB xlsx whose xl/workbook.xml declares 100 bytes and inflates to 1 GB: under 1 s, under 200 MB, a few MB inflated', async () => {
    const deflatedZeros = await zerosDeflater();
    // The construction is what it claims: the 4 MB version inflates to exactly 4 MB of zeros.
    const sample = inflateRawSync(deflatedZeros(4));
    expect(sample.byteLength).toBe(4 * MB);
    expect(sample.every((byte) => byte === 0)).toBe(true);
    const deflated = deflatedZeros(1024);
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/workbook.xml', data: new Uint8Array(), rawCompressed: deflated, declaredUncompressedSize: 100 },
    ]);
    expect(bytes.byteLength).toBeGreaterThan(MB);
    expect(bytes.byteLength).toBeLessThan(1.1 * MB);

    inflaters.largestInput = 0;
    inflaters.inflated = 0;
    vi.stubGlobal('DecompressionStream', RecordingDecompressionStream);
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const imported = await parseImportFile({ fileName: 'bomb.xlsx', bytes });
    const read = await readScenariosFromWorkbook(bytes);
    const elapsedMs = performance.now() - started;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

    expect(imported.ok).toBe(false);
    if (!imported.ok) {
      expect(imported.errors).toEqual([
        expect.objectContaining({
          code: 'zip-ratio',
          message: 'Part xl/workbook.xml inflates to more than the 100 bytes its directory declares; the file may be a zip bomb.',
        }),
      ]);
    }
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problems).toEqual([
        expect.objectContaining({ code: 'unsafe-archive', messageZh: expect.stringContaining('xl/workbook.xml 解压后超过目录声明的 100 字节') }),
      ]);
    // Three inflations (the exported-workbook sniff, the import's check, the reader's check), each
    // stopped after one slice: a few MB in all, not the 1 GB the entry holds.
    expect(inflaters.inflated).toBeLessThan(16 * MB);
    // At most 4 KB of compressed data goes in at a time, so even an inflater that inflates a
    // whole written chunk before the reader sees any (Chromium's) makes at most ~4 MB per step.
    expect(inflaters.largestInput).toBeLessThanOrEqual(4096);
    expect(elapsedMs).toBeLessThan(1000);
    expect(rssPeak - rssBefore).toBeLessThan(200 * MB);
  }, 30_000);
});
