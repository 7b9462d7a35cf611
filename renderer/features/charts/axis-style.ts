/**
 * The look of every chart axis on screen, in one place: tick text, axis line and axis titles share
 * the muted text colour, at the tick size the image and slide outputs use (shared/charts/chart-text.ts).
 * Recharts takes these as props.
 */
import { useMemo } from 'react';
import { chartTextSizes } from '../../../shared/charts/chart-text';
import type { ChartColours } from './chart-colours';

export interface AxisStyle {
  stroke: string;
  tick: { fill: string; fontSize: number };
  /** Spread into an axis `label` object together with its value and position. */
  label: { fill: string; fontSize: number };
}

export function axisStyle(colours: ChartColours): AxisStyle {
  return {
    stroke: colours.muted,
    tick: { fill: colours.muted, fontSize: chartTextSizes.tick },
    label: { fill: colours.muted, fontSize: chartTextSizes.tick },
  };
}

/** The axis style of these colours, the same object while they are the same, so Recharts sees unchanged axis props between renders. */
export function useAxisStyle(colours: ChartColours): AxisStyle {
  return useMemo(() => axisStyle(colours), [colours]);
}
