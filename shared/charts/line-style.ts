/**
 * How a line of a chart state is stroked, the same on screen and in every image: its dash
 * pattern and its width. Pure numbers, so the Recharts drawing (LineChartView) and the SVG
 * writer (chart-svg.ts) agree; they are the values LineChartView draws with.
 */
import type { LineDash, LineSeries } from './chart-state';

/** The SVG dash array of a line ('' for solid). */
export function dashArray(dash: LineDash): string {
  return dash === 'dashed' ? '7 5' : dash === 'dotted' ? '2 3' : '';
}

/** Thin, faint lines for reference, thick ones for what the chart is about. */
export function lineStroke(role: LineSeries['role']): { width: number; opacity: number } {
  if (role === 'reference') return { width: 1, opacity: 0.55 };
  if (role === 'actual' || role === 'projection') return { width: 2.5, opacity: 1 };
  return { width: 2, opacity: 1 };
}
