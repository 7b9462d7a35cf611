/** Texts of this feature, in the i18next namespace 'presentation'. Chinese and English keys must match. */
export const presentationText = {
  zh: {},
  en: {},
} as const;
