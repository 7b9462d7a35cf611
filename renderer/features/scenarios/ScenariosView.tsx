import './scenarios.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actualValuesOf, projectedPath, sameIndicatorScenarios, type OtherPath } from '../../../shared/charts/scenario-chart';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { useFigureSources } from '../../app/workspace/useFigureSources';
import { ScenarioBuilder } from './ScenarioBuilder';
import { ScenarioList } from './ScenarioList';

const noScenarios: readonly WorkspaceScenario[] = [];

/**
 * The list as the same array while it holds the same objects: a slider on one scenario commits a
 * new workspace on every step, but the other scenarios in it are the objects they were, so their
 * paths are not projected again.
 */
function useSameItems<T>(items: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(items);
  const same = kept.length === items.length && kept.every((item, i) => item === items[i]);
  if (!same) setKept(items);
  return same ? kept : items;
}

export function ScenariosView() {
  const { t } = useTranslation('scenarios');
  const { workspace, selectedScenarioId, selectScenario, edit } = useWorkspace();
  const selected = workspace.scenarios.find((s) => s.id === selectedScenarioId) ?? null;
  const indicatorId = selected?.indicatorId ?? null;
  const indicators = workspace.indicators;
  const actuals = useMemo(() => (indicatorId ? actualValuesOf({ indicators }, indicatorId) : []), [indicatorId, indicators]);
  const sources = useFigureSources();

  // Other scenarios on the same indicator and unit, drawn thin behind the selected one.
  const scenarios = workspace.scenarios;
  const sameIndicator = useMemo(() => (selected ? sameIndicatorScenarios(scenarios, selected) : noScenarios), [scenarios, selected]);
  const otherScenarios = useSameItems(sameIndicator);
  const others = useMemo<OtherPath[]>(
    () =>
      otherScenarios.flatMap((s) => {
        const values = projectedPath(s);
        return values ? [{ id: s.id, startYear: s.base.year, values }] : [];
      }),
    [otherScenarios],
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
          <ScenarioBuilder key={selected.id} scenario={selected} actuals={actuals} others={others} sources={sources} edit={edit} />
        ) : (
          <div className="empty-state" role="status" data-testid="scenarios-empty">
            {t('empty')}
          </div>
        )}
      </div>
    </section>
  );
}
