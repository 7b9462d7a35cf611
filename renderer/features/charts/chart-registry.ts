/**
 * The state of every chart frame on screen, by chart id: what "the charts on this page" are for
 * outputs that are not started from a frame's own button (F5 presenting unsaved charts, the
 * workbook's Chart sheet). Frames write their state here as they render; readers get the state,
 * never the drawing.
 */
import type { ChartState } from '../../../shared/charts/chart-state';

interface Entry {
  readonly state: ChartState;
}

const frames = new Map<string, Entry>();

/** Called by ChartFrame with each new state; returns the function that takes the entry back out. */
export function registerChartFrame(chartId: string, state: ChartState): () => void {
  const entry: Entry = { state };
  frames.set(chartId, entry);
  return () => {
    // A frame that mounted with the same id in the meantime keeps its entry.
    if (frames.get(chartId) === entry) frames.delete(chartId);
  };
}

/** The current state of the frame with this id; undefined when it is not on screen. */
export function chartStateOf(chartId: string): ChartState | undefined {
  return frames.get(chartId)?.state;
}
