import { describe, expect, it } from 'vitest';
import { createFormatters } from './format';
import { projectedValue, signedPercent, signedValue } from './number-display';

const zh = createFormatters('zh');
const en = createFormatters('en');

describe('number display', () => {
  it('prints projected firm counts in whole firms and money with one decimal', () => {
    // 7565 × 1.192² = 10748.83616 firms
    expect(projectedValue(zh, 10748.83616, 'firms')).toBe('10,749家');
    expect(projectedValue(en, 10748.83616, 'firms')).toBe('10,749 firms');
    // 4200 × 1.15³ = 6387.675亿元 = CNY 638.7675 bn
    expect(projectedValue(zh, 6387.675, 'cny-100m')).toBe('6387.7亿元');
    expect(projectedValue(en, 6387.675, 'cny-100m')).toBe('CNY 638.8 bn');
  });

  it('signs differences with a true minus and an explicit plus, and none when it rounds to zero', () => {
    // 10003 − 10748.83616 = −745.83616 firms, −6.94 % of the baseline
    expect(signedValue(zh, -745.83616, 'firms')).toBe('−746家');
    expect(signedPercent(zh, -6.9388)).toBe('−6.9%');
    expect(signedValue(en, 2573.2, 'firms')).toBe('+2,573 firms');
    expect(signedPercent(en, 0.04)).toBe('0.0%');
  });
});
