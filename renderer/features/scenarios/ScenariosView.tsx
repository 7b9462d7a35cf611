import './scenarios.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { actualValuesOf } from '../../../shared/charts/scenario-chart';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { useFigureSources } from '../../app/workspace/useFigureSources';
import { ScenarioBuilder } from './ScenarioBuilder';
import { ScenarioList } from './ScenarioList';

export function ScenariosView() {
  const { t } = useTranslation('scenarios');
  const { workspace, selectedScenarioId, selectScenario, edit } = useWorkspace();
  const selected = workspace.scenarios.find((s) => s.id === selectedScenarioId) ?? null;
  const indicatorId = selected?.indicatorId ?? null;
  const indicators = workspace.indicators;
  const actuals = useMemo(() => (indicatorId ? actualValuesOf({ indicators }, indicatorId) : []), [indicatorId, indicators]);
  const sources = useFigureSources();

  return (
    <section aria-labelledby="view-scenarios-title" className="sc-view">
      <h2 id="view-scenarios-title" className="view-title">
        {t('title')}
      </h2>
      <p className="view-intro">{t('intro')}</p>
      <div className="sc-layout">
        <ScenarioList workspace={workspace} selectedId={selected?.id ?? null} select={selectScenario} edit={edit} />
        {selected ? (
          <ScenarioBuilder key={selected.id} scenario={selected} actuals={actuals} sources={sources} edit={edit} />
        ) : (
          <div className="empty-state" role="status" data-testid="scenarios-empty">
            {t('empty')}
          </div>
        )}
      </div>
    </section>
  );
}
