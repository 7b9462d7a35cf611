/**
 * The builder's chart: the scenario's chart state (shared/charts/scenario-chart.ts) drawn by the
 * one line-chart drawing. A module of its own so that Recharts is loaded on demand.
 */
import { memo } from 'react';
import type { LineChartState } from '../../../shared/charts/chart-state';
import type { ChartColours } from '../charts/chart-colours';
import { LineChartView } from '../charts/LineChartView';

export interface ScenarioChartProps {
  state: LineChartState;
  colours: ChartColours;
}

/** The projection moves with every slider step, so it is the chart's live series. */
function ScenarioChart({ state, colours }: ScenarioChartProps) {
  return <LineChartView state={state} colours={colours} height={320} testId="scenario-chart" className="sc-chart" liveSeriesId="projection" />;
}

export default memo(ScenarioChart);
