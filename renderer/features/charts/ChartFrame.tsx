import { useMemo, useRef, type ReactNode } from 'react';
import { ChartExportMenu } from './export/ChartExportMenu';
import { useChartFrameActions } from '../../app/chart-actions';
import { useFormatters } from '../../i18n/format';
import { chartSourceLine, type ChartProvenance } from '../../../shared/charts/source-line';

export interface ChartFrameProps {
  /** Stable id, used for the export file name and presentation views. */
  chartId: string;
  title: string;
  subtitle?: string;
  provenance: ChartProvenance;
  children: ReactNode;
  /** Extra controls shown in the header, e.g. a metric picker. */
  actions?: ReactNode;
}

/**
 * Every chart in the app sits in this frame: title, subtitle, the chart, and the source
 * line under it. The frame is what image export and presentation mode capture, so a chart
 * never leaves the app without its citation.
 */
export function ChartFrame({ chartId, title, subtitle, provenance, children, actions }: ChartFrameProps) {
  const { lang } = useFormatters();
  const frameActions = useChartFrameActions();
  const figureRef = useRef<HTMLElement>(null);
  // Number formatting in the source line is slow enough to matter on every slider step.
  const source = useMemo(() => chartSourceLine(lang, provenance), [lang, provenance]);
  const meta = useMemo(() => ({ title, subtitle: subtitle ?? '', source }), [title, subtitle, source]);
  return (
    <figure className="chart-frame" ref={figureRef} data-chart-id={chartId} aria-labelledby={`${chartId}-title`}>
      <header className="chart-frame-header">
        <div>
          <h3 id={`${chartId}-title`} className="chart-frame-title">
            {title}
          </h3>
          {subtitle ? <p className="chart-frame-subtitle">{subtitle}</p> : null}
        </div>
        <div className="chart-frame-actions">
          {actions}
          {frameActions.map((Action, i) => (
            <Action key={i} chartId={chartId} figureRef={figureRef} meta={meta} />
          ))}
          <ChartExportMenu chartId={chartId} figureRef={figureRef} meta={meta} />
        </div>
      </header>
      <div className="chart-frame-body">{children}</div>
      <figcaption className="chart-frame-source">{source}</figcaption>
    </figure>
  );
}
