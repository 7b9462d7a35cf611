/**
 * Finding a command by typing: the query is matched against the Chinese and the English
 * label (and the button label and the id), so a command is found in either language whatever
 * the interface language is.
 */
import type { BilingualText } from '../units/names';

export interface SearchableCommand {
  readonly id: string;
  readonly label: BilingualText;
  readonly button?: BilingualText;
}

/** Lower case, full-width folded (NFKC), without spaces and punctuation: `Save As…` → `saveas`. */
export function foldForSearch(text: string): string {
  return foldedWords(text).folded;
}

/** The folded text and where each of its words starts in it (`saveAs` and `Save As` have two words). */
function foldedWords(text: string): { folded: string; starts: number[] } {
  const words = text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[\s\p{P}\p{S}]+/u)
    .map((word) => word.normalize('NFKC').toLowerCase())
    .filter((word) => word !== '');
  const starts: number[] = [];
  let folded = '';
  for (const word of words) {
    starts.push(folded.length);
    folded += word;
  }
  return { folded, starts };
}

/**
 * How well `query` (folded) matches `text`: lower is better, `null` is no match. 0 the whole
 * text, 1 its start, 1.5 the start of a later word, 2 inside a word, 3 its letters in order with
 * a few others between. Shorter texts and tighter fuzzy matches come first within a kind;
 * otherwise equal matches keep the catalog's order.
 */
export function matchText(query: string, text: string): number | null {
  const { folded, starts } = foldedWords(text);
  if (query === '' || folded === query) return 0;
  if (folded.startsWith(query)) return 1 + (folded.length - query.length) / 100_000;
  if (starts.some((start) => folded.startsWith(query, start))) return 1.5;
  if (folded.includes(query)) return 2;
  let from = 0;
  let first = -1;
  for (const char of query) {
    const found = folded.indexOf(char, from);
    if (found < 0) return null;
    if (first < 0) first = found;
    from = found + char.length;
  }
  // Letters scattered over a long name are chance, not a match ("save" in "scenariosview").
  const span = from - first;
  return span < 3 * query.length ? 3 + (span - query.length) / 1000 : null;
}

/** The commands that match, best first; commands that match equally keep their order. Empty query: all. */
export function searchCommands<T extends SearchableCommand>(query: string, commands: readonly T[]): T[] {
  const folded = foldForSearch(query);
  const scored: { command: T; score: number; order: number }[] = [];
  commands.forEach((command, order) => {
    const texts = [command.label.zh, command.label.en, command.button?.zh, command.button?.en, command.id].filter((t): t is string => t !== undefined);
    let best: number | null = null;
    for (const text of texts) {
      let score = matchText(folded, text);
      // The id is a fallback: its start ranks like the start of a word, not like the start of a label.
      if (score !== null && score > 0 && text === command.id) score = Math.max(score, 1.5);
      if (score !== null && (best === null || score < best)) best = score;
    }
    if (best !== null) scored.push({ command, score: best, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((entry) => entry.command);
}
