import { describe, expect, it } from 'vitest';
import { bilingualName, inLang, localName, type BilingualText, type Lang } from './index';

describe('localName', () => {
  const scenario = { name: '高新技术企业：每年增长15%', nameEn: 'High-tech firms: 15% a year' };

  it('Chinese shows the Chinese name, English the English one', () => {
    expect(localName(scenario, 'zh')).toBe('高新技术企业：每年增长15%');
    expect(localName(scenario, 'en')).toBe('High-tech firms: 15% a year');
  });

  it('English falls back to the Chinese name when the English one is missing, empty or blank', () => {
    for (const nameEn of [undefined, '', ' ', '\t\n', '\u3000']) expect(localName({ name: '基准情景', nameEn }, 'en')).toBe('基准情景');
    expect(localName({ name: '基准情景' }, 'en')).toBe('基准情景');
  });

  it('Chinese never uses the English name, even when there is no other', () => {
    expect(localName({ name: '', nameEn: 'Baseline' }, 'zh')).toBe('');
  });

  it('keeps the English name as written (no trimming of a real name)', () => {
    expect(localName({ name: '基准', nameEn: ' Baseline ' }, 'en')).toBe(' Baseline ');
  });

  it('takes any named record: a scenario with more fields, a readonly one', () => {
    const stored: { readonly id: string; readonly name: string; readonly nameEn?: string } = { id: 's1', name: '乐观', nameEn: 'Optimistic' };
    const langs: readonly Lang[] = ['zh', 'en'];
    expect(langs.map((lang) => localName(stored, lang))).toEqual(['乐观', 'Optimistic']);
  });
});

describe('inLang', () => {
  const indicator: BilingualText = { zh: '高新技术企业数', en: 'High-tech enterprises' };

  it('picks the language', () => {
    expect(inLang(indicator, 'zh')).toBe('高新技术企业数');
    expect(inLang(indicator, 'en')).toBe('High-tech enterprises');
  });

  it('English falls back to Chinese when it is empty or blank (an imported indicator without an English name)', () => {
    expect(inLang({ zh: '软件收入', en: '' }, 'en')).toBe('软件收入');
    expect(inLang({ zh: '软件收入', en: '   ' }, 'en')).toBe('软件收入');
  });

  it('Chinese is shown as it is, even when empty', () => {
    expect(inLang({ zh: '', en: 'Revenue' }, 'zh')).toBe('');
  });
});

describe('both names of a record', () => {
  it('keeps the English name beside the Chinese one, and an absent English name empty so inLang falls back', () => {
    const named = { name: '软件业务收入', nameEn: 'Software revenue' };
    expect(bilingualName(named)).toEqual({ zh: '软件业务收入', en: 'Software revenue' });
    expect(inLang(bilingualName({ name: '软件业务收入' }), 'en')).toBe('软件业务收入');
  });
});
