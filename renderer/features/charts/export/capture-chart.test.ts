import { describe, expect, it } from 'vitest';
import { hexToRgb } from './capture-chart';

describe('theme colours in exported charts', () => {
  it('writes hex colours the way computed styles report them, so dark colours can be matched and swapped', () => {
    // theme.css: dark text #e8eaed = rgb(232, 234, 237); light accent #0a58a8 = rgb(10, 88, 168).
    expect(hexToRgb('#e8eaed')).toBe('rgb(232, 234, 237)');
    expect(hexToRgb(' #0A58A8 ')).toBe('rgb(10, 88, 168)');
    expect(hexToRgb('#fff')).toBe('rgb(255, 255, 255)');
    expect(hexToRgb('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
  });
});
