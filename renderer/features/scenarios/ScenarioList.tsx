import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLang, localName, type Lang } from '../../../shared/units';
import type { Workspace, WorkspaceScenario } from '../../../shared/workspace';
import { useNotify } from '../../app/notifications';
import { useFormatters } from '../../i18n/format';
import { addScenario, copyIdOf, deleteScenario, duplicateScenario, setBaseline, withFreeId } from '../../app/workspace/workspace-edits';
import { defaultBase, indicatorChoices, scenarioFromChoice, type IndicatorChoice } from './new-scenario';

export interface ScenarioListProps {
  workspace: Workspace;
  selectedId: string | null;
  select(id: string | null): void;
  edit(change: (workspace: Workspace, nowIso: string) => Workspace, coalesceKey?: string): void;
}

const ScenarioItem = memo(function ScenarioItem({
  scenario,
  selected,
  baseline,
  lang,
  onSelect,
}: {
  scenario: WorkspaceScenario;
  selected: boolean;
  baseline: boolean;
  lang: Lang;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation('scenarios');
  return (
    <li>
      <button
        type="button"
        className="sc-item"
        aria-current={selected ? 'true' : undefined}
        data-testid={`scenario-item-${scenario.id}`}
        onClick={() => onSelect(scenario.id)}
      >
        <span className="sc-item-name">{localName(scenario, lang)}</span>
        <span className="sc-item-meta">
          {t(`model.${scenario.model}`)}
          {baseline ? (
            <span className="sc-badge" data-testid="baseline-badge">
              <span aria-hidden="true">★ </span>
              {t('list.baseline')}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
});

/** The workspace's scenarios with the actions on the selected one; each action is one undo step. */
export const ScenarioList = memo(function ScenarioList({ workspace, selectedId, select, edit }: ScenarioListProps) {
  const { t, i18n } = useTranslation('scenarios');
  const { lang } = useFormatters();
  const notify = useNotify();
  const selected = workspace.scenarios.find((s) => s.id === selectedId) ?? null;
  // Each language's name gets that language's suffix, whatever language the app is in.
  const copySuffix = {
    zh: i18n.getFixedT('zh')('workspace.copySuffix', { ns: 'translation' }),
    en: i18n.getFixedT('en')('workspace.copySuffix', { ns: 'translation' }),
  };

  const duplicate = () => {
    if (!selected) return;
    // The copy's id is chosen on the workspace shown, not read back from the edit: React runs the
    // edit's updater later when another update (a slider step's transition) is still pending, and the
    // copy would then not be selected.
    const newId = copyIdOf(workspace, selected.id);
    edit((ws, now) => duplicateScenario(ws, selected.id, copySuffix, now, newId).workspace);
    select(newId);
  };

  const remove = () => {
    if (!selected) return;
    const name = localName(selected, lang);
    const index = workspace.scenarios.indexOf(selected);
    edit((ws, now) => deleteScenario(ws, selected.id, now));
    const neighbour = workspace.scenarios[index + 1] ?? workspace.scenarios[index - 1] ?? null;
    select(neighbour?.id ?? null);
    notify('info', t('list.deleted', { name }));
  };

  const toggleBaseline = () => {
    if (!selected) return;
    const next = workspace.baselineScenarioId === selected.id ? null : selected.id;
    edit((ws, now) => setBaseline(ws, next, now));
  };

  return (
    <aside className="sc-list" aria-labelledby="scenario-list-title">
      <h3 id="scenario-list-title" className="sc-section-title">
        {t('list.title', { count: workspace.scenarios.length })}
      </h3>
      {workspace.scenarios.length === 0 ? (
        <p className="empty-state" role="status">
          {t('list.empty')}
        </p>
      ) : (
        <ul className="sc-items" data-testid="scenario-list">
          {workspace.scenarios.map((scenario) => (
            <ScenarioItem
              key={scenario.id}
              scenario={scenario}
              selected={scenario.id === selectedId}
              baseline={workspace.baselineScenarioId === scenario.id}
              lang={lang}
              onSelect={select}
            />
          ))}
        </ul>
      )}
      <div className="sc-list-actions" role="group" aria-label={t('list.actions')}>
        <button type="button" className="button" onClick={duplicate} disabled={!selected} data-testid="duplicate-scenario">
          {t('list.duplicate')}
        </button>
        <button
          type="button"
          className="button"
          onClick={toggleBaseline}
          disabled={!selected}
          aria-pressed={selected ? workspace.baselineScenarioId === selected.id : undefined}
          data-testid="baseline-scenario"
        >
          {t('list.setBaseline')}
        </button>
        <button type="button" className="button" onClick={remove} disabled={!selected} data-testid="delete-scenario">
          {t('list.delete')}
        </button>
      </div>
      <AddScenario workspace={workspace} edit={edit} select={select} />
    </aside>
  );
});

function AddScenario({ workspace, edit, select }: Pick<ScenarioListProps, 'workspace' | 'edit' | 'select'>) {
  const { t } = useTranslation('scenarios');
  const fm = useFormatters();
  const notify = useNotify();
  const [query, setQuery] = useState('');
  const [indicatorId, setIndicatorId] = useState('');
  const [baseKey, setBaseKey] = useState('');
  const indicators = workspace.indicators;
  const choices = useMemo(() => indicatorChoices({ indicators }), [indicators]);
  const needle = query.trim().toLowerCase();
  const matching = needle ? choices.filter((c) => c.name.zh.toLowerCase().includes(needle) || c.name.en.toLowerCase().includes(needle)) : choices;
  const indicator: IndicatorChoice | undefined = matching.find((c) => c.id === indicatorId) ?? matching[0];
  const base = indicator?.bases.find((b) => b.key === baseKey) ?? (indicator ? defaultBase(indicator) : undefined);
  const nameOf = (choice: IndicatorChoice) => inLang(choice.name, fm.lang);
  const groups: Array<[string, IndicatorChoice[]]> = [
    [t('add.fromArticle'), matching.filter((c) => c.source === 'article')],
    [t('add.fromOwn'), matching.filter((c) => c.source === 'own')],
  ];

  const add = () => {
    if (!base) return;
    // Made on the workspace shown, outside the edit's updater (see withFreeId): a refusal is caught here, and the new id is known now.
    let scenario;
    try {
      scenario = withFreeId(workspace, scenarioFromChoice(workspace, base.key, new Date().toISOString()));
    } catch (error) {
      notify('error', t('add.failed'), [error instanceof Error ? error.message : String(error)]);
      return;
    }
    edit((ws, now) => addScenario(ws, scenario, now));
    select(scenario.id);
  };

  return (
    <details className="sc-add" data-testid="add-scenario">
      <summary>{t('add.title')}</summary>
      <label className="sc-field">
        <span className="sc-field-label">{t('add.search')}</span>
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="add-search" />
      </label>
      <label className="sc-field">
        <span className="sc-field-label">{t('add.indicator')}</span>
        <select
          value={indicator?.id ?? ''}
          data-testid="add-indicator"
          onChange={(event) => {
            setIndicatorId(event.target.value);
            setBaseKey('');
          }}
        >
          {matching.length === 0 ? <option value="">{t('add.noMatch')}</option> : null}
          {groups.map(([label, items]) =>
            items.length > 0 ? (
              <optgroup key={label} label={label}>
                {items.map((choice) => (
                  <option key={`${choice.source}-${choice.id}`} value={choice.id}>
                    {nameOf(choice)}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
      </label>
      <label className="sc-field">
        <span className="sc-field-label">{t('add.base')}</span>
        <select value={base?.key ?? ''} data-testid="add-base" onChange={(event) => setBaseKey(event.target.value)} disabled={!indicator}>
          {(indicator?.bases ?? []).map((b) => (
            <option key={b.key} value={b.key}>
              {t('add.baseOption', { year: b.year, value: fm.value(b.value, indicator?.unit ?? ''), kind: t(`add.kind.${b.kind}`, { defaultValue: b.kind }) })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button primary" onClick={add} disabled={!base} data-testid="add-confirm">
        {t('add.confirm')}
      </button>
    </details>
  );
}
