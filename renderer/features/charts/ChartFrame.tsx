import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { ChartExportMenu } from './export/ChartExportMenu';
import { registerChartFrame } from './chart-registry';
import { useChartLayersOutOfTabOrder } from './chart-focus';
import { useChartFrameActions } from '../../app/chart-actions';
import type { ChartState } from '../../../shared/charts/chart-state';

export interface ChartFrameProps {
  /** Stable id, used for the export file name and presentation views. */
  chartId: string;
  /** What the frame shows and every output draws: title, subtitle, series, source line. */
  state: ChartState;
  children: ReactNode;
  /** Extra controls shown in the header, e.g. a metric picker. */
  actions?: ReactNode;
}

/**
 * Every chart in the app sits in this frame: title, subtitle, the chart, and the source line
 * under it, all taken from the chart's state. Image export, presentation mode and the workbook
 * read the same state, so a chart never leaves the app without its citation.
 */
export function ChartFrame({ chartId, state, children, actions }: ChartFrameProps) {
  const frameActions = useChartFrameActions();
  // Read for its width only: a 1× image is as wide as the frame on screen.
  const figureRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useChartLayersOutOfTabOrder(bodyRef);
  // F5 and the workbook read the newest state of the charts on screen from the registry.
  useLayoutEffect(() => registerChartFrame(chartId, state), [chartId, state]);
  return (
    <figure className="chart-frame" ref={figureRef} data-chart-id={chartId} aria-labelledby={`${chartId}-title`}>
      <header className="chart-frame-header">
        <div>
          <h3 id={`${chartId}-title`} className="chart-frame-title">
            {state.title}
          </h3>
          {state.subtitle ? <p className="chart-frame-subtitle">{state.subtitle}</p> : null}
        </div>
        <div className="chart-frame-actions">
          {actions}
          {frameActions.map((Action, i) => (
            <Action key={i} chartId={chartId} state={state} />
          ))}
          <ChartExportMenu chartId={chartId} state={state} title={state.title} figureRef={figureRef} />
        </div>
      </header>
      <div className="chart-frame-body" ref={bodyRef}>
        {children}
      </div>
      <figcaption className="chart-frame-source">{state.source}</figcaption>
    </figure>
  );
}
