/**
 * How deeply a JSON text nests, found by one pass over the characters before `JSON.parse` sees
 * it. Deep input is refused here rather than after parsing because every later step (the key
 * check, the schema, the engine) walks the tree, and because some JavaScript engines parse
 * recursively and throw a stack overflow (RangeError) on it. The pass is linear in the text's
 * length and keeps only the first `maxDepth + 1` levels, so a 1 MB file of 1,000,000 brackets
 * costs a few milliseconds and almost no memory.
 *
 * It is deliberately lenient: it only tracks brackets, strings, commas and colons, so it works on
 * malformed text too, and leaves syntax errors to `JSON.parse`.
 */

export interface NestingExcess {
  /** The deepest level the text reaches (the root object or array is level 1). */
  readonly depth: number;
  /** Keys and indices leading to the first container that opens below `maxDepth`. */
  readonly path: readonly (string | number)[];
}

interface Frame {
  readonly isArray: boolean;
  /** Arrays: the index of the current element. */
  index: number;
  /** Objects: the current member's key, as offsets of its quoted text (decoded only if reported). */
  keyStart: number;
  keyEnd: number;
  /** Objects: between `{` or `,` and `:`, where a string is a key rather than a value. */
  expectingKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Keys longer than this are shown shortened in paths; decoding a megabyte-long key for a message would be waste. */
const MAX_KEY_CHARS = 40;

/** The end of the string whose opening quote is at `start` (the index of its closing quote), or -1 if unterminated. */
function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    for (let i = quote - 1; text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

function decodeKey(text: string, start: number, end: number): string {
  const quoted = text.slice(start, end + 1);
  if (quoted.length <= MAX_KEY_CHARS * 6 + 2) {
    try {
      const key: unknown = JSON.parse(quoted);
      if (typeof key === 'string') return key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…` : key;
    } catch {
      // Malformed escapes: show the raw characters below.
    }
  }
  const raw = quoted.slice(1, -1);
  return raw.length > MAX_KEY_CHARS ? `${raw.slice(0, MAX_KEY_CHARS)}…` : raw;
}

/** `null` when the text nests at most `maxDepth` levels; otherwise how deep it goes and where it first goes too deep. */
export function findExcessiveNesting(text: string, maxDepth: number): NestingExcess | null {
  const frames: Frame[] = [];
  let depth = 0;
  let deepest = 0;
  let excessPath: (string | number)[] | null = null;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) break;
      const top = frames[frames.length - 1];
      if (top !== undefined && depth === frames.length && !top.isArray && top.expectingKey) {
        top.keyStart = i;
        top.keyEnd = end;
      }
      i = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth <= maxDepth) {
        frames.push({ isArray: code === OPEN_BRACKET, index: 0, keyStart: -1, keyEnd: -1, expectingKey: code === OPEN_BRACE });
      } else if (excessPath === null) {
        excessPath = frames.map((frame) => (frame.isArray ? frame.index : frame.keyStart === -1 ? '' : decodeKey(text, frame.keyStart, frame.keyEnd)));
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth === 0) continue;
      if (depth <= maxDepth) frames.pop();
      depth--;
    } else if (depth > 0 && depth === frames.length) {
      // Commas and colons only matter at levels whose frame is kept.
      const top = frames[frames.length - 1];
      if (top === undefined) continue;
      if (code === COMMA) {
        if (top.isArray) top.index++;
        else top.expectingKey = true;
      } else if (code === COLON && !top.isArray) {
        top.expectingKey = false;
      }
    }
  }
  return excessPath === null ? null : { depth: deepest, path: excessPath };
}
