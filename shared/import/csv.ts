/**
 * CSV as Excel and RFC 4180 write it: quoted fields with doubled quotes, newlines inside
 * quotes, CRLF or LF (or old-Mac CR) line ends, an optional byte-order mark, and the
 * delimiter Excel uses in the user's locale (comma, semicolon, or tab for "Unicode text").
 */
import { importLimits } from './limits';
import { fileProblem, type ImportProblem } from './types';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based record number: the row Excel shows this record on. */
  row: number;
  cells: string[];
}

export interface CsvSyntaxError {
  row: number;
  /** 1-based field position, to be named by the header once it is known. */
  columnIndex: number;
  message: string;
  messageZh: string;
}

export type CsvParseResult =
  { ok: true; delimiter: CsvDelimiter; records: CsvRecord[] } | { ok: false; tooManyRows: true } | { ok: false; tooManyRows: false; syntax: CsvSyntaxError };

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; error: ImportProblem };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Text from bytes. Excel writes UTF-8 with BOM ("CSV UTF-8"), UTF-16 LE with BOM ("Unicode
 * text") or, on Chinese Windows, plain "CSV" in GBK; GB18030 is a superset of GBK.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      ok: false,
      error: fileProblem(
        'unreadable-text',
        'This file is a zip archive (probably an .xlsx workbook), not CSV text.',
        '该文件是压缩包（可能是 .xlsx 工作簿），不是 CSV 文本。',
      ),
    };
  }
  try {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
    if (startsWith(bytes, [0xff, 0xfe]))
      return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
    if (startsWith(bytes, [0xfe, 0xff]))
      return { ok: true, text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } catch {
    return {
      ok: false,
      error: fileProblem('unreadable-text', 'The text is not valid in the encoding its byte-order mark announces.', '文本内容与其字节顺序标记声明的编码不符。'),
    };
  }
  const hasNul = bytes.includes(0);
  if (!hasNul) {
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      try {
        return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
      } catch {
        // Falls through to the error below.
      }
    }
  }
  return {
    ok: false,
    error: fileProblem(
      'unreadable-text',
      'The file is not readable text (expected UTF-8, UTF-16 or GBK/GB18030).',
      '文件不是可读的文本（应为 UTF-8、UTF-16 或 GBK/GB18030 编码）。',
    ),
  };
}

/** The delimiter that splits the header line into the most fields; comma when none does. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (counts[','] + counts[';'] + counts['\t'] > 0) break;
    } else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Splits CSV text into records. Blank records are dropped (their row numbers stay counted,
 * so later rows keep the number Excel shows). Stops as soon as there are more data rows
 * than the limit, without reading the rest.
 */
export function parseCsv(text: string, maxDataRows: number = importLimits.maxRows): CsvParseResult {
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  const length = text.length;
  const fieldEnd = delimiter === '\t' ? /[\t\r\n]/g : delimiter === ';' ? /[;\r\n]/g : /[,\r\n]/g;

  const endRecord = (): boolean => {
    cells.push(field);
    field = '';
    if (!isBlank(cells)) records.push({ row, cells });
    cells = [];
    row++;
    // The header plus maxDataRows data rows is the most that may come through.
    return records.length <= maxDataRows + 1;
  };

  while (i < length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next quote that is not doubled.
      const startRow = row;
      i++;
      let chunkStart = i;
      let closed = false;
      while (i < length) {
        const q = text.indexOf('"', i);
        if (q === -1) break;
        if (text[q + 1] === '"') {
          field += text.slice(chunkStart, q + 1);
          i = q + 2;
          chunkStart = i;
          continue;
        }
        field += text.slice(chunkStart, q);
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        return {
          ok: false,
          tooManyRows: false,
          syntax: {
            row: startRow,
            columnIndex: cells.length + 1,
            message: 'A quoted field is never closed: a closing " is missing.',
            messageZh: '引号字段没有结束：缺少结尾的 "。',
          },
        };
      }
      const next = text[i];
      if (i < length && next !== delimiter && next !== '\n' && next !== '\r') {
        return {
          ok: false,
          tooManyRows: false,
          syntax: {
            row: startRow,
            columnIndex: cells.length + 1,
            message: `Unexpected text after a closing quote: ${JSON.stringify(text.slice(i, i + 10))}.`,
            messageZh: `结尾引号之后有多余内容：${JSON.stringify(text.slice(i, i + 10))}。`,
          },
        };
      }
      continue;
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (!endRecord()) return { ok: false, tooManyRows: true };
      continue;
    }
    // Unquoted text up to the next delimiter or line end; a quote inside is taken literally, as Excel does.
    fieldEnd.lastIndex = i;
    const j = fieldEnd.exec(text) === null ? length : fieldEnd.lastIndex - 1;
    field += text.slice(i, j);
    i = j;
  }
  if (field !== '' || cells.length > 0) {
    if (!endRecord()) return { ok: false, tooManyRows: true };
  }
  return { ok: true, delimiter, records };
}
