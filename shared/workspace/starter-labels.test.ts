import { describe, expect, it } from 'vitest';
import { localLabel } from '../units';
import { parseWorkspace } from './parse';
import { loadStarterWorkspace, STARTER_WORKSPACE_TEXT } from './starter';

/** Issue #14 item 8: target notes stay in Chinese. Each starter target's English label, written by hand from its Chinese. */
const ENGLISH_OF: Readonly<Record<string, string>> = {
  '2028年预测规模约5500亿元': '2028 forecast: about CNY 550 bn', // 5500亿 = 550 bn
  '2024年目标:4200亿元(“满天星”行动)': '2024 target: CNY 420 bn ("Sky full of stars" action)', // 4200亿 = 420 bn
  '2025年目标:超过1万家': '2025 target: over 10,000 firms', // 1万 = 10,000
  '2027年目标:超过1.27万家(“双倍增”)': '2027 target: over 12,700 firms ("double doubling")', // 1.27万 = 12,700
  '2025年目标:超过6.7万家': '2025 target: over 67,000 firms', // 6.7万 = 67,000
  '2027年目标:超过8.6万家(“双倍增”)': '2027 target: over 86,000 firms ("double doubling")', // 8.6万 = 86,000
};

describe('#8 target notes of the starter scenarios in the UI language', () => {
  const targets = loadStarterWorkspace().scenarios.flatMap((scenario) => scenario.targets);

  it('every labelled target has its English label, and English shows it', () => {
    const labelled = targets.filter((target) => target.label !== undefined);
    expect(labelled.length).toBeGreaterThan(0);
    for (const target of labelled) {
      expect(localLabel(target, 'en'), target.label).toBe(ENGLISH_OF[target.label ?? '']);
      expect(localLabel(target, 'zh')).toBe(target.label);
    }
  });

  it('no English target label has a Chinese character left', () => {
    for (const target of targets) expect(localLabel(target, 'en') ?? '').not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('the starter with its English labels is a valid workspace file', () => {
    expect(parseWorkspace(STARTER_WORKSPACE_TEXT).ok).toBe(true);
  });
});
