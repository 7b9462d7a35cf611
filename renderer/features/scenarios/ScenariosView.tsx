import './scenarios.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { actualValuesOf } from './new-scenario';
import { ScenarioBuilder, type OtherPath } from './ScenarioBuilder';
import { ScenarioList } from './ScenarioList';
import { projectionOf } from './scenario-form';

/** Projections of unchanged scenarios are kept, so a slider on one scenario does not recompute the others. */
const projectionCache = new WeakMap<WorkspaceScenario, Float64Array | null>();
function cachedProjection(scenario: WorkspaceScenario): Float64Array | null {
  if (!projectionCache.has(scenario)) projectionCache.set(scenario, projectionOf(scenario));
  return projectionCache.get(scenario) ?? null;
}

export function ScenariosView() {
  const { t } = useTranslation('scenarios');
  const { workspace, selectedScenarioId, selectScenario, edit } = useWorkspace();
  const selected = workspace.scenarios.find((s) => s.id === selectedScenarioId) ?? null;
  const indicatorId = selected?.indicatorId ?? null;
  const indicators = workspace.indicators;
  const actuals = useMemo(() => (indicatorId ? actualValuesOf({ indicators }, indicatorId) : []), [indicatorId, indicators]);

  // Other scenarios on the same indicator and unit, drawn thin behind the selected one.
  const scenarios = workspace.scenarios;
  const selectedId = selected?.id ?? null;
  const unit = selected?.unit ?? null;
  const others = useMemo<OtherPath[]>(
    () =>
      scenarios
        .filter((s) => s.id !== selectedId && s.indicatorId === indicatorId && s.unit === unit)
        .flatMap((s) => {
          const values = cachedProjection(s);
          return values ? [{ id: s.id, startYear: s.base.year, values }] : [];
        }),
    [scenarios, selectedId, indicatorId, unit],
  );

  return (
    <section aria-labelledby="view-scenarios-title" className="sc-view">
      <h2 id="view-scenarios-title" className="view-title">
        {t('title')}
      </h2>
      <p className="view-intro">{t('intro')}</p>
      <div className="sc-layout">
        <ScenarioList workspace={workspace} selectedId={selected?.id ?? null} select={selectScenario} edit={edit} />
        {selected ? (
          <ScenarioBuilder key={selected.id} scenario={selected} actuals={actuals} others={others} edit={edit} />
        ) : (
          <div className="empty-state" role="status" data-testid="scenarios-empty">
            {t('empty')}
          </div>
        )}
      </div>
    </section>
  );
}
