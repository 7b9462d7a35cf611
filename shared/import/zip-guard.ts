/**
 * Checks a zip archive (an .xlsx workbook) from its central directory before any
 * decompressor sees it: entry count, per-entry compression ratio and total uncompressed
 * size. A zip bomb (a few KB that inflate to gigabytes) is refused here, not discovered
 * by running out of memory inside exceljs.
 *
 * `verifyInflatedSizes` then inflates each entry as a stream and stops at the declared
 * size, so an archive whose directory lies about sizes is caught too.
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
  if (totalEntries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return invalid('ZIP64 archives are not supported', '不支持 ZIP64 压缩包');
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
    if (method !== 0 && method !== 8) return invalid(`entry ${name} uses an unsupported compression method (${method})`, `条目 ${name} 使用了不支持的压缩方式（${method}）`);
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
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
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

/**
 * Inflates every deflated entry as a stream, counting bytes, and stops as soon as one
 * produces more than its directory declared. Nothing is kept: this only proves the sizes
 * that `inspectZip` checked are the real ones. Skipped where `DecompressionStream` is missing.
 */
export async function verifyInflatedSizes(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): Promise<ImportProblem | null> {
  if (typeof DecompressionStream === 'undefined') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    if (entry.method !== 8) continue;
    const start = dataOffset(view, entry);
    const end = start + entry.compressedSize;
    if (end > bytes.byteLength) return invalidProblem(`entry ${entry.name} is truncated`, `条目 ${entry.name} 被截断`);
    const stream = new Blob([bytes.slice(start, end)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    let produced = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        produced += value.byteLength;
        if (produced > entry.uncompressedSize) {
          await reader.cancel();
          return fileProblem(
            'zip-ratio',
            `Part ${entry.name} inflates to more than the ${entry.uncompressedSize} bytes its directory declares; the file may be a zip bomb.`,
            `组成部分 ${entry.name} 解压后超过目录声明的 ${entry.uncompressedSize} 字节，文件可能是“压缩炸弹”。`,
          );
        }
      }
    } catch {
      // Deflate streams that end early or carry junk are damaged rather than hostile.
      return invalidProblem(`entry ${entry.name} cannot be decompressed`, `条目 ${entry.name} 无法解压`);
    }
  }
  return null;
}

/**
 * The text of one small entry (e.g. `xl/workbook.xml`), inflated after the guard above has
 * checked the archive; `null` when the entry is missing, too large to be what it claims, or damaged.
 */
export async function readZipEntryText(bytes: Uint8Array, entries: readonly ZipEntryInfo[], name: string, maxBytes = 1024 * 1024): Promise<string | null> {
  const entry = entries.find((e) => e.name === name);
  if (!entry || entry.uncompressedSize > maxBytes) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = dataOffset(view, entry);
  const data = bytes.slice(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder('utf-8').decode(data);
  if (typeof DecompressionStream === 'undefined') return null;
  try {
    const inflated = await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();
    return inflated.byteLength > maxBytes ? null : new TextDecoder('utf-8').decode(inflated);
  } catch {
    return null;
  }
}
