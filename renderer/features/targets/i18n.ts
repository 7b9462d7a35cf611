/** Texts of this feature, in the i18next namespace 'targets'. Chinese and English keys must match. */
export const targetsText = {
  zh: {},
  en: {},
} as const;
