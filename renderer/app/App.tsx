import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { langOf } from '../../shared/units';
import { useTranslation } from 'react-i18next';
import { viewCommands, type CommandId } from '../../shared/commands';
import type { AppInfo, DeskApi, SettingsNotice } from '../../shared/platform/desk-api';
import type { LanguageSetting, Settings, SettingsPatch, ThemeSetting } from '../../shared/settings/settings';
import { ExcelExportCommand } from '../features/export/ExcelExportCommand';
import { ImportButton, ImportPanel } from '../features/import/ImportPanel';
import { useImportCommand } from '../features/import/useImportCommand';
import { scenarioFromObservation } from '../features/scenarios/new-scenario';
import { ScenariosView } from '../features/scenarios/ScenariosView';
import { addScenario, withFreeId } from './workspace/workspace-edits';
import { useWorkspace } from './workspace/WorkspaceProvider';
import { WorkspaceToolbar } from '../features/workspace/WorkspaceToolbar';
import { changeLanguage, resolveLanguage } from '../i18n';
import { loadBundledFontsAfterFirstPaint } from '../fonts/bundled-fonts';
import { useCommandButton } from './commands/CommandButton';
import { useCommand, useCommandRegistry, useKeyboardDispatcher, useMenuCommands } from './commands/hooks';
import { shortcutTexts } from './commands/shortcut-text';
import { useTheme } from './useTheme';
import { viewIds, type ViewId } from './views';

// Views other than Scenarios (where the app opens unless the analyst left it elsewhere) load on
// demand, so Recharts and the heavier analyses stay out of the initial bundle.
const DataView = lazy(() => import('../features/data/DataView').then((m) => ({ default: m.DataView })));
const CompareView = lazy(() => import('../features/compare/CompareView').then((m) => ({ default: m.CompareView })));
const TargetsView = lazy(() => import('../features/targets/TargetsView').then((m) => ({ default: m.TargetsView })));
const SensitivityView = lazy(() => import('../features/sensitivity/SensitivityView').then((m) => ({ default: m.SensitivityView })));
const ExportView = lazy(() => import('../features/export/ExportView').then((m) => ({ default: m.ExportView })));
const PresentationPanel = lazy(() => import('../features/presentation/PresentationPanel').then((m) => ({ default: m.PresentationPanel })));
const loadPalette = () => import('./commands/CommandPalette');
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));

/** A sidebar button: the registry command of its view (Alt+1…6), marked as the current page. */
function NavButton({ view, current, onSelect }: { view: ViewId; current: boolean; onSelect: (view: ViewId) => void }) {
  const command = viewCommands[view];
  useCommand(command, () => onSelect(view));
  const { props, label } = useCommandButton(command);
  const [shortcut] = shortcutTexts(command);
  return (
    <button type="button" aria-current={current ? 'page' : undefined} {...props}>
      <span>{label}</span>
      {shortcut ? <kbd aria-hidden="true">{shortcut}</kbd> : null}
    </button>
  );
}

export interface AppProps {
  platform: DeskApi;
  appInfo: AppInfo;
  initialSettings: Settings;
  initialNotices: SettingsNotice[];
}

export function App({ platform, appInfo, initialSettings, initialNotices }: AppProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const [settings, setSettings] = useState(initialSettings);
  const [notices, setNotices] = useState(initialNotices);
  const [view, setViewState] = useState<ViewId>(initialSettings.lastView);
  const setView = useCallback(
    (next: ViewId) => {
      setViewState(next);
      platform.setSettings({ lastView: next }).catch(() => {
        // Which view to reopen on is a convenience; failing to store it must not interrupt work.
      });
    },
    [platform],
  );
  const importer = useImportCommand();
  const theme = useTheme(settings.theme);
  useEffect(loadBundledFontsAfterFirstPaint, []);

  const updateSettings = useCallback(
    async (patch: SettingsPatch) => {
      const next = await platform.setSettings(patch);
      setSettings(next);
      if (patch.language) await changeLanguage(resolveLanguage(next.language, appInfo.locale));
    },
    [platform, appInfo.locale],
  );

  const { edit, selectScenario } = workspace;
  const useInScenario = useCallback(
    (observationId: string) => {
      // Made on the workspace shown, outside the edit's updater (see withFreeId), so its id is known now.
      const scenario = withFreeId(workspace.workspace, scenarioFromObservation(observationId, new Date().toISOString()));
      edit((ws, nowIso) => addScenario(ws, scenario, nowIso));
      selectScenario(scenario.id);
      setView('scenarios');
    },
    [edit, selectScenario, setView, workspace.workspace],
  );

  // The registry's one keyboard dispatcher, and the native menu's commands routed into it.
  const registry = useCommandRegistry();
  useKeyboardDispatcher();
  useMenuCommands(platform);

  // The palette: its command toggles it; a command chosen in it runs once it has closed (and
  // focus is back where it was), so the command sees the app as the user left it.
  const [paletteOpen, setPaletteOpen] = useState(false);
  const chosenInPalette = useRef<CommandId | null>(null);
  useCommand('commandPalette', () => setPaletteOpen((open) => !open));
  useEffect(() => {
    const chosen = chosenInPalette.current;
    if (paletteOpen || !chosen) return;
    chosenInPalette.current = null;
    registry.run(chosen);
  }, [paletteOpen, registry]);
  // Loaded when the browser is idle after start-up, so the first Ctrl+K opens it at once.
  useEffect(() => {
    const idle = window.requestIdleCallback?.(() => void loadPalette(), { timeout: 5000 });
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);

  const language = langOf(i18n.language);
  useCommand('switchLanguage', () => void updateSettings({ language: language === 'en' ? 'zh' : 'en' }));
  useCommand('toggleTheme', () => void updateSettings({ theme: theme === 'dark' ? 'light' : 'dark' }));

  return (
    <div className="shell">
      {/* The Export view shows the export's progress itself; elsewhere the command's own indicator does. */}
      <ExcelExportCommand showProgress={view !== 'export'} />
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <h1 className="shell-title">
          {t('app.name')}
          <small lang={settings.language === 'en' ? 'zh-CN' : 'en'}>{t('app.nameOther')}</small>
        </h1>
        <WorkspaceToolbar>
          <ImportButton />
        </WorkspaceToolbar>
        <span className="spacer" />
        <div className="shell-controls">
          <label>
            {t('settings.language')}
            <select
              data-testid="language-select"
              value={settings.language}
              onChange={(e) => void updateSettings({ language: e.target.value as LanguageSetting })}
            >
              <option value="system">{t('settings.languageSystem')}</option>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {t('settings.theme')}
            <select data-testid="theme-select" value={settings.theme} onChange={(e) => void updateSettings({ theme: e.target.value as ThemeSetting })}>
              <option value="system">{t('settings.themeSystem')}</option>
              <option value="light">{t('settings.themeLight')}</option>
              <option value="dark">{t('settings.themeDark')}</option>
            </select>
          </label>
        </div>
      </header>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        {viewIds.map((id) => (
          <NavButton key={id} view={id} current={view === id} onSelect={setView} />
        ))}
        <p className="shell-version" data-testid="app-version">
          {t('app.version', { version: appInfo.version })}
          <br />
          {t(appInfo.shell === 'electron' ? 'app.shellElectron' : 'app.shellBrowser')}
        </p>
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        {notices.map((notice) => (
          <div key={notice.quarantineFileName} className="notice" role="alert">
            <p>
              {t(notice.kind === 'registry-quarantined' ? 'notices.registryQuarantined' : 'notices.settingsQuarantined', { file: notice.quarantineFileName })}
            </p>
            <button type="button" className="button" onClick={() => setNotices((all) => all.filter((n) => n !== notice))}>
              {t('notices.dismiss')}
            </button>
          </div>
        ))}
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          {view === 'data' ? <DataView onUseInScenario={useInScenario} /> : null}
          {view === 'scenarios' ? <ScenariosView /> : null}
          {view === 'compare' ? <CompareView /> : null}
          {view === 'targets' ? <TargetsView /> : null}
          {view === 'sensitivity' ? <SensitivityView /> : null}
          {view === 'export' ? (
            <>
              <ExportView />
              <PresentationPanel />
            </>
          ) : null}
        </Suspense>
      </main>
      <ImportPanel open={importer.isOpen} onClose={importer.close} />
      {paletteOpen ? (
        <Suspense fallback={null}>
          <CommandPalette
            onClose={() => setPaletteOpen(false)}
            onChoose={(id) => {
              chosenInPalette.current = id;
              setPaletteOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
