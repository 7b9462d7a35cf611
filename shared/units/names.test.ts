import { describe, expect, it } from 'vitest';
import { bilingualName, inLang, localName, namesAfter, withNames, type BilingualText, type Lang, type Named } from './index';

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

describe('#14.2 one name model: a typed name is the name in both languages until the user gives a translation', () => {
  const copy: Named = { name: '软件和信息服务业营收:每年增长15%（副本）', nameEn: 'Software & information services revenue: +15% a year (copy)' };
  const both = (named: Named) => [localName(named, 'zh'), localName(named, 'en')];

  it('a typed name replaces both, whichever language it was typed in', () => {
    expect(both(namesAfter(copy, { kind: 'typed', text: ' 软件10%情景 ' }))).toEqual(['软件10%情景', '软件10%情景']);
    expect(namesAfter(copy, { kind: 'typed', text: '软件10%情景' })).toEqual({ name: '软件10%情景' });
  });

  it('a blank typed name changes nothing', () => {
    expect(namesAfter(copy, { kind: 'typed', text: '   ' })).toBe(copy);
  });

  it('a translation changes English only; blank or the name itself is no translation', () => {
    const named: Named = { name: '软件10%情景' };
    expect(both(namesAfter(named, { kind: 'translation', text: 'Software at 10%' }))).toEqual(['软件10%情景', 'Software at 10%']);
    expect(namesAfter({ name: '软件10%情景', nameEn: 'Software at 10%' }, { kind: 'translation', text: '' })).toEqual({ name: '软件10%情景' });
    expect(namesAfter(named, { kind: 'translation', text: '软件10%情景' })).toBe(named);
  });

  it('a copy adds each language its own suffix, also to a name without translation', () => {
    const suffix = { zh: '（副本）', en: ' (copy)' };
    expect(both(namesAfter({ name: '基准', nameEn: 'Baseline' }, { kind: 'copy', suffix }))).toEqual(['基准（副本）', 'Baseline (copy)']);
    expect(both(namesAfter({ name: '软件10%情景' }, { kind: 'copy', suffix }))).toEqual(['软件10%情景（副本）', '软件10%情景 (copy)']);
  });

  it('a composed name comes in both languages, English falling back when it has none', () => {
    expect(namesAfter({ name: '' }, { kind: 'composed', text: { zh: '软件收入：每年增长10%', en: 'Software revenue: 10% a year' } })).toEqual({
      name: '软件收入：每年增长10%',
      nameEn: 'Software revenue: 10% a year',
    });
    expect(namesAfter({ name: '' }, { kind: 'composed', text: { zh: '软件收入', en: '' } })).toEqual({ name: '软件收入' });
  });

  it('keeps names to 200 characters, the file format’s limit', () => {
    const long = '长'.repeat(199);
    expect(namesAfter({ name: long }, { kind: 'copy', suffix: { zh: '（副本）', en: ' (copy)' } }).name).toHaveLength(200);
  });

  it('a record takes the names, losing a translation the new names do not have', () => {
    const scenario = { id: 's', name: '旧名', nameEn: 'Old name', unit: 'firms' };
    expect(withNames(scenario, { name: '新名' })).toEqual({ id: 's', name: '新名', unit: 'firms' });
    expect(withNames(scenario, scenario)).toBe(scenario);
  });
});
