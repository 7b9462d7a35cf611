export * from './types';
export { importLimits, isForbiddenKey } from './limits';
export { importColumns, columnNames, matchHeader, templateHeader, type ImportColumn } from './columns';
export { parseImportFile, importKindOf, type ImportFileKind } from './parse-import';
export { templateCsvBytes, templateXlsxBytes, templateFileName } from './template';
export { inspectZip, verifyInflatedSizes, type ZipEntryInfo, type ZipLimits } from './zip-guard';
export { DEFAULT_SERIES_UNIT, seriesIndicatorId, seriesNameFromFileName, type ImportChoices } from './series';
