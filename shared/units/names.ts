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

/** The longest name a scenario keeps (the workspace file allows 200 characters). */
export const maxNameLength = 200;

/**
 * How a record's names change. There is one name model: `name` is the name in both languages and
 * `nameEn` an English translation that replaces it in English only. A name the user types is not
 * Chinese or English, it is the scenario's name, so it stands in both languages until the user
 * gives a translation; a name the app composes (a new scenario, a copy) comes in both languages.
 *
 * - `typed`: the user named the record (in either language): the name in both, any translation dropped.
 * - `translation`: the user gave the English name (blank, or the name itself: no translation).
 * - `copy`: a duplicate: each language's name with that language's suffix ("（副本）" / " (copy)").
 * - `composed`: a name the app made up in both languages (English may be empty).
 */
export type NameChange =
  | { readonly kind: 'typed'; readonly text: string }
  | { readonly kind: 'translation'; readonly text: string }
  | { readonly kind: 'copy'; readonly suffix: BilingualText }
  | { readonly kind: 'composed'; readonly text: BilingualText };

/** Names from a name and a translation: no translation kept when it is blank or says the same as the name. */
function namesOf(name: string, translation: string): Named {
  const zh = name.slice(0, maxNameLength);
  const en = translation.trim() === '' ? '' : translation.slice(0, maxNameLength);
  return en === '' || en === zh ? { name: zh } : { name: zh, nameEn: en };
}

/**
 * The names after a change, by the one rule above. Every place that sets a scenario's name (rename,
 * English name, duplicate, new scenario) goes through this. Returns `named` itself when the change
 * leaves the names as they are (a blank typed name is no name, so it changes nothing).
 */
export function namesAfter(named: Named, change: NameChange): Named {
  let next: Named;
  switch (change.kind) {
    case 'typed': {
      const text = change.text.trim();
      if (text === '') return named;
      next = namesOf(text, '');
      break;
    }
    case 'translation':
      next = namesOf(named.name, change.text.trim());
      break;
    case 'copy':
      // A name without a translation reads the same in English: its copy says "(copy)" there, not "（副本）".
      next = namesOf(`${named.name}${change.suffix.zh}`, `${localName(named, 'en')}${change.suffix.en}`);
      break;
    case 'composed':
      next = namesOf(change.text.zh, change.text.en);
      break;
  }
  return next.name === named.name && (next.nameEn ?? '') === (named.nameEn ?? '') ? named : next;
}

/** The record with the names of `names`: a translation it had is removed when `names` has none. */
export function withNames<T extends Named>(record: T, names: Named): T {
  if (names === record) return record;
  // The old translation is dropped, not kept: the new names say whether there is one.
  const { nameEn: _old, ...rest } = record;
  // T is a record with these two fields among others: rest has every other field of T, and the names are T's own.
  return { ...rest, ...names } as T;
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
