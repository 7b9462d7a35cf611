import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv } from './csv';

function cellsOf(text: string): string[][] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error('expected the CSV to parse');
  return parsed.records.map((r) => r.cells);
}

describe('parseCsv (RFC 4180 as Excel writes it)', () => {
  it('reads quoted fields with doubled quotes, delimiters and newlines inside', () => {
    expect(cellsOf('a,b\r\n"x, y","say ""hi""\r\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\r\nthere'],
    ]);
  });

  it('numbers records as Excel shows rows, counting blank lines but not newlines inside quotes', () => {
    const parsed = parseCsv('h1,h2\n"multi\nline",1\n\nlast,2');
    expect(parsed.ok && parsed.records.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('accepts LF, CRLF and CR line ends and a missing final newline', () => {
    expect(cellsOf('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(cellsOf('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('detects semicolon and tab delimiters from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('"x;y",b\n')).toBe(',');
    expect(cellsOf('a;b\n"1;2";3')).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
  });

  it('reports an unclosed quote at the row where it opened', () => {
    const parsed = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(parsed).toMatchObject({ ok: false, tooManyRows: false, syntax: { row: 3, columnIndex: 2 } });
  });

  it('reports text after a closing quote', () => {
    const parsed = parseCsv('a,b\n"x"y,2\n');
    expect(parsed).toMatchObject({ ok: false, syntax: { row: 2, columnIndex: 1 } });
  });

  it('stops once there are more data rows than allowed', () => {
    expect(parseCsv('h\n1\n2\n3\n', 2)).toEqual({ ok: false, tooManyRows: true });
    expect(parseCsv('h\n1\n2\n', 2).ok).toBe(true);
  });
});

describe('decodeText', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad]));
    expect(decoded).toMatchObject({ ok: true, text: '中' });
  });

  it('reads UTF-16 LE with BOM (Excel "Unicode text")', () => {
    // 中 is U+4E2D: little-endian bytes 2D 4E.
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e]))).toMatchObject({ ok: true, text: '中' });
  });

  it('falls back to GB18030 for CSV saved by Excel on Chinese Windows', () => {
    // 中 in GBK is D6 D0; those bytes are not valid UTF-8.
    expect(decodeText(new Uint8Array([0xd6, 0xd0]))).toMatchObject({ ok: true, text: '中', encoding: 'gb18030' });
  });

  it('refuses a zip archive renamed to .csv', () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toMatchObject({ ok: false, error: { code: 'unreadable-text' } });
  });
});
