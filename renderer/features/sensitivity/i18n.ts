/** Texts of this feature, in the i18next namespace 'sensitivity'. Chinese and English keys must match. */
export const sensitivityText = {
  zh: {},
  en: {},
} as const;
