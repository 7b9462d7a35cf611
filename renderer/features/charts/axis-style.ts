/**
 * The look of every chart axis, in one place: tick text, axis line and axis titles share the
 * muted text colour and the 12 px size on screen. Recharts takes these as props; the image and
 * slide outputs read the same numbers from here.
 */
import type { ChartColours } from './chart-colours';

export const axisFontSize = 12;

export interface AxisStyle {
  stroke: string;
  tick: { fill: string; fontSize: number };
  /** Spread into an axis `label` object together with its value and position. */
  label: { fill: string; fontSize: number };
}

const cache = new WeakMap<ChartColours, AxisStyle>();

/** The same object for the same colours, so Recharts sees unchanged axis props between renders. */
export function axisStyle(colours: ChartColours): AxisStyle {
  let style = cache.get(colours);
  if (!style) {
    style = { stroke: colours.muted, tick: { fill: colours.muted, fontSize: axisFontSize }, label: { fill: colours.muted, fontSize: axisFontSize } };
    cache.set(colours, style);
  }
  return style;
}
