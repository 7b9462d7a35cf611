/**
 * Names in the UI language. Scenarios, indicators and sources carry a Chinese name and may carry
 * an English one; English falls back to the Chinese name rather than showing nothing.
 */
export type Lang = 'zh' | 'en';

/** A text in both languages, e.g. an indicator's name or a unit's label. */
export interface BilingualText {
  zh: string;
  en: string;
}

export interface Named {
  readonly name: string;
  readonly nameEn?: string | undefined;
}

/** The scenario's (or any named record's) name in `lang`. */
export function localName(named: Named, lang: Lang): string {
  return lang === 'en' && named.nameEn !== undefined && named.nameEn.trim() !== '' ? named.nameEn : named.name;
}

/** The text in `lang`; English falls back to Chinese when it is empty. */
export function inLang(text: BilingualText, lang: Lang): string {
  return lang === 'en' && text.en.trim() !== '' ? text.en : text.zh;
}
