import { describe, expect, it } from 'vitest';
import { breakOpportunities, wrapText } from './text-wrap';

/** Every character 10 px wide, so a line of width 100 holds 10 characters. */
const fixed = (text: string) => [...text].length * 10;

describe('wrapping text for an image', () => {
  it('breaks Chinese between characters and keeps numbers and words whole', () => {
    expect(breakOpportunities('来源：重庆日报 2024年2月')).toEqual(['来', '源：', '重', '庆', '日', '报', ' ', '2024', '年', '2', '月']);
    expect(breakOpportunities('Monte Carlo 10,000 trials')).toEqual(['Monte ', 'Carlo ', '10,000 ', 'trials']);
  });

  it('fills each line up to the width and never starts a line with a closing mark', () => {
    // 11 characters: 10 fit on the first line, but "；" may not start the next, so it stays with "月".
    const lines = wrapText('来源：重庆日报二月；预测', 100, fixed);
    expect(lines).toEqual(['来源：重庆日报二月；', '预测']);
    expect(lines.every((line) => fixed(line) <= 100)).toBe(true);
  });

  it('wraps English at spaces and drops the space at the break', () => {
    // "Source: Chongqing" is 17 characters = 170 px > 160; "Chongqing Daily," is 16 = 160 px and fits.
    expect(wrapText('Source: Chongqing Daily, February 2024', 160, fixed)).toEqual(['Source:', 'Chongqing Daily,', 'February 2024']);
  });

  it('gives an over-long word a line of its own instead of losing it', () => {
    expect(wrapText('a verylongwordindeed b', 50, fixed)).toEqual(['a', 'verylongwordindeed', 'b']);
  });
});
