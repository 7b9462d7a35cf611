/** Texts of this feature, in the i18next namespace 'compare'. Chinese and English keys must match. */
export const compareText = {
  zh: {},
  en: {},
} as const;
