/**
 * Checks a zip archive's central directory before any unzip library sees the bytes, so an
 * oversized file, a zip bomb (huge, highly compressible entries) or an archive with thousands of
 * entries is refused cheaply. Pure TypeScript over a Uint8Array: usable in the renderer, the
 * CLI and workers. The import feature may reuse it for any .xlsx it reads.
 *
 * What it cannot see: an archive whose directory lies about the uncompressed sizes. Those sizes
 * are what the unzip library allocates for, so the limits still bound the common attacks; the
 * workbook reader additionally refuses anything that is not the app's own export.
 */

export interface ZipLimits {
  /** Whole file. */
  readonly maxBytes: number;
  readonly maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  readonly maxTotalUncompressedBytes: number;
  /** Uncompressed ÷ compressed, checked for entries larger than `ratioCheckFromBytes`. */
  readonly maxCompressionRatio: number;
  readonly ratioCheckFromBytes: number;
}

/**
 * An exported workbook of 500 scenarios is a few MB with about 20 entries and sheet XML that
 * compresses 10–30×; the limits leave a wide margin above that while stopping bombs, whose
 * entries compress 1,000× or more.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
};

export type ZipProblemCode = 'too-large' | 'not-a-zip' | 'zip64-unsupported' | 'too-many-entries' | 'too-much-data' | 'compression-ratio' | 'corrupt-directory';

export interface ZipProblem {
  readonly code: ZipProblemCode;
  readonly message: string;
  readonly messageZh: string;
}

export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

export type ZipCheckResult = { readonly ok: true; readonly entries: readonly ZipEntryInfo[] } | { readonly ok: false; readonly problems: readonly ZipProblem[] };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD_MIN_LENGTH = 22;
const CENTRAL_ENTRY_MIN_LENGTH = 46;
/** The end record may be followed by a comment of up to 65,535 bytes. */
const MAX_COMMENT_LENGTH = 0xffff;

function problem(code: ZipProblemCode, message: string, messageZh: string): ZipProblem {
  return { code, message, messageZh };
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH);
  for (let offset = view.byteLength - EOCD_MIN_LENGTH; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

function decodeName(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Reads the central directory and applies the limits; never throws for malformed input. */
export function checkZipArchive(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheckResult {
  if (bytes.byteLength > limits.maxBytes) {
    return { ok: false, problems: [problem('too-large', `the file is ${megabytes(bytes.byteLength)}; the limit is ${megabytes(limits.maxBytes)}`, `文件大小为 ${megabytes(bytes.byteLength)},上限为 ${megabytes(limits.maxBytes)}`)] };
  }
  const notZip = problem('not-a-zip', 'not an Excel .xlsx file (no zip directory found)', '不是 Excel .xlsx 文件(找不到 zip 目录)');
  if (bytes.byteLength < EOCD_MIN_LENGTH) return { ok: false, problems: [notZip] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { ok: false, problems: [notZip] };

  const entryCount = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  const zip64 = (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) || entryCount === 0xffff || directoryOffset === 0xffffffff;
  if (zip64) {
    return { ok: false, problems: [problem('zip64-unsupported', 'the archive uses the ZIP64 format, which exported workbooks never need', '该压缩包使用 ZIP64 格式,导出的工作簿不会用到此格式')] };
  }
  if (entryCount > limits.maxEntries) {
    return { ok: false, problems: [problem('too-many-entries', `the archive has ${entryCount} entries; the limit is ${limits.maxEntries}`, `压缩包含 ${entryCount} 个条目,上限为 ${limits.maxEntries}`)] };
  }
  if (directoryOffset + directorySize > eocd) {
    return { ok: false, problems: [problem('corrupt-directory', 'the zip directory points outside the file', 'zip 目录指向文件之外')] };
  }

  const entries: ZipEntryInfo[] = [];
  const problems: ZipProblem[] = [];
  let total = 0;
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (offset + CENTRAL_ENTRY_MIN_LENGTH > eocd || view.getUint32(offset, true) !== CENTRAL_ENTRY_SIGNATURE) {
      return { ok: false, problems: [problem('corrupt-directory', `zip directory entry ${index + 1} is damaged`, `zip 目录第 ${index + 1} 个条目已损坏`)] };
    }
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameStart = offset + CENTRAL_ENTRY_MIN_LENGTH;
    if (nameStart + nameLength > eocd) {
      return { ok: false, problems: [problem('corrupt-directory', `zip directory entry ${index + 1} is damaged`, `zip 目录第 ${index + 1} 个条目已损坏`)] };
    }
    const name = decodeName(bytes.subarray(nameStart, nameStart + nameLength));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      return { ok: false, problems: [problem('zip64-unsupported', 'the archive uses the ZIP64 format, which exported workbooks never need', '该压缩包使用 ZIP64 格式,导出的工作簿不会用到此格式')] };
    }
    entries.push({ name, compressedSize, uncompressedSize });
    total += uncompressedSize;
    if (uncompressedSize >= limits.ratioCheckFromBytes) {
      const ratio = compressedSize === 0 ? Infinity : uncompressedSize / compressedSize;
      if (ratio > limits.maxCompressionRatio) {
        problems.push(
          problem(
            'compression-ratio',
            `entry "${name}" expands ${Number.isFinite(ratio) ? Math.round(ratio) : '∞'}× (${megabytes(uncompressedSize)}); the limit is ${limits.maxCompressionRatio}× — this looks like a zip bomb`,
            `条目“${name}”解压后膨胀 ${Number.isFinite(ratio) ? Math.round(ratio) : '∞'} 倍(${megabytes(uncompressedSize)}),上限为 ${limits.maxCompressionRatio} 倍,疑似压缩炸弹`,
          ),
        );
      }
    }
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  if (total > limits.maxTotalUncompressedBytes) {
    problems.push(problem('too-much-data', `the archive expands to ${megabytes(total)}; the limit is ${megabytes(limits.maxTotalUncompressedBytes)}`, `压缩包解压后为 ${megabytes(total)},上限为 ${megabytes(limits.maxTotalUncompressedBytes)}`));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
