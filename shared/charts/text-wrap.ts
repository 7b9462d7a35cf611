/**
 * Line breaking for text drawn into an SVG, which has no automatic wrapping. Chinese breaks
 * between any two characters; runs of Latin letters and digits (a word, "2024年" keeps "2024"
 * whole) break only at spaces or between scripts. Closing punctuation never starts a line.
 */

const noLineStart = new Set([...'，。、；：！？）》」』】〕”’,.;:!?)]}%']);

function isWordChar(char: string): boolean {
  return /[A-Za-z0-9\u00C0-\u024F'’“”"(\-.,%]/.test(char);
}

/** Splits text into the smallest pieces a line may break between. */
export function breakOpportunities(text: string): string[] {
  const pieces: string[] = [];
  let word = '';
  const flushWord = () => {
    if (word) pieces.push(word);
    word = '';
  };
  for (const char of text) {
    if (char === ' ') {
      word += char;
      flushWord();
    } else if (isWordChar(char)) {
      word += char;
    } else {
      flushWord();
      // Punctuation that may not start a line rides on the piece before it.
      if (noLineStart.has(char) && pieces.length > 0) pieces[pieces.length - 1] += char;
      else pieces.push(char);
    }
  }
  flushWord();
  return pieces;
}

/** Greedy wrapping: as many pieces per line as fit in `maxWidth`; a piece wider than a line gets a line of its own. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  if (!text) return [];
  const lines: string[] = [];
  let line = '';
  for (const piece of breakOpportunities(text)) {
    const candidate = line + piece;
    if (line && measure(candidate.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
