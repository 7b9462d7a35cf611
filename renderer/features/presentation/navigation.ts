/** The view index after an action: stops at the first and last view rather than wrapping. */
export function nextViewIndex(index: number, count: number, action: 'next' | 'previous' | 'first' | 'last'): number {
  if (count <= 0) return 0;
  if (action === 'first') return 0;
  if (action === 'last') return count - 1;
  return Math.min(count - 1, Math.max(0, index + (action === 'next' ? 1 : -1)));
}

export interface PresentationStart<View> {
  views: View[];
  index: number;
}

/**
 * Which views a presentation shows and where it starts. Saved views come first in the order
 * they were saved; the chart with keyboard focus ("the current chart") is where it starts, and
 * is put in front when it was not saved. With nothing saved, the charts on screen are shown.
 */
export function planPresentation<View extends { id: string }>(
  saved: readonly View[],
  current: View | null,
  onScreen: readonly View[],
): PresentationStart<View> | null {
  if (saved.length === 0) {
    if (onScreen.length === 0) return current ? { views: [current], index: 0 } : null;
    const index = current ? onScreen.findIndex((v) => v.id === current.id) : 0;
    return { views: [...onScreen], index: Math.max(0, index) };
  }
  if (!current) return { views: [...saved], index: 0 };
  const index = saved.findIndex((v) => v.id === current.id);
  return index >= 0 ? { views: [...saved], index } : { views: [current, ...saved], index: 0 };
}
