import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../shared/units';
import { i18nResources } from './bundles';

// The start-up and the settings change resolve `system` as the native menu does (one function, in shared/settings).
export { resolveLanguage } from '../../shared/settings/settings';

export async function initI18n(language: Lang): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: i18nResources,
    lng: language,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

export async function changeLanguage(language: Lang): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}
