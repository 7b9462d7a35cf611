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
    data: 'Data',
    scenarios: 'Scenarios',
    compare: 'Compare',
    targets: 'Targets',
    export: 'Export',
    shortcutHint: 'Alt+{{n}}',
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
    dismiss: 'Dismiss',
  },
  views: {
    data: { title: 'Data', intro: 'Every figure of the source article, each with its original sentence.' },
    scenarios: { title: 'Scenarios', intro: 'Build growth paths, required-growth checks and uncertainty on the data.', empty: 'No scenarios yet.' },
    compare: { title: 'Compare', intro: 'Overlay scenarios of the same indicator.', empty: 'Comparing needs at least two scenarios.' },
    targets: { title: 'Targets', intro: 'Whether each target is on track.', empty: 'No targets to check yet.' },
    export: { title: 'Export', intro: 'Export the Excel model and slide-ready chart images.', empty: 'Nothing to export yet.' },
  },
  source: {
    citation: 'Source: Chongqing Daily, February 2024, "Leading with science and technology innovation, building future industries"',
  },
};
