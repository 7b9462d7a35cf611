/** The presentation context, apart from its provider so the save-view button can read it without a cycle. */
import { createContext, useContext, type RefObject } from 'react';
import type { ChartViewMeta } from '../../app/chart-actions';
import type { CapturedChart } from '../charts/export/capture-chart';

export type { ChartViewMeta };

export interface PresentationView extends ChartViewMeta {
  /** The chart frame's `chartId`. */
  id: string;
  chart: CapturedChart;
}

export interface RegisteredChart {
  figureRef: RefObject<HTMLElement | null>;
  meta: RefObject<ChartViewMeta>;
}

export interface PresentationContextValue {
  savedViews: readonly PresentationView[];
  isSaved(chartId: string): boolean;
  /** Saves a snapshot of the chart as a view, or removes the view when it is saved already. */
  toggleSavedView(chartId: string, figure: HTMLElement | null, meta: ChartViewMeta): void;
  /** Starts presentation mode at the current chart (the one with focus), else the first saved view. */
  present(): void;
  /** Chart frames announce themselves, so F5 can present charts that were not saved. */
  registerChart(chartId: string, chart: RegisteredChart): () => void;
}

export const PresentationContext = createContext<PresentationContextValue | null>(null);

/** `null` outside a PresentationProvider: charts then simply offer no "save view". */
export function usePresentation(): PresentationContextValue | null {
  return useContext(PresentationContext);
}

