import { describe, expect, it } from 'vitest';
import { contrastRatio, hexToRgb, readableOn, scaleColour } from './colour';

describe('theme colours in exported charts', () => {
  it('writes hex colours the way computed styles report them, so dark colours can be matched and swapped', () => {
    // theme.css: dark text #e8eaed = rgb(232, 234, 237); light accent #0a58a8 = rgb(10, 88, 168).
    expect(hexToRgb('#e8eaed')).toBe('rgb(232, 234, 237)');
    expect(hexToRgb(' #0A58A8 ')).toBe('rgb(10, 88, 168)');
    expect(hexToRgb('#fff')).toBe('rgb(255, 255, 255)');
    expect(hexToRgb('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
  });
});

describe('heatmap colours in exported charts', () => {
  it('runs from the first stop to the last and mixes halfway between two stops', () => {
    const stops = ['#000000', '#ffffff'];
    expect(scaleColour(stops, 0)).toBe('#000000');
    expect(scaleColour(stops, 1)).toBe('#ffffff');
    // Halfway: 127.5 of 255 rounds to 128 = 0x80.
    expect(scaleColour(stops, 0.5)).toBe('#808080');
    // Outside 0…1 (and NaN) stays on the scale rather than inventing a colour.
    expect(scaleColour(stops, 2)).toBe('#ffffff');
    expect(scaleColour(stops, Number.NaN)).toBe('#000000');
  });

  it('prints black on a light cell and white on a dark one, whichever reads better', () => {
    // Black on white is the WCAG maximum, 21:1.
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(readableOn('#f1f6fc', '#000000', '#ffffff')).toBe('#000000');
    expect(readableOn('#0b3a73', '#000000', '#ffffff')).toBe('#ffffff');
  });
});
