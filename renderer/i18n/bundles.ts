/**
 * Every feature keeps its texts beside its code and registers them here as an i18next
 * namespace of the same name, e.g. `useTranslation('scenarios')`.
 */
import { chartExportText } from '../features/charts/export/i18n';
import { compareText } from '../features/compare/i18n';
import { dataText } from '../features/data/i18n';
import { exportText } from '../features/export/i18n';
import { importText } from '../features/import/i18n';
import { presentationText } from '../features/presentation/i18n';
import { scenariosText } from '../features/scenarios/i18n';
import { sensitivityText } from '../features/sensitivity/i18n';
import { targetsText } from '../features/targets/i18n';
import { en } from './en';
import { zh } from './zh';

const features = {
  'chart-export': chartExportText,
  compare: compareText,
  data: dataText,
  export: exportText,
  import: importText,
  presentation: presentationText,
  scenarios: scenariosText,
  sensitivity: sensitivityText,
  targets: targetsText,
};

export const featureNamespaces = Object.keys(features);

export const i18nResources = {
  zh: { translation: zh, ...Object.fromEntries(Object.entries(features).map(([ns, text]) => [ns, text.zh])) },
  en: { translation: en, ...Object.fromEntries(Object.entries(features).map(([ns, text]) => [ns, text.en])) },
};
