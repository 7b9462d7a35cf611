/**
 * Names in the UI language. Scenarios, indicators and sources carry a Chinese name and may carry
 * an English one; English falls back to the Chinese name rather than showing nothing.
 */
export type Lang = 'zh' | 'en';

/** A language code such as i18next's `i18n.language` as a Lang: 'en' is English, anything else Chinese (the app's fallback language). */
export function langOf(language: string | undefined): Lang {
  return language === 'en' ? 'en' : 'zh';
}

/** A text in both languages, e.g. an indicator's name or a unit's label. */
export interface BilingualText {
  readonly zh: string;
  readonly en: string;
}

export interface Named {
  readonly name: string;
  readonly nameEn?: string | undefined;
}

/** The scenario's (or any named record's) name in `lang`. */
export function localName(named: Named, lang: Lang): string {
  return lang === 'en' && named.nameEn !== undefined && named.nameEn.trim() !== '' ? named.nameEn : named.name;
}

/** Both names of a named record, for a chart that keeps both languages (inLang falls back as localName does). */
export function bilingualName(named: Named): BilingualText {
  return { zh: named.name, en: named.nameEn ?? '' };
}

/** The text in `lang`; English falls back to Chinese when it is empty. */
export function inLang(text: BilingualText, lang: Lang): string {
  return lang === 'en' && text.en.trim() !== '' ? text.en : text.zh;
}

export interface Labelled {
  readonly label?: string | null | undefined;
  readonly labelEn?: string | null | undefined;
}

/**
 * A target's label in `lang`: the English label in English when there is one, else the label as
 * typed (a label typed once is the label in both languages until it is translated), as localName.
 */
export function localLabel(labelled: Labelled, lang: Lang): string | undefined {
  const english = labelled.labelEn ?? '';
  return lang === 'en' && english.trim() !== '' ? english : (labelled.label ?? undefined);
}
