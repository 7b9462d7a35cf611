import { describe, expect, it } from 'vitest';
import { estimateTextWidth, exportPresets, imagePadding, imageText, layoutImage, type MeasureText } from './image-layout';

/** Every character as wide as the font is tall. */
const measure: MeasureText = (text, style) => [...text].length * style.size;

const content = { title: '高新技术企业数量', subtitle: '基准情景', source: '来源：重庆日报 2024年2月', chartWidth: 868, chartHeight: 320, frameWidth: 900 };

describe('exported image layout', () => {
  it('keeps the on-screen frame width at 1× and multiplies pixels at 2×', () => {
    const layout = layoutImage(content, exportPresets.x2, measure);
    expect(layout.width).toBe(900);
    expect(layout.pixelWidth).toBe(1800);
    expect(layout.pixelHeight).toBe(Math.round(layout.height * 2));
    // One line each: 16 + 20×1.3 + 2 + 14×1.4 + 12 + 320 + 12 + 12×1.4 + 16 = 440.4 → 441.
    expect(layout.height).toBe(441);
    expect(layout.chart).toEqual({ x: imagePadding, y: 16 + 26 + 2 + 19.6 + 12, width: 868, height: 320 });
  });

  it('puts the title above the chart and the source line below it', () => {
    const layout = layoutImage(content, exportPresets.x1, measure);
    const titleBaseline = layout.title[0]?.y ?? Infinity;
    const sourceBaseline = layout.source[0]?.y ?? -Infinity;
    expect(titleBaseline).toBeLessThan(layout.chart.y);
    expect(sourceBaseline).toBeGreaterThan(layout.chart.y + layout.chart.height);
    expect(sourceBaseline).toBeLessThanOrEqual(layout.height);
  });

  it('wraps a long source line inside the margins', () => {
    // 80 characters at 12 px = 960 px, wider than 900 − 2×16 = 868 px: two lines.
    const layout = layoutImage({ ...content, source: '源'.repeat(80) }, exportPresets.x1, measure);
    expect(layout.source).toHaveLength(2);
    expect(layout.source.every((line) => measure(line.text, imageText.source) <= 868)).toBe(true);
  });

  it('gives a 1920×1080 slide exactly that many pixels, at 16:9, with the chart no smaller than on screen', () => {
    const layout = layoutImage(content, exportPresets.hd, measure);
    expect([layout.pixelWidth, layout.pixelHeight]).toEqual([1920, 1080]);
    expect(layout.height / layout.width).toBeCloseTo(9 / 16, 10);
    // 900 × 9/16 = 506.25 logical px of height, more than the 441 the content needs, so the width stays 900.
    expect(layout.width).toBe(900);
    expect(layout.chart.height).toBeGreaterThanOrEqual(320);
  });

  it('widens a slide when a tall chart would not fit at 16:9', () => {
    const layout = layoutImage({ ...content, chartHeight: 700 }, exportPresets.uhd, measure);
    expect([layout.pixelWidth, layout.pixelHeight]).toEqual([3840, 2160]);
    expect(layout.width).toBeGreaterThan(900);
    expect(layout.chart.height).toBeGreaterThanOrEqual(700);
  });
});

describe('estimated text widths, for images made without a font to measure', () => {
  it('counts a Chinese character as one em and a Latin character as 0.55 em', () => {
    // "基准情景" is 4 em = 48 px at 12 px; "2023" is 4 × 0.55 = 2.2 em = 26.4 px.
    expect(estimateTextWidth('基准情景', { size: 12, weight: 400, lineHeight: 1.4 })).toBeCloseTo(48, 10);
    expect(estimateTextWidth('2023', { size: 12, weight: 400, lineHeight: 1.4 })).toBeCloseTo(26.4, 10);
    // Full-width punctuation and the corner brackets of a scenario name are full width too: 「高」 is 3 em.
    expect(estimateTextWidth('「高」', { size: 10, weight: 400, lineHeight: 1.4 })).toBeCloseTo(30, 10);
  });

  it('draws bold a little wider, so a bold title is not wrapped too late', () => {
    expect(estimateTextWidth('高新', { size: 20, weight: 700, lineHeight: 1.3 })).toBeGreaterThan(
      estimateTextWidth('高新', { size: 20, weight: 400, lineHeight: 1.3 }),
    );
  });
});
