/**
 * The import dialog: choose a CSV or XLSX file, watch it being read in a worker, then either
 * fix the problems listed by row and column or import the previewed indicators (one undo step).
 * Imported indicators go into the workspace, never into the bundled dataset.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INDICATORS, type ImportedIndicator, type WorkspaceScenario } from '../../../shared/workspace';
import type { ImportChoices } from '../../../shared/import/series';
import type { ImportFileInput, ImportProblem, ImportProgress } from '../../../shared/import/types';
import { inLang, localName } from '../../../shared/units';
import { CommandButton } from '../../app/commands/CommandButton';
import { useNotify } from '../../app/notifications';
import { useFormatters } from '../../i18n/format';
import { getPlatform } from '../../platform';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { createImportWorker, runImport, type ImportRun } from './import-runner';
import { fitsInWorkspace, importIntoWorkspace, indicatorCountAfterImport, previewRows } from './preview';
import { SeriesChoices } from './SeriesChoices';
import './import.css';

type PanelState =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; progress: ImportProgress | null }
  | { kind: 'errors'; fileName: string; errors: ImportProblem[]; choices?: ImportChoices | undefined }
  | {
      kind: 'preview';
      fileName: string;
      indicators: ImportedIndicator[];
      warnings: ImportProblem[];
      rowCount: number;
      scenarios: WorkspaceScenario[];
      /** What the import filled in for a plain series (its name, its unit), asked in the preview. */
      choices?: ImportChoices | undefined;
    };

/** The toolbar button of the registry command 'importData'. */
export function ImportButton() {
  return <CommandButton command="importData" data-testid="open-import" />;
}

function ProblemTable({ problems, caption, testId }: { problems: readonly ImportProblem[]; caption: string; testId: string }) {
  const { t, i18n } = useTranslation('import');
  const showSheet = problems.some((p) => p.sheet !== undefined);
  return (
    <div className="import-table-wrap">
      <table className="import-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showSheet ? <th scope="col">{t('col.sheet')}</th> : null}
            <th scope="col">{t('col.row')}</th>
            <th scope="col">{t('col.column')}</th>
            <th scope="col">{t('col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={index}>
              {showSheet ? <td>{problem.sheet ?? ''}</td> : null}
              <td className="import-num">{problem.row ?? t('wholeFile')}</td>
              <td>{(i18n.language === 'en' ? problem.column : (problem.columnZh ?? problem.column)) ?? '—'}</td>
              <td>{i18n.language === 'en' ? problem.message : problem.messageZh}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('import');
  const notify = useNotify();
  const format = useFormatters();
  const { workspace, edit } = useWorkspace();
  const [state, setState] = useState<PanelState>({ kind: 'idle' });
  const dialogRef = useRef<HTMLDialogElement>(null);
  const runRef = useRef<ImportRun | null>(null);
  // The file last chosen, read again when the analyst answers the questions about a series.
  const pickedRef = useRef<ImportFileInput | null>(null);
  const [rereading, setRereading] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => () => runRef.current?.cancel(), []);

  // Every way of closing (button, Esc, the parent) ends here: a closed panel leaves no worker running.
  const handleClose = useCallback(() => {
    runRef.current?.cancel();
    runRef.current = null;
    setRereading(false);
    setState((s) => (s.kind === 'reading' ? { kind: 'idle' } : s));
    onClose();
  }, [onClose]);

  /** Reads a file in the worker; with `choices` (the analyst's answers) the preview stays up until the new reading is in. */
  const read = useCallback(async (picked: ImportFileInput, choices?: ImportChoices) => {
    const { fileName } = picked;
    pickedRef.current = picked;
    if (choices) setRereading(true);
    else setState({ kind: 'reading', fileName, progress: null });
    const run = runImport(choices ? { ...picked, choices } : picked, {
      createWorker: createImportWorker,
      onProgress: (progress) => setState((s) => (s.kind === 'reading' && s.fileName === fileName ? { ...s, progress } : s)),
    });
    runRef.current = run;
    const result = await run.result;
    if (runRef.current !== run) return;
    runRef.current = null;
    setRereading(false);
    setState(
      result.ok
        ? {
            kind: 'preview',
            fileName,
            indicators: result.indicators,
            warnings: result.warnings,
            rowCount: result.rowCount,
            scenarios: result.scenarios ?? [],
            choices: result.choices,
          }
        : { kind: 'errors', fileName, errors: result.errors, choices: result.choices },
    );
  }, []);

  const chooseFile = useCallback(async () => {
    let picked;
    try {
      picked = await getPlatform().pickImportFile(['csv', 'xlsx']);
    } catch (error) {
      notify('error', t('pickFailed'), [error instanceof Error ? error.message : String(error)]);
      return;
    }
    if (!picked) return;
    await read(picked);
  }, [notify, t, read]);

  const answerSeries = useCallback(
    (choices: ImportChoices) => {
      if (pickedRef.current) void read(pickedRef.current, choices);
    },
    [read],
  );

  const saveTemplate = useCallback(
    async (kind: 'csv' | 'xlsx') => {
      try {
        // Loaded on demand: the XLSX writer (exceljs) is large and only needed here.
        const template = await import('../../../shared/import/template');
        const bytes = kind === 'csv' ? template.templateCsvBytes() : await template.templateXlsxBytes();
        const saved = await getPlatform().saveExport({ suggestedName: template.templateFileName[kind], kind, bytes });
        if (saved.saved) notify('success', t('templateSaved', { file: saved.fileName ?? template.templateFileName[kind] }));
      } catch (error) {
        notify('error', t('templateFailed'), [error instanceof Error ? error.message : String(error)]);
      }
    },
    [notify, t],
  );

  const doImport = useCallback(() => {
    if (state.kind !== 'preview') return;
    const { indicators, scenarios } = state;
    edit((ws, nowIso) => importIntoWorkspace(ws, indicators, nowIso, scenarios));
    notify('success', scenarios.length > 0 ? t('importedScenarios', { count: scenarios.length }) : t('imported', { count: indicators.length }));
    setState({ kind: 'idle' });
  }, [state, edit, notify, t]);

  const cancelReading = useCallback(() => {
    runRef.current?.cancel();
    runRef.current = null;
    setRereading(false);
    setState({ kind: 'idle' });
  }, []);

  const rows = state.kind === 'preview' ? previewRows(workspace, state.indicators) : [];
  const fits = state.kind === 'preview' ? fitsInWorkspace(workspace, state.indicators) : true;

  return (
    <dialog ref={dialogRef} className="import-dialog" aria-labelledby={titleId} onClose={handleClose} data-testid="import-panel">
      <div className="import-header">
        <h2 id={titleId}>{t('title')}</h2>
        <button type="button" className="button" onClick={handleClose}>
          {t('close')}
        </button>
      </div>
      <p className="import-intro">{t('intro')}</p>
      <div className="import-actions">
        <button
          type="button"
          className={state.kind === 'preview' ? 'button' : 'button primary'}
          onClick={() => void chooseFile()}
          disabled={state.kind === 'reading'}
          data-testid="import-choose"
        >
          {state.kind === 'idle' ? t('chooseFile') : t('chooseAnother')}
        </button>
        <button type="button" className="button" onClick={() => void saveTemplate('csv')}>
          {t('templateCsv')}
        </button>
        <button type="button" className="button" onClick={() => void saveTemplate('xlsx')}>
          {t('templateXlsx')}
        </button>
      </div>
      <details className="import-help">
        <summary>{t('help.summary')}</summary>
        <p>{t('help.columns')}</p>
        <p>{t('help.units')}</p>
        <p>{t('help.limits')}</p>
      </details>

      <div aria-live="polite" className="import-status">
        {state.kind === 'reading' ? (
          <div className="import-reading" data-testid="import-progress">
            <span className="import-icon" aria-hidden="true">
              ⏳
            </span>
            <span>{t(`phase.${state.progress?.phase ?? 'checking'}`)}</span>
            <progress aria-label={t('progressLabel')} />
            <button type="button" className="button" onClick={cancelReading}>
              {t('cancel')}
            </button>
          </div>
        ) : null}

        {(state.kind === 'preview' || state.kind === 'errors') && state.choices ? (
          <SeriesChoices choices={state.choices} busy={rereading} onChange={answerSeries} />
        ) : null}

        {state.kind === 'errors' ? (
          <section className="import-result import-result-bad">
            <p className="import-result-title">
              <span className="import-icon" aria-hidden="true">
                ⚠
              </span>
              {t('errorsTitle', { count: state.errors.length, file: state.fileName })}
            </p>
            <p>{t('errorsHint')}</p>
            <ProblemTable problems={state.errors} caption={t('errorsCaption')} testId="import-errors" />
          </section>
        ) : null}

        {state.kind === 'preview' ? (
          <section className="import-result import-result-ok">
            <p className="import-result-title">
              <span className="import-icon" aria-hidden="true">
                ✓
              </span>
              {t('previewTitle', { count: state.indicators.length, rows: state.rowCount, file: state.fileName })}
            </p>
            {state.scenarios.length > 0 ? (
              <div data-testid="import-scenarios">
                <p>{t('exportedWorkbook', { count: state.scenarios.length })}</p>
                <ul>
                  {state.scenarios.map((scenario) => (
                    <li key={scenario.id}>{localName(scenario, format.lang)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="import-table-wrap">
              <table className="import-table" data-testid="import-preview">
                <caption className="visually-hidden">{t('previewCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.id')}</th>
                    <th scope="col">{t('col.name')}</th>
                    <th scope="col">{t('col.values')}</th>
                    <th scope="col">{t('col.years')}</th>
                    <th scope="col">{t('col.latest')}</th>
                    <th scope="col">{t('col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const last = row.indicator.observations.at(-1);
                    return (
                      <tr key={row.indicator.id}>
                        <td>
                          <code>{row.indicator.id}</code>
                        </td>
                        <td>{inLang(row.indicator.name, format.lang)}</td>
                        <td className="import-num">{row.valueCount}</td>
                        <td>{row.firstYear === null ? '—' : t('yearSpan', { from: row.firstYear, to: row.lastYear })}</td>
                        <td className="import-num">{last ? `${format.value(last.value, row.indicator.unit)} (${last.year})` : '—'}</td>
                        <td>{row.status === 'new' ? t('status.new') : t('status.replaces')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {state.warnings.length > 0 ? (
              <details className="import-warnings">
                <summary>
                  {t('warningsTitle')} ({state.warnings.length})
                </summary>
                <ProblemTable problems={state.warnings} caption={t('warningsTitle')} testId="import-warnings" />
              </details>
            ) : null}
            {fits ? null : (
              <p role="alert" className="import-too-many">
                <span aria-hidden="true">⚠ </span>
                {t('tooMany', { count: indicatorCountAfterImport(workspace, state.indicators), max: MAX_INDICATORS })}
              </p>
            )}
            <button type="button" className="button primary" onClick={doImport} disabled={!fits || rereading} data-testid="import-confirm">
              {state.scenarios.length > 0
                ? t('importScenariosButton', { count: state.scenarios.length })
                : t('importButton', { count: state.indicators.length })}
            </button>
          </section>
        ) : null}
      </div>

      <section className="import-workspace" aria-labelledby={`${titleId}-ws`}>
        <h3 id={`${titleId}-ws`}>{t('workspaceTitle', { count: workspace.indicators.length })}</h3>
        {workspace.indicators.length === 0 ? (
          <p className="import-empty">{t('workspaceEmpty')}</p>
        ) : (
          <div className="import-table-wrap">
            <table className="import-table" data-testid="workspace-indicators">
              <caption className="visually-hidden">{t('workspaceCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.id')}</th>
                  <th scope="col">{t('col.name')}</th>
                  <th scope="col">{t('col.values')}</th>
                  <th scope="col">{t('col.latest')}</th>
                </tr>
              </thead>
              <tbody>
                {workspace.indicators.map((indicator) => {
                  const last = indicator.observations.at(-1);
                  return (
                    <tr key={indicator.id}>
                      <td>
                        <code>{indicator.id}</code>
                      </td>
                      <td>{inLang(indicator.name, format.lang)}</td>
                      <td className="import-num">{indicator.observations.length}</td>
                      <td className="import-num">{last ? `${format.value(last.value, indicator.unit)} (${last.year})` : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </dialog>
  );
}
