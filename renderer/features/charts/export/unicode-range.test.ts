import { describe, expect, it } from 'vitest';
import { codepointsOf, parseUnicodeRange, rangesCoverAny } from './unicode-range';

describe('font subsets for an image', () => {
  it('reads single points, spans and wildcards of a unicode-range', () => {
    // U+30?? is every code point from 0x3000 to 0x30ff.
    expect(parseUnicodeRange('U+4e00-4e8f, U+ff0c,U+30??')).toEqual([
      { from: 0x4e00, to: 0x4e8f },
      { from: 0xff0c, to: 0xff0c },
      { from: 0x3000, to: 0x30ff },
    ]);
  });

  it('picks a subset only when it covers a character the image shows', () => {
    // 情 is U+60C5, 景 is U+666F.
    const text = codepointsOf('情景 2024');
    expect(rangesCoverAny(parseUnicodeRange('U+6000-60ff'), text)).toBe(true);
    expect(rangesCoverAny(parseUnicodeRange('U+4e00-4eff'), text)).toBe(false);
    // Digits and the space are in the Basic Latin subset.
    expect(rangesCoverAny(parseUnicodeRange('U+0000-00ff'), text)).toBe(true);
  });

  it('counts a character outside the basic plane once, not as two halves', () => {
    expect([...codepointsOf('𠀀a')]).toEqual([0x20000, 0x61]);
  });
});
