/** Texts of this feature, in the i18next namespace 'scenarios'. Chinese and English keys must match. */
export const scenariosText = {
  zh: {},
  en: {},
} as const;
