import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageSetting } from '../../shared/settings/settings';
import { i18nResources } from './bundles';

export type AppLanguage = 'zh' | 'en';

/** `system` follows the operating system's locale: Chinese for any zh-*, English otherwise. */
export function resolveLanguage(setting: LanguageSetting, osLocale: string): AppLanguage {
  if (setting !== 'system') return setting;
  return osLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export async function initI18n(language: AppLanguage): Promise<typeof i18next> {
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

export async function changeLanguage(language: AppLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}
