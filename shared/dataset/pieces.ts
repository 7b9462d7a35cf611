/**
 * Which piece of the newspaper page a quote belongs to. The page carries several articles, and
 * the OCR interleaves their columns, so each piece owns ranges of the text; a figure's piece is
 * read from where its quote sits, never typed per figure.
 *
 * Structural types only: the schema imports this module to refuse a figure whose quote falls in
 * no piece, or in two.
 */
import { inLang, type BilingualText, type Lang } from '../units';

interface Range {
  readonly start: number;
  readonly end: number;
}

interface Ranged {
  readonly id: string;
  readonly ranges: readonly Range[];
}

interface Quoted {
  readonly quote: string;
  readonly offset: number;
}

export type PieceResolution<P> = { readonly kind: 'piece'; readonly piece: P } | { readonly kind: 'none' | 'ambiguous'; readonly problem: string };

const holds = (range: Range, start: number, end: number): boolean => range.start <= start && end <= range.end;
const touches = (range: Range, start: number, end: number): boolean => range.start < end && start < range.end;
const rangeText = (range: Range): string => `[${range.start}, ${range.end})`;
const quoted = (source: Quoted): string => `${JSON.stringify(source.quote.length > 30 ? `${source.quote.slice(0, 30)}…` : source.quote)}`;

/** The one piece whose range holds the whole quote, or what is wrong: in no piece, across two, or in two that overlap. */
export function resolvePiece<P extends Ranged>(pieces: readonly P[], source: Quoted): PieceResolution<P> {
  const start = source.offset;
  const end = source.offset + source.quote.length;
  const holders = pieces.filter((piece) => piece.ranges.some((range) => holds(range, start, end)));
  const [only] = holders;
  if (holders.length === 1 && only !== undefined) return { kind: 'piece', piece: only };
  // Only a problem is described: a chart's source line resolves its figures on every drag step.
  const where = `quote ${quoted(source)} at ${rangeText({ start, end })}`;
  if (holders.length > 1)
    return { kind: 'ambiguous', problem: `${where} lies in pieces ${holders.map((p) => `"${p.id}"`).join(' and ')}: their ranges overlap` };
  const touched = pieces.filter((piece) => piece.ranges.some((range) => touches(range, start, end)));
  if (touched.length > 1) {
    return { kind: 'ambiguous', problem: `${where} runs across pieces ${touched.map((p) => `"${p.id}"`).join(' and ')}: a figure must come from one piece` };
  }
  const [partly] = touched;
  if (partly !== undefined)
    return { kind: 'none', problem: `${where} runs outside the ranges of piece "${partly.id}" (${partly.ranges.map(rangeText).join(', ')})` };
  return { kind: 'none', problem: `${where} falls in no piece of the page` };
}

/** A piece's byline as a citation writes it: "首席记者 张亦筑", "reporters Zuo Liyun and Peng Yu". */
export function bylineText(piece: { readonly byline: { readonly role: BilingualText; readonly authors: readonly BilingualText[] } }, lang: Lang): string {
  const names = piece.byline.authors.map((author) => inLang(author, lang));
  const joined = lang === 'zh' ? names.join(' ') : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '');
  return `${inLang(piece.byline.role, lang)} ${joined}`;
}

/** A message for each pair of ranges (of one piece or of two) that share characters. */
export function overlappingRanges(pieces: readonly Ranged[]): string[] {
  const all = pieces.flatMap((piece) => piece.ranges.map((range) => ({ id: piece.id, range }))).sort((a, b) => a.range.start - b.range.start);
  const problems: string[] = [];
  all.forEach((entry, index) => {
    for (const later of all.slice(index + 1)) {
      if (later.range.start >= entry.range.end) break;
      problems.push(`ranges overlap: piece "${entry.id}" ${rangeText(entry.range)} and piece "${later.id}" ${rangeText(later.range)}`);
    }
  });
  return problems;
}
