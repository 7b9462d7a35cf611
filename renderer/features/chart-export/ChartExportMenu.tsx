import type { RefObject } from 'react';

export interface ChartImageMeta {
  title: string;
  subtitle: string;
  source: string;
}

export interface ChartExportMenuProps {
  chartId: string;
  figureRef: RefObject<HTMLElement | null>;
  meta: ChartImageMeta;
}

/** Image export of a chart (PNG, SVG, clipboard). Filled in by the chart-export feature. */
export function ChartExportMenu(_props: ChartExportMenuProps) {
  return null;
}
