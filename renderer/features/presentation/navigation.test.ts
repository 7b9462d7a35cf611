import { describe, expect, it } from 'vitest';
import { nextViewIndex, planPresentation } from './navigation';

const view = (id: string) => ({ id });

describe('presentation navigation', () => {
  it('stops at the last and the first view instead of wrapping around', () => {
    expect(nextViewIndex(1, 3, 'next')).toBe(2);
    expect(nextViewIndex(2, 3, 'next')).toBe(2);
    expect(nextViewIndex(0, 3, 'previous')).toBe(0);
    expect(nextViewIndex(1, 3, 'last')).toBe(2);
  });

  it('starts at the current chart when it is saved, and shows the saved views in order', () => {
    expect(planPresentation([view('a'), view('b'), view('c')], view('b'), [])).toEqual({ views: [view('a'), view('b'), view('c')], index: 1 });
  });

  it('puts an unsaved current chart in front of the saved views', () => {
    expect(planPresentation([view('a')], view('x'), [])).toEqual({ views: [view('x'), view('a')], index: 0 });
  });

  it('shows the charts on screen when nothing is saved, and nothing when there are none', () => {
    expect(planPresentation([], null, [view('p'), view('q')])).toEqual({ views: [view('p'), view('q')], index: 0 });
    expect(planPresentation([], null, [])).toBeNull();
  });
});
