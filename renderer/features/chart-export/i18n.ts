/** Texts of this feature, in the i18next namespace 'chart-export'. Chinese and English keys must match. */
export const chartExportText = {
  zh: {},
  en: {},
} as const;
