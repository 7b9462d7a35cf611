/** Texts of this feature, in the i18next namespace 'import'. Chinese and English keys must match. */
export const importText = {
  zh: {},
  en: {},
} as const;
