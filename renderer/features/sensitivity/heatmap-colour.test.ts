import { describe, expect, it } from 'vitest';
import { AA_CONTRAST, cellColours, contrastRatio, DARK_TEXT, heatmapColour, LIGHT_TEXT, relativeLuminance } from './heatmap-colour';

describe('heatmap colours', () => {
  it('compute WCAG luminance and contrast (black on white is 21:1)', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 12);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    // #777777: channel 119/255 = 0.4667 → ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845; (1.05) / (0.2345) = 4.48
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('run from light to dark across the scale', () => {
    expect(relativeLuminance(heatmapColour(0))).toBeGreaterThan(relativeLuminance(heatmapColour(0.5)));
    expect(relativeLuminance(heatmapColour(0.5))).toBeGreaterThan(relativeLuminance(heatmapColour(1)));
  });

  it('print dark text on light cells and white on dark ones, always at AA contrast or better', () => {
    expect(cellColours(0, 0, 100).text).toBe(DARK_TEXT);
    expect(cellColours(100, 0, 100).text).toBe(LIGHT_TEXT);
    for (let value = 0; value <= 1000; value++) {
      const { background, text } = cellColours(value, 0, 1000);
      expect(contrastRatio(background, text), `${background} with ${text}`).toBeGreaterThanOrEqual(AA_CONTRAST);
    }
  });
});
