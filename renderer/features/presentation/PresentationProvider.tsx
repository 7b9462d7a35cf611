/**
 * Saved views and presentation mode. A saved view is the chart's state (title, lines, source
 * line…) when the user pins it, kept for the session like a slide; presentation mode draws saved
 * views from their state full screen at 16:9, one at a time.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../app/commands/hooks';
import { useNotify } from '../../app/notifications';
import { chartStateOf } from '../charts/chart-registry';
import { ChartActionsProvider } from '../../app/chart-actions';
import { planPresentation } from './navigation';
import { PresentationContext, type PresentationContextValue, type PresentationView } from './presentation-context';
import { SaveViewButton } from './SaveViewButton';

interface ActivePresentation {
  views: PresentationView[];
  index: number;
}

const saveViewAction = [SaveViewButton];

// Loaded on the first F5, with the chart drawing it uses: most sessions never present.
const PresentationOverlay = lazy(() => import('./PresentationOverlay').then((m) => ({ default: m.PresentationOverlay })));

export function PresentationProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('presentation');
  const notify = useNotify();
  const [savedViews, setSavedViews] = useState<PresentationView[]>([]);
  const [active, setActive] = useState<ActivePresentation | null>(null);
  const savedRef = useRef(savedViews);
  useEffect(() => {
    savedRef.current = savedViews;
  }, [savedViews]);

  const toggleSavedView = useCallback<PresentationContextValue['toggleSavedView']>(
    (chartId, state) => {
      const existing = savedRef.current.find((v) => v.id === chartId);
      if (existing) {
        const next = savedRef.current.filter((v) => v.id !== chartId);
        savedRef.current = next;
        setSavedViews(next);
        notify('info', t('removed', { title: existing.state.title }));
        return;
      }
      // The state as it is now: later edits to the scenario do not change the saved view.
      const next = [...savedRef.current, { id: chartId, state }];
      savedRef.current = next;
      setSavedViews(next);
      notify('success', t('added', { title: state.title, count: next.length }));
    },
    [notify, t],
  );

  const present = useCallback(() => {
    // The frames register their current state; the page says only which charts are shown, in what order, and which has focus.
    const snapshot = (chartId: string): PresentationView | null => {
      const state = chartStateOf(chartId);
      return state ? { id: chartId, state } : null;
    };
    const focusedId = document.activeElement?.closest<HTMLElement>('[data-chart-id]')?.dataset['chartId'] ?? null;
    const saved = savedRef.current;
    const current = focusedId ? (saved.find((v) => v.id === focusedId) ?? snapshot(focusedId)) : null;
    const onScreen =
      saved.length === 0
        ? [...document.querySelectorAll<HTMLElement>('[data-chart-id]')].flatMap((el) => {
            const view = el.dataset['chartId'] ? snapshot(el.dataset['chartId']) : null;
            return view ? [view] : [];
          })
        : [];
    const plan = planPresentation(saved, current, onScreen);
    if (!plan) {
      notify('info', t('nothingToPresent'), [t('nothingToPresentDetail')]);
      return;
    }
    setActive(plan);
  }, [notify, t]);

  // F5, the native menu, the palette and the panel's button.
  useCommand('presentation', present);

  const isSaved = useCallback((chartId: string) => savedViews.some((v) => v.id === chartId), [savedViews]);

  const value = useMemo<PresentationContextValue>(() => ({ savedViews, isSaved, toggleSavedView, present }), [savedViews, isSaved, toggleSavedView, present]);

  return (
    <PresentationContext.Provider value={value}>
      <ChartActionsProvider actions={saveViewAction}>{children}</ChartActionsProvider>
      {active ? (
        <Suspense fallback={null}>
          <PresentationOverlay
            views={active.views}
            index={active.index}
            onIndexChange={(index) => setActive((a) => (a ? { ...a, index } : a))}
            onLeave={() => setActive(null)}
          />
        </Suspense>
      ) : null}
    </PresentationContext.Provider>
  );
}
