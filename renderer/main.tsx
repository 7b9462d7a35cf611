import './theme/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CompareSelectionProvider } from './app/compare-selection';
import { ErrorBoundary } from './app/ErrorBoundary';
import { NotificationsProvider } from './app/notifications';
import { PresentationProvider } from './features/presentation/PresentationProvider';
import { scenarioChartReady } from './features/scenarios/ScenarioBuilder';
import { loadInitialWorkspace, WorkspaceProvider } from './app/workspace/WorkspaceProvider';
import { initI18n, resolveLanguage } from './i18n';
import { getPlatform } from './platform';

async function boot(): Promise<void> {
  const platform = getPlatform();
  const [appInfo, snapshot, initialWorkspace] = await Promise.all([platform.getAppInfo(), platform.getSettings(), loadInitialWorkspace(platform)]);
  // Opening on Scenarios, the chart's code (requested when the app's code ran) is awaited too,
  // so the first frame already holds the chart: one render and one layout instead of a loading
  // note, then a second pass. Should it fail, the builder says so in the chart's place.
  if (snapshot.settings.lastView === 'scenarios') await scenarioChartReady().catch(() => undefined);
  await initI18n(resolveLanguage(snapshot.settings.language, appInfo.locale));
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root element');
  createRoot(rootElement).render(
    <StrictMode>
      <ErrorBoundary>
        <NotificationsProvider>
          <WorkspaceProvider platform={platform} initial={initialWorkspace}>
            <PresentationProvider>
              <CompareSelectionProvider>
                <App platform={platform} appInfo={appInfo} initialSettings={snapshot.settings} initialNotices={snapshot.notices} />
              </CompareSelectionProvider>
            </PresentationProvider>
          </WorkspaceProvider>
        </NotificationsProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  // Without i18n or React there is nothing else to show it with; both languages are given.
  const root = document.getElementById('root');
  if (root) {
    root.textContent = `情景推演台无法启动 / Scenario Desk could not start: ${error instanceof Error ? error.message : String(error)}`;
    root.setAttribute('role', 'alert');
  }
});
