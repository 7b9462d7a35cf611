import { describe, expect, it } from 'vitest';
import { createFormatters } from './format';
import { projectedValue, signedPercent, signedValue } from './number-display';

const zh = createFormatters('zh');
const en = createFormatters('en');

describe('number display', () => {
  it('#8 prints projected firm counts in whole firms and money with 4 significant figures', () => {
    // 7565 × 1.192² = 10748.83616 firms
    expect(projectedValue(zh, 10748.83616, 'firms')).toBe('10,749家');
    expect(projectedValue(en, 10748.83616, 'firms')).toBe('10,749 firms');
    // 4200 × 1.15³ = 6387.675亿元 → 4 figures 6388; = CNY 638.7675 bn → 638.8
    expect(projectedValue(zh, 6387.675, 'cny-100m')).toBe('6,388亿元');
    expect(projectedValue(en, 6387.675, 'cny-100m')).toBe('CNY 638.8 bn');
  });

  it('signs differences with a true minus and an explicit plus, and none when it rounds to zero', () => {
    // 10003 − 10748.83616 = −745.83616 firms, −6.94 % of the baseline
    expect(signedValue(zh, -745.83616, 'firms')).toBe('−746家');
    expect(signedPercent(zh, -6.9388)).toBe('−6.9%');
    expect(signedValue(en, 2573.2, 'firms')).toBe('+2,573 firms');
    expect(signedPercent(en, 0.04)).toBe('0.0%');
    // 0.3 firms shows as 0家: no sign on a zero.
    expect(signedValue(zh, 0.3, 'firms')).toBe('0家');
  });
});
