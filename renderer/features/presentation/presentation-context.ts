/** The presentation context, apart from its provider so the save-view button can read it without a cycle. */
import { createContext, useContext } from 'react';
import type { ChartState } from '../../../shared/charts/chart-state';

/**
 * A view to present: the chart's state at the moment it was pinned (or F5 was pressed), kept for
 * the session like a slide, and drawn from that state full screen.
 */
export interface PresentationView {
  /** The chart frame's `chartId`. */
  readonly id: string;
  readonly state: ChartState;
}

export interface PresentationContextValue {
  savedViews: readonly PresentationView[];
  isSaved(chartId: string): boolean;
  /** Saves the chart's state as a view, or removes the view when it is saved already; undefined state: nothing to save. */
  toggleSavedView(chartId: string, state: ChartState): void;
  /** Starts presentation mode at the current chart (the one with focus), else the first saved view. */
  present(): void;
}

export const PresentationContext = createContext<PresentationContextValue | null>(null);

/** `null` outside a PresentationProvider: charts then simply offer no "save view". */
export function usePresentation(): PresentationContextValue | null {
  return useContext(PresentationContext);
}
