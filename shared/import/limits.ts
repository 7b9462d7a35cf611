/**
 * Bounds on what an import may contain. They are checked before the expensive work
 * (the zip limits before exceljs sees the bytes), so a hostile or broken file fails fast
 * with a message instead of exhausting memory.
 */
export const importLimits = {
  /** Same bound as the platform bridge (`payloadLimits.importBytes`). */
  maxFileBytes: 20 * 1024 * 1024,
  /** Data rows, not counting the header row. */
  maxRows: 100_000,
  maxSheets: 50,
  maxColumns: 200,
  maxCellChars: 10_000,
  maxZipEntries: 1_000,
  /** Uncompressed ÷ compressed, per entry. */
  maxZipEntryRatio: 100,
  /**
   * Entries smaller than this are not ratio-checked: a tiny XML part can legitimately
   * compress 200:1 and cannot blow up memory; the total cap still covers them.
   */
  ratioCheckFromBytes: 64 * 1024,
  maxZipTotalUncompressedBytes: 200 * 1024 * 1024,
  /** Errors listed before the rest are summarised in one line. */
  maxErrorsListed: 200,
  /** Parsing in the worker is abandoned after this long. */
  workerTimeoutMs: 10_000,
} as const;

/** Keys that would reach `Object.prototype` if used to index a plain object. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return forbiddenKeys.has(key.trim().toLowerCase());
}
