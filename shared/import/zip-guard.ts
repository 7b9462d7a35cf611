/**
 * Checks a zip archive (an .xlsx workbook) from its central directory before any
 * decompressor sees it: entry count, per-entry compression ratio and total uncompressed
 * size. A zip bomb (a few KB that inflate to gigabytes) is refused here, not discovered
 * by running out of memory inside exceljs.
 *
 * `verifyInflatedSizes` then inflates each entry as a stream, a few KB of compressed data at a
 * time, and stops as soon as the output passes the declared size (or the total limit), so an
 * archive whose directory lies about sizes is caught after kilobytes, not gigabytes. Every
 * inflation here goes through `inflateCapped`, `readZipEntryText` included.
 */
import { importLimits } from './limits';
import { fileProblem, type ImportProblem } from './types';

export interface ZipEntryInfo {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
  /** CRC-32 of the uncompressed data, as the directory states it. */
  crc32: number;
}

export type ZipGuardResult = { ok: true; entries: ZipEntryInfo[]; totalUncompressed: number } | { ok: false; error: ImportProblem };

export interface ZipLimits {
  maxEntries: number;
  maxEntryRatio: number;
  ratioCheckFromBytes: number;
  maxTotalUncompressedBytes: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: importLimits.maxZipEntries,
  maxEntryRatio: importLimits.maxZipEntryRatio,
  ratioCheckFromBytes: importLimits.ratioCheckFromBytes,
  maxTotalUncompressedBytes: importLimits.maxZipTotalUncompressedBytes,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;

function invalidProblem(detail: string, detailZh: string): ImportProblem {
  return fileProblem('zip-invalid', `The workbook is not a valid zip archive: ${detail}.`, `工作簿不是有效的 zip 压缩包：${detailZh}。`);
}

function invalid(detail: string, detailZh: string): ZipGuardResult {
  return { ok: false, error: invalidProblem(detail, detailZh) };
}

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(0);

export function inspectZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipGuardResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.byteLength;
  if (size < EOCD_SIZE) return invalid('too short', '文件过短');

  // The end-of-central-directory record sits at the end, followed by a comment of up to 64 KB.
  let eocd = -1;
  for (let offset = size - EOCD_SIZE; offset >= Math.max(0, size - EOCD_SIZE - 0xffff); offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) {
      eocd = offset;
      break;
    }
  }
  if (eocd === -1) return invalid('no end-of-directory record', '缺少目录结束记录');

  const diskNumber = view.getUint16(eocd + 4, true);
  const directoryDisk = view.getUint16(eocd + 6, true);
  const entriesOnDisk = view.getUint16(eocd + 8, true);
  const totalEntries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== totalEntries) return invalid('split archives are not supported', '不支持分卷压缩包');
  // A workbook under 20 MB never needs ZIP64; its markers here only hide the real figures.
  if (totalEntries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    return invalid('ZIP64 archives are not supported', '不支持 ZIP64 压缩包');
  if (totalEntries > limits.maxEntries) {
    return {
      ok: false,
      error: fileProblem(
        'zip-too-many-entries',
        `The workbook has ${totalEntries} parts; at most ${limits.maxEntries} are accepted.`,
        `工作簿包含 ${totalEntries} 个组成部分，最多允许 ${limits.maxEntries} 个。`,
      ),
    };
  }
  if (directoryOffset + directorySize > eocd) return invalid('the directory lies outside the file', '目录位置超出文件范围');

  const nameDecoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let offset = directoryOffset;
  for (let index = 0; index < totalEntries; index++) {
    if (offset + CENTRAL_HEADER_SIZE > directoryOffset + directorySize) return invalid('the directory is truncated', '目录被截断');
    if (view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return invalid('a directory record is damaged', '目录记录已损坏');
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const crc32 = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    const nameEnd = offset + CENTRAL_HEADER_SIZE + nameLength;
    if (nameEnd > size) return invalid('a directory record is damaged', '目录记录已损坏');
    const name = nameDecoder.decode(bytes.subarray(offset + CENTRAL_HEADER_SIZE, nameEnd));
    if ((flags & 1) !== 0) return invalid(`entry ${name} is encrypted`, `条目 ${name} 已加密`);
    if (method !== 0 && method !== 8)
      return invalid(`entry ${name} uses an unsupported compression method (${method})`, `条目 ${name} 使用了不支持的压缩方式（${method}）`);
    if (method === 0 && compressedSize !== uncompressedSize) return invalid(`stored entry ${name} has inconsistent sizes`, `未压缩条目 ${name} 的大小不一致`);
    if (localHeaderOffset + LOCAL_HEADER_SIZE + compressedSize > size || view.getUint32(localHeaderOffset, true) !== LOCAL_SIGNATURE) {
      return invalid(`entry ${name} points outside the file`, `条目 ${name} 指向文件之外`);
    }
    const tooCompressed = compressedSize === 0 ? uncompressedSize > 0 : uncompressedSize / compressedSize > limits.maxEntryRatio;
    if (uncompressedSize >= limits.ratioCheckFromBytes && tooCompressed) {
      const ratio = compressedSize === 0 ? '∞' : (uncompressedSize / compressedSize).toFixed(0);
      return {
        ok: false,
        error: fileProblem(
          'zip-ratio',
          `Part ${name} would expand ${ratio}-fold (${megabytes(uncompressedSize)} MB); at most ${limits.maxEntryRatio}:1 is accepted. The file may be a zip bomb.`,
          `组成部分 ${name} 解压后将膨胀 ${ratio} 倍（${megabytes(uncompressedSize)} MB），最多允许 ${limits.maxEntryRatio}:1，文件可能是“压缩炸弹”。`,
        ),
      };
    }
    total += uncompressedSize;
    if (total > limits.maxTotalUncompressedBytes) {
      return {
        ok: false,
        error: fileProblem(
          'zip-too-large',
          `The workbook would expand to more than ${megabytes(limits.maxTotalUncompressedBytes)} MB.`,
          `工作簿解压后将超过 ${megabytes(limits.maxTotalUncompressedBytes)} MB。`,
        ),
      };
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, crc32 });
    offset = nameEnd + extraLength + commentLength;
  }
  return { ok: true, entries, totalUncompressed: total };
}

/** Where an entry's compressed data starts: after its local header, whose name/extra lengths may differ from the directory's. */
function dataOffset(view: DataView, entry: ZipEntryInfo): number {
  const nameLength = view.getUint16(entry.localHeaderOffset + 26, true);
  const extraLength = view.getUint16(entry.localHeaderOffset + 28, true);
  return entry.localHeaderOffset + LOCAL_HEADER_SIZE + nameLength + extraLength;
}

/** Compressed bytes handed to the inflater per step: at deflate's ~1032:1 at most ~4 MB comes out of one step. */
const INFLATE_SLICE_BYTES = 4 * 1024;

type InflateOutcome = { kind: 'whole'; parts: Uint8Array[]; produced: number } | { kind: 'over-cap'; produced: number } | { kind: 'damaged' };

/**
 * Inflates raw deflate data in small slices and stops as soon as more than `cap` bytes have come
 * out. The slices matter: a DecompressionStream may inflate a whole written chunk before the
 * reader sees any of it (Chromium does), so writing a megabyte of bomb at once could still
 * produce a gigabyte. Here the next slice is written only when the reader has taken the output
 * of the last one, so memory stays near one slice's output whatever the data claims.
 */
async function inflateCapped(compressed: Uint8Array, cap: number, keep: boolean): Promise<InflateOutcome> {
  const inflater = new DecompressionStream('deflate-raw');
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    try {
      for (let offset = 0; offset < compressed.byteLength && !stopped; offset += INFLATE_SLICE_BYTES) {
        // slice, not subarray: a copy is backed by a plain ArrayBuffer, which is what the stream takes.
        await writer.write(compressed.slice(offset, offset + INFLATE_SLICE_BYTES));
      }
      if (!stopped) await writer.close();
    } catch {
      // The stream was cancelled below or the data is damaged; the reader reports which.
    }
  })();
  const parts: Uint8Array[] = [];
  let produced = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { kind: 'whole', parts, produced };
      produced += value.byteLength;
      if (produced > cap) {
        stopped = true;
        await reader.cancel().catch(() => undefined);
        return { kind: 'over-cap', produced };
      }
      if (keep) parts.push(value);
    }
  } catch {
    // Deflate streams that end early or carry junk are damaged rather than hostile.
    stopped = true;
    return { kind: 'damaged' };
  } finally {
    await feeding;
  }
}

/** The compressed bytes of an entry, or null when its local header points past the end of the file. */
function compressedData(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.localHeaderOffset + LOCAL_HEADER_SIZE > bytes.byteLength) return null;
  const start = dataOffset(view, entry);
  const end = start + entry.compressedSize;
  return end > bytes.byteLength ? null : bytes.subarray(start, end);
}

function inflatesPastDeclared(entry: ZipEntryInfo): ImportProblem {
  return fileProblem(
    'zip-ratio',
    `Part ${entry.name} inflates to more than the ${entry.uncompressedSize} bytes its directory declares; the file may be a zip bomb.`,
    `组成部分 ${entry.name} 解压后超过目录声明的 ${entry.uncompressedSize} 字节，文件可能是“压缩炸弹”。`,
  );
}

function inflatesPastLimit(limit: number): ImportProblem {
  return fileProblem('zip-too-large', `The workbook expands to more than ${megabytes(limit)} MB.`, `工作簿解压后超过 ${megabytes(limit)} MB。`);
}

/**
 * Inflates every deflated entry as a stream, counting bytes, and stops as soon as one produces
 * more than its directory declared, or the archive more than the total limit. Nothing is kept:
 * this only proves the sizes that `inspectZip` checked are the real ones. Skipped where
 * `DecompressionStream` is missing.
 */
export async function verifyInflatedSizes(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  limits: ZipLimits = defaultZipLimits,
): Promise<ImportProblem | null> {
  if (typeof DecompressionStream === 'undefined') return null;
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 8) {
      total += entry.uncompressedSize;
      continue;
    }
    const data = compressedData(bytes, entry);
    if (data === null) return invalidProblem(`entry ${entry.name} is truncated`, `条目 ${entry.name} 被截断`);
    const remaining = limits.maxTotalUncompressedBytes - total;
    const outcome = await inflateCapped(data, Math.min(entry.uncompressedSize, remaining), false);
    if (outcome.kind === 'damaged') return invalidProblem(`entry ${entry.name} cannot be decompressed`, `条目 ${entry.name} 无法解压`);
    if (outcome.kind === 'over-cap')
      return entry.uncompressedSize <= remaining ? inflatesPastDeclared(entry) : inflatesPastLimit(limits.maxTotalUncompressedBytes);
    total += outcome.produced;
  }
  return null;
}

/**
 * The text of one small entry (e.g. `xl/workbook.xml`), inflated as a stream that stops at its
 * declared size and at `maxBytes`; `null` when the entry is missing, too large to be what it
 * claims, lies about its size, or is damaged. (Callers then read the archive as data, and
 * `verifyInflatedSizes` refuses a lying one with a message.)
 */
export async function readZipEntryText(bytes: Uint8Array, entries: readonly ZipEntryInfo[], name: string, maxBytes = 1024 * 1024): Promise<string | null> {
  const entry = entries.find((e) => e.name === name);
  if (!entry || entry.uncompressedSize > maxBytes) return null;
  const data = await entryBytes(bytes, entry);
  return data === null ? null : new TextDecoder('utf-8').decode(data);
}

/**
 * The uncompressed bytes of one entry (a copy, so the caller may change them), inflated as a stream that
 * stops at its declared size; null when it is truncated, damaged, lies about its size, or is deflated
 * where `DecompressionStream` is missing.
 */
async function entryBytes(bytes: Uint8Array, entry: ZipEntryInfo): Promise<Uint8Array | null> {
  const data = compressedData(bytes, entry);
  if (data === null) return null;
  if (entry.method === 0) return data.slice();
  if (typeof DecompressionStream === 'undefined') return null;
  const outcome = await inflateCapped(data, entry.uncompressedSize, true);
  if (outcome.kind !== 'whole') return null;
  const whole = new Uint8Array(outcome.produced);
  let offset = 0;
  for (const part of outcome.parts) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return whole;
}

/**
 * The part exceljs reads the workbook's defined names from: `xl/workbook.xml`, also under a leading
 * `/` (exceljs strips one), in every copy an archive may hold.
 */
function isWorkbookPart(name: string): boolean {
  return name === 'xl/workbook.xml' || name === '/xl/workbook.xml';
}

const DEFINED = new TextEncoder().encode('definedName');
const IGNORED = new TextEncoder().encode('ignoredName');

/** Renames every `definedName` in place (same length, so nothing else moves); true when there was one. */
function renameDefinedNames(xml: Uint8Array): boolean {
  let found = false;
  const last = xml.length - DEFINED.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < DEFINED.length; j++) if (xml[i + j] !== DEFINED[j]) continue outer;
    xml.set(IGNORED, i);
    found = true;
    i += DEFINED.length - 1;
  }
  return found;
}

let crcTable: Uint32Array | null = null;

function crc32Of(data: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (crcTable[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A new archive of the given entries: each one's (compressed) data copied, or replaced by stored bytes. */
function rebuildZip(bytes: Uint8Array, entries: readonly ZipEntryInfo[], replaced: ReadonlyMap<number, Uint8Array>): Uint8Array | null {
  const encoder = new TextEncoder();
  const pieces: { name: Uint8Array; method: number; crc: number; compressed: Uint8Array; size: number; offset: number }[] = [];
  let offset = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as ZipEntryInfo;
    const stored = replaced.get(index);
    const compressed = stored ?? compressedData(bytes, entry);
    if (compressed === null) return null;
    const name = encoder.encode(entry.name);
    pieces.push({
      name,
      method: stored === undefined ? entry.method : 0,
      crc: stored === undefined ? entry.crc32 : crc32Of(stored),
      compressed,
      size: stored === undefined ? entry.uncompressedSize : stored.byteLength,
      offset,
    });
    offset += LOCAL_HEADER_SIZE + name.byteLength + compressed.byteLength;
  }
  const directorySize = pieces.reduce((sum, p) => sum + CENTRAL_HEADER_SIZE + p.name.byteLength, 0);
  const out = new Uint8Array(offset + directorySize + EOCD_SIZE);
  const view = new DataView(out.buffer);
  for (const p of pieces) {
    view.setUint32(p.offset, LOCAL_SIGNATURE, true);
    view.setUint16(p.offset + 4, 20, true);
    view.setUint16(p.offset + 6, 0x0800, true);
    view.setUint16(p.offset + 8, p.method, true);
    view.setUint32(p.offset + 14, p.crc, true);
    view.setUint32(p.offset + 18, p.compressed.byteLength, true);
    view.setUint32(p.offset + 22, p.size, true);
    view.setUint16(p.offset + 26, p.name.byteLength, true);
    out.set(p.name, p.offset + LOCAL_HEADER_SIZE);
    out.set(p.compressed, p.offset + LOCAL_HEADER_SIZE + p.name.byteLength);
  }
  let at = offset;
  for (const p of pieces) {
    view.setUint32(at, CENTRAL_SIGNATURE, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.compressed.byteLength, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.byteLength, true);
    view.setUint32(at + 42, p.offset, true);
    out.set(p.name, at + CENTRAL_HEADER_SIZE);
    at += CENTRAL_HEADER_SIZE + p.name.byteLength;
  }
  view.setUint32(at, EOCD_SIGNATURE, true);
  view.setUint16(at + 8, pieces.length, true);
  view.setUint16(at + 10, pieces.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, offset, true);
  return out;
}

export type DefinedNamesStripped =
  /** `workbookXml`: the text of `xl/workbook.xml` as written, names included (null if there is none), for callers that read the names. */
  { ok: true; bytes: Uint8Array; workbookXml: string | null } | { ok: false; error: ImportProblem };

export async function withoutDefinedNames(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): Promise<DefinedNamesStripped> {
  const replaced = new Map<number, Uint8Array>();
  let workbookXml: string | null = null;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as ZipEntryInfo;
    if (!isWorkbookPart(entry.name)) continue;
    const xml = await entryBytes(bytes, entry);
    if (xml === null) return { ok: false, error: invalidProblem(`entry ${entry.name} cannot be decompressed`, `条目 ${entry.name} 无法解压`) };
    // The text as written, before the rename: the first `xl/workbook.xml`, the part readZipEntryText would give.
    if (workbookXml === null && entry.name === 'xl/workbook.xml') workbookXml = new TextDecoder('utf-8').decode(xml);
    if (renameDefinedNames(xml)) replaced.set(index, xml);
  }
  if (replaced.size === 0) return { ok: true, bytes, workbookXml };
  const rebuilt = rebuildZip(bytes, entries, replaced);
  return rebuilt === null ? { ok: false, error: invalidProblem('an entry is truncated', '条目被截断') } : { ok: true, bytes: rebuilt, workbookXml };
}
