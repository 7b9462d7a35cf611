/**
 * Which font subsets an image needs. The bundled Noto Sans SC comes as ~100 subset files per
 * weight, each declaring the characters it covers in `unicode-range`; an exported SVG embeds
 * only the subsets that cover characters it actually shows.
 */

export interface CodepointRange {
  from: number;
  to: number;
}

/** Parses a CSS `unicode-range` value such as `U+4e00-4e8f, U+ff0c, U+30??`. Unparseable parts are skipped. */
export function parseUnicodeRange(value: string): CodepointRange[] {
  const ranges: CodepointRange[] = [];
  for (const rawPart of value.split(',')) {
    const part = rawPart.trim().replace(/^u\+/i, '');
    if (!part) continue;
    let from: number;
    let to: number;
    if (part.includes('?')) {
      from = parseInt(part.replace(/\?/g, '0'), 16);
      to = parseInt(part.replace(/\?/g, 'f'), 16);
    } else if (part.includes('-')) {
      const [start = '', end = ''] = part.split('-');
      from = parseInt(start, 16);
      to = parseInt(end, 16);
    } else {
      from = parseInt(part, 16);
      to = from;
    }
    if (Number.isFinite(from) && Number.isFinite(to) && from <= to) ranges.push({ from, to });
  }
  return ranges;
}

/** The distinct code points of a text (not UTF-16 units, so characters outside the BMP count once). */
export function codepointsOf(text: string): Set<number> {
  const points = new Set<number>();
  for (const char of text) {
    const point = char.codePointAt(0);
    if (point !== undefined) points.add(point);
  }
  return points;
}

export function rangesCoverAny(ranges: readonly CodepointRange[], points: ReadonlySet<number>): boolean {
  for (const point of points) {
    if (ranges.some((r) => point >= r.from && point <= r.to)) return true;
  }
  return false;
}
