/** Texts of this feature, in the i18next namespace 'data'. Chinese and English keys must match. */
export const dataText = {
  zh: {},
  en: {},
} as const;
