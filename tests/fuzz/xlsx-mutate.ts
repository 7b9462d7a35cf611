/**
 * Structure-aware mutation of .xlsx files for the fuzz tests: a valid workbook is unzipped once into
 * its parts (XML as text), a case changes cells, shared strings, defined names or whole parts, and
 * the parts are zipped again. Mutations are plain data, applied by a pure function, so a failing case
 * replays from its seed and shrinks.
 */
import fc from 'fast-check';
import { inflateRawSync } from 'node:zlib';
import { inspectZip } from '../../shared/import/zip-guard';
import { buildZip } from '../fixtures/import/zip-writer';
import { fromValue, mutate, mutationArbitrary, oddNumberTexts, render, type Mutation } from './json-mutate';

export interface Part {
  readonly name: string;
  readonly data: Uint8Array;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function unzipParts(bytes: Uint8Array): Part[] {
  const zip = inspectZip(bytes);
  if (!zip.ok) throw new Error(`not a zip: ${zip.error.message}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return zip.entries.map((entry) => {
    const start = entry.localHeaderOffset + 30 + view.getUint16(entry.localHeaderOffset + 26, true) + view.getUint16(entry.localHeaderOffset + 28, true);
    const compressed = bytes.subarray(start, start + entry.compressedSize);
    return { name: entry.name, data: entry.method === 8 ? new Uint8Array(inflateRawSync(compressed)) : compressed.slice() };
  });
}

export function zipParts(parts: readonly Part[]): Uint8Array {
  return buildZip(parts.map((p) => ({ name: p.name, data: p.data })));
}

export const xmlEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const xmlUnescape = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e] !== undefined) return named[e];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });

/** What a mutated cell holds. */
export type CellContent =
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'inline'; readonly text: string }
  | { readonly kind: 'shared'; readonly index: string }
  | { readonly kind: 'bool'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'formula'; readonly formula: string; readonly cached: string }
  | { readonly kind: 'empty' };

export type XlsxMutation =
  | { readonly type: 'cell'; readonly part: number; readonly at: number; readonly content: CellContent }
  | { readonly type: 'nudge-number'; readonly at: number; readonly factor: number; readonly years: number }
  | { readonly type: 'shared-string'; readonly at: number; readonly text: string }
  | { readonly type: 'json-in-shared-string'; readonly which: 'workspace' | 'meta'; readonly mutations: readonly Mutation[] }
  | { readonly type: 'defined-name'; readonly at: number; readonly ref: string }
  | { readonly type: 'defined-name-add'; readonly name: string; readonly ref: string }
  | { readonly type: 'attribute'; readonly part: number; readonly at: number; readonly value: string }
  | { readonly type: 'sheet-name'; readonly at: number; readonly name: string }
  | { readonly type: 'worksheet-element'; readonly part: number; readonly element: string }
  | { readonly type: 'xml-cut'; readonly part: number; readonly at: number }
  | { readonly type: 'xml-insert'; readonly part: number; readonly at: number; readonly text: string }
  | { readonly type: 'part-drop'; readonly part: number }
  | { readonly type: 'part-duplicate'; readonly part: number }
  | { readonly type: 'part-rename'; readonly part: number; readonly name: string };

const cellText = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    "=cmd|' /C calc'!A0",
    '+1',
    '-1',
    '@SUM(A1)',
    '1e999',
    'NaN',
    'Infinity',
    '-0',
    '',
    ' ',
    '亿元',
    '万',
    '%',
    '2023',
    '1,2',
    '１２',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

export const cellContentArbitrary: fc.Arbitrary<CellContent> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .oneof(
        fc.constantFrom(...oddNumberTexts),
        fc.constantFrom('NaN', 'Infinity', '-Infinity', '', 'abc', '0x10', ' 12 ', '1e', '--1'),
        fc.double().map(String),
      )
      .map((text) => ({ kind: 'number' as const, text })),
  },
  { weight: 2, arbitrary: cellText.map((text) => ({ kind: 'inline' as const, text })) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.nat({ max: 200 }).map(String), fc.constantFrom('-1', '1e9', 'x', '', '0.5')).map((index) => ({ kind: 'shared' as const, index })),
  },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', '2', 'true', '').map((text) => ({ kind: 'bool' as const, text })) },
  { weight: 1, arbitrary: fc.constantFrom('#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', 'x').map((text) => ({ kind: 'error' as const, text })) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        formula: fc.constantFrom('1/0', 'A1', 's1_base*2', 'SUM(A:A)', '__proto__', '"x"&"y"', ''),
        cached: fc.oneof(fc.constantFrom(...oddNumberTexts), fc.constantFrom('', 'x')),
      })
      .map((f) => ({ kind: 'formula' as const, ...f })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

const definedRef = fc.oneof(
  fc.constantFrom(
    "'假设'!$D$6",
    "'Assumptions'!$D$6",
    "'假设'!$D$1048576",
    "'假设'!$XFD$1",
    "'假设'!$D$6:$D$7",
    "'假设'!#REF!",
    '#REF!',
    "'nosuch'!$A$1",
    "'_sdesk'!$A$1",
    "'_sdesk'!$A$3",
    "'假设'!D6",
    '假设!$D$6',
    "'假''设'!$D$6",
    "''!$A$1",
    "'假设'!$A$0",
    "'假设'!$D$99999999",
    'Sheet1!A1',
    '1+1',
    '',
    "'封面'!$B$2",
    "'预测'!$B$8",
    "'__proto__'!$A$1",
  ),
  fc
    .tuple(fc.constantFrom('假设', 'Assumptions', '_sdesk', '预测'), fc.constantFrom('A', 'B', 'C', 'D', 'E', 'Z', 'AA'), fc.integer({ min: 0, max: 40 }))
    .map(([sheet, column, row]) => `'${sheet}'!$${column}$${row}`),
);

const partIndex = fc.nat();

/** Attribute values that index a lookup table (ids, refs, names) or that are numbers in disguise. */
const oddAttribute = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__defineGetter__',
    'length',
    '-1',
    '0',
    '1e9',
    '4294967296',
    'NaN',
    '',
    ' ',
    'A1:XFD1048576',
    'XFD1048576',
    'A1048577',
    'XFE1',
    'A0',
    '$A$1',
    'A1:A1',
    'rId999',
    'rId1',
    '../x.xml',
    '/xl/x.xml',
    'true',
    'veryHidden',
    'hidden',
    'x'.repeat(1000),
  ),
  fc.integer({ min: -5, max: 300 }).map(String),
);

/** Worksheet elements that exceljs would expand cell by cell, or whose references index its tables. */
const worksheetElements = [
  '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"/></dataValidations>',
  '<dataValidations count="1"><dataValidation type="list" sqref="__proto__"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  '<mergeCells count="1"><mergeCell ref="D5:D6"/></mergeCells>',
  '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" priority="1" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>',
  '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId1"/></hyperlinks>',
  '<hyperlinks><hyperlink ref="__proto__" r:id="__proto__"/></hyperlinks>',
  '<autoFilter ref="A1:XFD1048576"/>',
  '<cols><col min="1" max="16384" width="9" customWidth="1"/></cols>',
  '<rowBreaks count="1"><brk id="1048576" max="16383" man="1"/></rowBreaks>',
] as const;

export const xlsxMutationArbitrary: fc.Arbitrary<XlsxMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('cell' as const), part: partIndex, at: fc.nat(), content: cellContentArbitrary }) },
  {
    // An analyst's edit: a number on the Assumptions sheet changed a little (a year by a few years), as the reader must take it back.
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('nudge-number' as const),
      at: fc.nat(),
      factor: fc.double({ min: 0.5, max: 2, noNaN: true }),
      years: fc.integer({ min: -5, max: 5 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('shared-string' as const), at: fc.nat(), text: cellText }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('json-in-shared-string' as const),
      which: fc.constantFrom('workspace' as const, 'meta' as const),
      mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('defined-name' as const), at: fc.nat(), ref: definedRef }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('defined-name-add' as const),
      name: fc.constantFrom('s1_base', 's1_rate', '__proto__', 'constructor', 's99_base', '_xlnm.Print_Area', 's1_t1_value'),
      ref: definedRef,
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('attribute' as const), part: partIndex, at: fc.nat(), value: oddAttribute }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('sheet-name' as const),
      at: fc.nat(),
      name: fc.constantFrom('__proto__', 'constructor', 'toString', '_sdesk', '假设', 'Assumptions', '', "'", 'a'.repeat(40)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('worksheet-element' as const), part: partIndex, element: fc.constantFrom(...worksheetElements) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('xml-cut' as const), part: partIndex, at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('xml-insert' as const),
      part: partIndex,
      at: fc.nat(),
      text: fc.constantFrom(
        '<',
        '>',
        '&',
        '&bogus;',
        '&#0;',
        '&#xD800;',
        ']]>',
        '<![CDATA[x]]>',
        '<!-- -->',
        '<?pi?>',
        '<x>',
        '</c>',
        '<c r="A1"><v>1</v></c>',
        '"',
        "'",
        '\u0000',
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
        '&a;',
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('part-drop' as const), part: partIndex }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('part-duplicate' as const), part: partIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('part-rename' as const),
      part: partIndex,
      name: fc.constantFrom(
        'xl/worksheets/sheet99.xml',
        'xl/workbook.xml',
        '__proto__',
        '../evil.xml',
        '/abs.xml',
        'xl\\worksheets\\sheet1.xml',
        'XL/WORKBOOK.XML',
        '',
      ),
    }),
  },
);

function renderCell(ref: string, style: string, content: CellContent): string {
  const s = style === '' ? '' : ` s="${style}"`;
  switch (content.kind) {
    case 'number':
      return `<c r="${ref}"${s}><v>${xmlEscape(content.text)}</v></c>`;
    case 'inline':
      return `<c r="${ref}"${s} t="inlineStr"><is><t>${xmlEscape(content.text)}</t></is></c>`;
    case 'shared':
      return `<c r="${ref}"${s} t="s"><v>${xmlEscape(content.index)}</v></c>`;
    case 'bool':
      return `<c r="${ref}"${s} t="b"><v>${content.text}</v></c>`;
    case 'error':
      return `<c r="${ref}"${s} t="e"><v>${xmlEscape(content.text)}</v></c>`;
    case 'formula':
      return `<c r="${ref}"${s}><f>${xmlEscape(content.formula)}</f><v>${xmlEscape(content.cached)}</v></c>`;
    case 'empty':
      return `<c r="${ref}"${s}/>`;
  }
}

const CELL = /<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="\w+")?(?:\/>|>.*?<\/c>)/g;
const SHARED = /<si>(.*?)<\/si>/gs;
/** A plain number cell (no type, no formula) in column D, where the Assumptions sheet keeps its named inputs. */
const NUMBER_CELL = /(<c r="D\d+"(?: s="\d+")?><v>)(-?[\d.]+(?:[eE][-+]?\d+)?)(<\/v><\/c>)/g;
const DEFINED = /(<definedName name="[^"]*"[^>]*>)(.*?)(<\/definedName>)/g;
const ATTRIBUTE = /(\s[A-Za-z:]+)="[^"]*"/g;
const SHEET_NAME = /(<sheet\b[^>]*?\sname=)"[^"]*"/g;

function replaceNth(text: string, pattern: RegExp, at: number, replace: (match: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[at % matches.length] as RegExpExecArray;
  return text.slice(0, match.index) + replace(match) + text.slice(match.index + match[0].length);
}

/** The text of a shared string `<si>` (plain `<t>` or rich text runs). */
function siText(inner: string): string {
  return [...inner.matchAll(/<t(?: [^>]*)?>(.*?)<\/t>/gs)].map((m) => xmlUnescape(m[1] ?? '')).join('');
}

/** Applies the mutations in order; `cellParts` picks among worksheets, `part` among all parts. */
export function mutateParts(original: readonly Part[], mutations: readonly XlsxMutation[]): Part[] {
  let parts = original.map((p) => ({ name: p.name, data: p.data }));
  const textOf = (index: number): string => decoder.decode(parts[index]?.data);
  const setText = (index: number, text: string): void => {
    const part = parts[index];
    if (part) parts[index] = { name: part.name, data: encoder.encode(text) };
  };
  const indexOf = (name: string): number => parts.findIndex((p) => p.name === name);
  for (const m of mutations) {
    switch (m.type) {
      case 'cell': {
        const sheets = parts.map((p, i) => (/^xl\/worksheets\/sheet\d+\.xml$/.test(p.name) ? i : -1)).filter((i) => i >= 0);
        if (sheets.length === 0) break;
        // Half of the cell mutations hit the Assumptions sheet (sheet2), whose named input cells the reader reconciles.
        const assumptions = indexOf('xl/worksheets/sheet2.xml');
        const index = m.part % 2 === 0 && assumptions >= 0 ? assumptions : (sheets[m.part % sheets.length] as number);
        setText(
          index,
          replaceNth(textOf(index), CELL, m.at, (match) => renderCell(match[1] ?? 'A1', match[2] ?? '', m.content)),
        );
        break;
      }
      case 'nudge-number': {
        const index = indexOf('xl/worksheets/sheet2.xml');
        if (index < 0) break;
        setText(
          index,
          replaceNth(textOf(index), NUMBER_CELL, m.at, (match) => {
            const value = Number(match[2]);
            const next = Number.isInteger(value) && value >= 1900 && value <= 2060 ? value + m.years : value * m.factor;
            return `${match[1]}${next}${match[3]}`;
          }),
        );
        break;
      }
      case 'shared-string': {
        const index = indexOf('xl/sharedStrings.xml');
        if (index >= 0)
          setText(
            index,
            replaceNth(textOf(index), SHARED, m.at, () => `<si><t>${xmlEscape(m.text)}</t></si>`),
          );
        break;
      }
      case 'json-in-shared-string': {
        const index = indexOf('xl/sharedStrings.xml');
        if (index < 0) break;
        const marker = m.which === 'workspace' ? '{"formatVersion"' : '{"marker"';
        const xml = textOf(index);
        const matches = [...xml.matchAll(SHARED)];
        const match = matches.find((x) => siText(x[1] ?? '').startsWith(marker));
        if (!match) break;
        let value: unknown;
        try {
          value = JSON.parse(siText(match[1] ?? ''));
        } catch {
          break; // a workspace split over several cells: its first chunk is not JSON on its own
        }
        const next = `<si><t>${xmlEscape(render(mutate(fromValue(value), m.mutations)))}</t></si>`;
        setText(index, xml.slice(0, match.index) + next + xml.slice(match.index + match[0].length));
        break;
      }
      case 'defined-name': {
        const index = indexOf('xl/workbook.xml');
        if (index >= 0)
          setText(
            index,
            replaceNth(textOf(index), DEFINED, m.at, (match) => `${match[1]}${xmlEscape(m.ref)}${match[3]}`),
          );
        break;
      }
      case 'defined-name-add': {
        const index = indexOf('xl/workbook.xml');
        if (index >= 0)
          setText(index, textOf(index).replace('<definedNames>', `<definedNames><definedName name="${xmlEscape(m.name)}">${xmlEscape(m.ref)}</definedName>`));
        break;
      }
      case 'attribute': {
        const index = m.part % Math.max(1, parts.length);
        setText(
          index,
          replaceNth(textOf(index), ATTRIBUTE, m.at, (match) => `${match[1]}="${xmlEscape(m.value)}"`),
        );
        break;
      }
      case 'sheet-name': {
        const index = indexOf('xl/workbook.xml');
        if (index >= 0)
          setText(
            index,
            replaceNth(textOf(index), SHEET_NAME, m.at, (match) => `${match[1]}"${xmlEscape(m.name)}"`),
          );
        break;
      }
      case 'worksheet-element': {
        const sheets = parts.map((p, i) => (/^xl\/worksheets\/sheet\d+\.xml$/.test(p.name) ? i : -1)).filter((i) => i >= 0);
        if (sheets.length === 0) break;
        const index = sheets[m.part % sheets.length] as number;
        // Where Excel puts them: after the cell data, before the page margins.
        setText(index, textOf(index).replace(/(<pageMargins|<\/worksheet>)/, `${m.element}$1`));
        break;
      }
      case 'xml-cut': {
        const index = m.part % Math.max(1, parts.length);
        const text = textOf(index);
        setText(index, text.slice(0, m.at % (text.length + 1)));
        break;
      }
      case 'xml-insert': {
        const index = m.part % Math.max(1, parts.length);
        const text = textOf(index);
        const at = m.at % (text.length + 1);
        setText(index, text.slice(0, at) + m.text + text.slice(at));
        break;
      }
      case 'part-drop':
        parts = parts.filter((_, i) => i !== m.part % Math.max(1, parts.length));
        break;
      case 'part-duplicate': {
        const part = parts[m.part % Math.max(1, parts.length)];
        if (part) parts = [...parts, part];
        break;
      }
      case 'part-rename': {
        const index = m.part % Math.max(1, parts.length);
        const part = parts[index];
        if (part) parts[index] = { name: m.name, data: part.data };
        break;
      }
    }
  }
  return parts;
}

/** Byte-level damage to a whole file: flips and a cut. */
export const byteDamageArbitrary = fc.record({
  flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }),
  cut: fc.option(fc.nat(), { nil: null }),
});

export function damageBytes(bytes: Uint8Array, damage: { flips: readonly { at: number; value: number }[]; cut: number | null }): Uint8Array {
  let out = bytes.slice();
  for (const f of damage.flips) out[f.at % out.length] = f.value;
  if (damage.cut !== null) out = out.slice(0, damage.cut % (out.length + 1));
  return out;
}
