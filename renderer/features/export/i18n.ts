/** Texts of this feature, in the i18next namespace 'export'. Chinese and English keys must match. */
export const exportText = {
  zh: {},
  en: {},
} as const;
