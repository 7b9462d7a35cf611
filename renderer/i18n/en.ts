import type { TranslationShape } from './types';

export const en: TranslationShape = {
  app: {
    name: 'Scenario Desk',
    nameOther: '情景推演台',
    tagline: 'What-if scenarios on the figures of official policy texts',
    version: 'Version {{version}}',
    shellBrowser: 'Browser edition',
    shellElectron: 'Desktop edition',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
  },
  nav: {
    label: 'Views',
  },
  palette: {
    title: 'Command palette',
    inputLabel: 'Command name (English or Chinese)',
    placeholder: 'Type a command name, in English or Chinese…',
    listLabel: 'Commands',
    unavailable: 'not available now',
    noMatch: 'No command matches “{{query}}”.',
    count: 'Matching commands: {{count}}.',
    hint: '↑↓ choose · Enter runs · Esc closes',
  },
  settings: {
    language: 'Language',
    languageSystem: 'System',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
  },
  notices: {
    settingsQuarantined: 'The settings file was damaged, so default settings are in use. The old file was kept as {{file}}.',
    registryQuarantined:
      'The list of where your recent workspaces are could not be read, so the recent list starts empty. Your workspaces are untouched; the old list was kept as {{file}}, next to the settings.',
    dismiss: 'Dismiss',
  },
  views: {
    data: { title: 'Data', intro: 'Every figure of the source article, each with its original sentence.' },
    scenarios: { title: 'Scenarios', intro: 'Build growth paths, required-growth checks and uncertainty on the data.', empty: 'No scenarios yet.' },
    compare: { title: 'Compare', intro: 'Overlay scenarios of the same indicator.', empty: 'Comparing needs at least two scenarios.' },
    targets: { title: 'Targets', intro: 'Whether each target is on track.', empty: 'No targets to check yet.' },
    sensitivity: { title: 'Sensitivity', intro: 'Which assumptions move the result most.', empty: 'Choose a scenario first.' },
    export: { title: 'Export', intro: 'Export the Excel model and slide-ready chart images.', empty: 'Nothing to export yet.' },
  },
  workspace: {
    toolbarLabel: 'Workspace',
    untitled: 'Untitled workspace',
    unsaved: 'Unsaved changes',
    saved: 'Saved {{what}}',
    opened: 'Opened {{what}}',
    openedMigrated: 'Opened {{what}} (upgraded from format {{version}}; saving writes the new format)',
    migrationChanges: '. The upgrade changed: {{changes}}',
    invalid: 'Could not open {{what}}: the file has problems. The file itself was not changed.',
    failed: 'The operation on {{what}} did not complete.',
    theFile: 'the file',
    draftFailed: 'The autosaved draft could not be written; please save soon.',
    draftSetAside:
      'The autosaved draft could not be read. It was set aside unchanged as {{file}}, next to the settings; a new draft starts from the starter workspace.',
    draftKept:
      'The autosaved draft could not be read, nor set aside. It is left as it is, and autosave is off until the app is restarted; export it before you go on.',
    exportDraft: 'Export this draft…',
    draftNotLoaded: 'The autosaved draft could not be loaded ({{reason}}). It is left as it is, and autosave is off until the app is restarted.',
    recent: 'Recent',
    noRecent: 'None yet',
    openBackup: 'Open the backup copy {{file}}',
    copySuffix: ' (copy)',
    reading: 'Reading {{what}}…',
    readTimeout: 'Could not open {{what}}: reading it took longer than the {{seconds}} s allowed, so it was stopped. The file itself was not changed.',
    readFailed: 'Could not open {{what}}: reading it stopped unexpectedly. The file itself was not changed.',
  },
  source: {
    citation: 'Source: Chongqing Daily, February 2024, "Leading with science and technology innovation, building future industries"',
  },
};
