/**
 * How a line of a chart state is stroked, the same on screen and in every image: its dash
 * pattern and its width. The Recharts drawing (LineChartView) and the SVG writer (chart-svg.ts)
 * both read these, so the screen and the images agree.
 */
import type { LineDash, LineSeries } from './chart-state';

/** The SVG dash array of a line ('' for solid). */
export function dashArray(dash: LineDash): string {
  return dash === 'dashed' ? '7 5' : dash === 'dotted' ? '2 3' : '';
}

/** Thick lines for the actual values and the projection, the chart's subject; the others a little thinner. */
export function lineStroke(role: LineSeries['role']): { width: number; opacity: number } {
  if (role === 'actual' || role === 'projection') return { width: 2.5, opacity: 1 };
  return { width: 2, opacity: 1 };
}
