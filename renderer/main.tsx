import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './theme/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n, resolveLanguage } from './i18n';
import { getPlatform } from './platform';

async function boot(): Promise<void> {
  const platform = getPlatform();
  const [appInfo, snapshot] = await Promise.all([platform.getAppInfo(), platform.getSettings()]);
  await initI18n(resolveLanguage(snapshot.settings.language, appInfo.locale));
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root element');
  createRoot(rootElement).render(
    <StrictMode>
      <App platform={platform} appInfo={appInfo} initialSettings={snapshot.settings} initialNotices={snapshot.notices} />
    </StrictMode>,
  );
}

void boot();
