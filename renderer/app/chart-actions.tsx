/**
 * Buttons that features add to every chart frame (today: presentation's "save view").
 * The frame lives in features/charts and may not import other features, so the features
 * that want a button on it register a component here instead: the dependency points down.
 */
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { ChartState } from '../../shared/charts/chart-state';

export interface ChartFrameActionProps {
  chartId: string;
  /**
   * What the chart shows, as state: a button saves or presents this, never the drawing on
   * screen.
   */
  state: ChartState;
}

export type ChartFrameAction = ComponentType<ChartFrameActionProps>;

const ChartActionsContext = createContext<readonly ChartFrameAction[]>([]);

export function ChartActionsProvider({ actions, children }: { actions: readonly ChartFrameAction[]; children: ReactNode }) {
  return <ChartActionsContext.Provider value={actions}>{children}</ChartActionsContext.Provider>;
}

/** The registered actions, in order; none outside a provider. */
export function useChartFrameActions(): readonly ChartFrameAction[] {
  return useContext(ChartActionsContext);
}
