/**
 * The Compare view's ticks and reference scenario, kept above the views so they survive a switch to
 * another view and back (the views unmount when left). They are the session's way of looking at the
 * workspace, not part of the analysis: they are not saved in the workspace file, do not mark it
 * changed and are no undo steps, and ids of scenarios that are gone are ignored when shown
 * (`resolveComparison` in shared/charts/compare-selection.ts).
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { EMPTY_COMPARE_SELECTION, type CompareSelection } from '../../shared/charts/compare-selection';

export interface CompareSelectionValue {
  selection: CompareSelection;
  setSelection(next: CompareSelection): void;
}

const CompareSelectionContext = createContext<CompareSelectionValue | null>(null);

export function CompareSelectionProvider({ children }: { children: ReactNode }) {
  const [selection, setSelection] = useState<CompareSelection>(EMPTY_COMPARE_SELECTION);
  const value = useMemo(() => ({ selection, setSelection }), [selection]);
  return <CompareSelectionContext.Provider value={value}>{children}</CompareSelectionContext.Provider>;
}

export function useCompareSelection(): CompareSelectionValue {
  const value = useContext(CompareSelectionContext);
  if (!value) throw new Error('useCompareSelection must be used inside CompareSelectionProvider');
  return value;
}
