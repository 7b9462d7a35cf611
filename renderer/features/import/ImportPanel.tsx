/**
 * The import dialog: choose a CSV or XLSX file, watch it being read in a worker, then either
 * fix the problems listed by row and column or import the previewed indicators (one undo step).
 * Imported indicators go into the workspace, never into the bundled dataset.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { MAX_INDICATORS, type ImportedIndicator, type InputChange, type Workspace } from '../../../shared/workspace';
import type { ImportChoices } from '../../../shared/import/series';
import type { ExportedWorkbook, ImportFileInput, ImportProblem, ImportProgress } from '../../../shared/import/types';
import { inLang, localName } from '../../../shared/units';
import { changedInputCount, planWorkbookImport, type WorkbookImportPlan } from '../../../shared/workbook/update-plan';
import { inputLabel, WORKBOOK_TEXT } from '../../../shared/workbook/text';
import type { Formatters } from '../../i18n/format';
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
      workbook: ExportedWorkbook | null;
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

type ImportT = TFunction<'import'>;

function nothingToImport(plan: WorkbookImportPlan): boolean {
  return plan.updates.length === 0 && plan.added.length === 0 && plan.indicators.length === 0;
}

/** "3 inputs" and "2 scenarios", for the texts that name both. */
function counts(plan: WorkbookImportPlan, t: ImportT): { inputs: string; scenarios: string } {
  return { inputs: t('workbook.inputs', { count: changedInputCount(plan) }), scenarios: t('workbook.scenarios', { count: plan.updates.length }) };
}

function confirmText(plan: WorkbookImportPlan, t: ImportT): string {
  if (plan.updates.length > 0 && plan.added.length > 0) return t('workbook.updateAndAddButton', { updated: plan.updates.length, added: plan.added.length });
  if (plan.updates.length > 0) return t('workbook.updateButton', { count: plan.updates.length });
  if (plan.added.length > 0) return t('importScenariosButton', { count: plan.added.length });
  return t('importButton', { count: plan.indicators.length });
}

/** What the notification says once a workbook is imported: what changed, what was added, and that one undo takes it back. */
function importedText(plan: WorkbookImportPlan, t: ImportT): string {
  const parts: string[] = [];
  if (plan.updates.length > 0) parts.push(t('workbook.updated', counts(plan, t)));
  if (plan.added.length > 0) parts.push(t('workbook.addedDone', { count: plan.added.length }));
  if (parts.length === 0) parts.push(t('imported', { count: plan.indicators.length }));
  return `${parts.join(' ')} ${t('workbook.undoHint')}`;
}

/** One line per changed input: the scenario, the input as the workbook labels it, old → new value, and the cell. */
function changeLines(plan: WorkbookImportPlan, workspace: Workspace, format: Formatters, t: ImportT): string[] {
  const text = WORKBOOK_TEXT[format.lang];
  return plan.updates.flatMap((update) => {
    const scenario = workspace.scenarios.find((s) => s.id === update.scenarioId) ?? update.scenario;
    return update.changes.map((change) =>
      t('workbook.changeLine', {
        scenario: localName(scenario, format.lang),
        input: inputLabel(change.field, scenario, text, format.lang),
        from: inputText(change, change.from, scenario.unit, format, t),
        to: inputText(change, change.to, scenario.unit, format, t),
        where: change.where ?? '',
      }),
    );
  });
}

/** An input's value as the builder shows it: rates in percent, years as years, amounts in the indicator's unit. */
function inputText(change: InputChange, value: number, unit: string, format: Formatters, t: ImportT): string {
  switch (change.field.kind) {
    case 'growthRatePercent':
    case 'ratePercent':
      return t('workbook.percent', { value: format.number(value, 4) });
    case 'baseYear':
    case 'horizonYear':
    case 'pathTargetYear':
    case 'targetYear':
      return String(value);
    default:
      return format.value(value, unit);
  }
}

/** The preview of a workbook exported by the app: where it is from, the inputs it updates, the scenarios it adds, and what it cannot apply. */
function WorkbookPlanView({
  plan,
  workbook,
  workspace,
  fileName,
  format,
}: {
  plan: WorkbookImportPlan;
  workbook: ExportedWorkbook;
  workspace: Workspace;
  fileName: string;
  format: Formatters;
}) {
  const { t } = useTranslation('import');
  const nameOf = (id: string): string => {
    const scenario = workspace.scenarios.find((s) => s.id === id) ?? workbook.scenarios.find((s) => s.id === id);
    return scenario === undefined ? id : localName(scenario, format.lang);
  };
  const problems: ImportProblem[] = plan.problems.map((problem) => ({
    code: 'invalid-value',
    row: null,
    column: problem.where,
    message: `${nameOf(problem.scenarioId)}: ${problem.message}`,
    messageZh: `${nameOf(problem.scenarioId)}：${problem.messageZh}`,
  }));
  const lines = changeLines(plan, workspace, format, t);
  return (
    <section className={plan.problems.length > 0 ? 'import-result import-result-bad' : 'import-result import-result-ok'} data-testid="import-scenarios">
      <p className="import-result-title">
        <span className="import-icon" aria-hidden="true">
          {plan.problems.length > 0 ? '⚠' : '✓'}
        </span>
        {fileName}
      </p>
      <p>
        {plan.sameWorkspace
          ? t('workbook.fromThisWorkspace', { count: workbook.scenarios.length })
          : t('workbook.fromOtherWorkspace', { count: plan.added.length })}
      </p>
      {plan.problems.length > 0 ? (
        <>
          <p>{t('workbook.problemsTitle', { count: problems.length })}</p>
          <ProblemTable problems={problems} caption={t('errorsCaption')} testId="import-errors" />
        </>
      ) : null}
      {plan.sameWorkspace && plan.updates.length > 0 ? (
        <>
          <p>{t('workbook.changed', counts(plan, t))}</p>
          <ul data-testid="import-changes">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.sameWorkspace && plan.updates.length === 0 && plan.added.length === 0 ? <p data-testid="import-nothing">{t('workbook.nothing')}</p> : null}
      {plan.skipped.length > 0 ? (
        <>
          <p>{t('workbook.skipped')}</p>
          <ul data-testid="import-skipped">
            {plan.skipped.map((change) => (
              <li key={`${change.scenarioId}:${change.where ?? change.field.kind}`}>
                {t('workbook.skippedLine', { scenario: nameOf(change.scenarioId), where: change.where ?? change.field.kind })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.added.length > 0 ? (
        <>
          {plan.sameWorkspace ? <p>{t('workbook.added', { count: plan.added.length })}</p> : null}
          <ul data-testid="import-added">
            {plan.added.map((scenario) => (
              <li key={scenario.id}>{localName(scenario, format.lang)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
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
  const titleId = useId();
  // The file last chosen, read again when the analyst answers the questions about a series.
  const pickedRef = useRef<ImportFileInput | null>(null);
  const [rereading, setRereading] = useState(false);

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
            workbook: result.workbook ?? null,
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
    const { indicators, workbook } = state;
    if (workbook === null) {
      edit((ws, nowIso) => importIntoWorkspace(ws, indicators, nowIso));
      notify('success', t('imported', { count: indicators.length }));
    } else {
      // Planned again on the workspace the edit applies to, so the one undo step holds exactly what the plan says.
      edit((ws, nowIso) => importIntoWorkspace(ws, indicators, nowIso, planWorkbookImport(ws, workbook, indicators)));
      const plan = planWorkbookImport(workspace, workbook, indicators);
      notify('success', importedText(plan, t), changeLines(plan, workspace, format, t));
    }
    setState({ kind: 'idle' });
  }, [state, workspace, format, edit, notify, t]);

  const cancelReading = useCallback(() => {
    runRef.current?.cancel();
    runRef.current = null;
    setRereading(false);
    setState({ kind: 'idle' });
  }, []);

  const plan = state.kind === 'preview' && state.workbook !== null ? planWorkbookImport(workspace, state.workbook, state.indicators) : null;
  // From an exported workbook, only the indicators its plan brings in (those of this workspace are already here).
  const incoming = state.kind !== 'preview' ? [] : plan !== null ? plan.indicators : state.indicators;
  const rows = previewRows(workspace, incoming);
  const fits = fitsInWorkspace(workspace, incoming);

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

        {state.kind === 'preview' && plan !== null && state.workbook !== null ? (
          <WorkbookPlanView plan={plan} workbook={state.workbook} workspace={workspace} fileName={state.fileName} format={format} />
        ) : null}

        {state.kind === 'preview' && (plan === null || plan.problems.length === 0) ? (
          // A workbook's plan is in its own box above; what is left of it here (the button) needs no second box.
          <section
            className={plan === null || rows.length > 0 || state.warnings.length > 0 || !fits ? 'import-result import-result-ok' : 'import-result-actions'}
          >
            {plan === null ? (
              <p className="import-result-title">
                <span className="import-icon" aria-hidden="true">
                  ✓
                </span>
                {t('previewTitle', { count: state.indicators.length, rows: state.rowCount, file: state.fileName })}
              </p>
            ) : null}
            {rows.length > 0 ? (
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
            ) : null}
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
                {t('tooMany', { count: indicatorCountAfterImport(workspace, incoming), max: MAX_INDICATORS })}
              </p>
            )}
            {plan === null || !nothingToImport(plan) ? (
              <button type="button" className="button primary" onClick={doImport} disabled={!fits || rereading} data-testid="import-confirm">
                {plan === null ? t('importButton', { count: state.indicators.length }) : confirmText(plan, t)}
              </button>
            ) : null}
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
