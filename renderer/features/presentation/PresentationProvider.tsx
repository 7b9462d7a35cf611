/**
 * Saved views and presentation mode. A saved view is a snapshot of a chart (title, chart,
 * source line) taken when the user pins it, kept for the session like a slide; presentation
 * mode shows saved views full screen at 16:9, one at a time.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../app/commands/hooks';
import { useNotify } from '../../app/notifications';
import { captureChart } from '../charts/export/capture-chart';
import { ChartActionsProvider } from '../../app/chart-actions';
import { planPresentation } from './navigation';
import { PresentationContext, type PresentationContextValue, type PresentationView, type RegisteredChart } from './presentation-context';
import { SaveViewButton } from './SaveViewButton';
import { PresentationOverlay } from './PresentationOverlay';

interface ActivePresentation {
  views: PresentationView[];
  index: number;
}

const saveViewAction = [SaveViewButton];

export function PresentationProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('presentation');
  const notify = useNotify();
  const [savedViews, setSavedViews] = useState<PresentationView[]>([]);
  const [active, setActive] = useState<ActivePresentation | null>(null);
  const charts = useRef(new Map<string, RegisteredChart>());
  const savedRef = useRef(savedViews);
  useEffect(() => {
    savedRef.current = savedViews;
  }, [savedViews]);

  const toggleSavedView = useCallback<PresentationContextValue['toggleSavedView']>(
    (chartId, figure, meta) => {
      const existing = savedRef.current.find((v) => v.id === chartId);
      if (existing) {
        const next = savedRef.current.filter((v) => v.id !== chartId);
        savedRef.current = next;
        setSavedViews(next);
        notify('info', t('removed', { title: existing.title }));
        return;
      }
      const chart = figure ? captureChart(figure) : null;
      if (!chart) {
        notify('error', t('noChart'));
        return;
      }
      const next = [...savedRef.current, { id: chartId, ...meta, chart }];
      savedRef.current = next;
      setSavedViews(next);
      notify('success', t('added', { title: meta.title, count: next.length }));
    },
    [notify, t],
  );

  const present = useCallback(() => {
    const snapshot = (chartId: string): PresentationView | null => {
      const registered = charts.current.get(chartId);
      const figure = registered?.figureRef.current;
      const chart = figure ? captureChart(figure) : null;
      return registered && chart ? { id: chartId, ...registered.meta.current, chart } : null;
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

  const registerChart = useCallback<PresentationContextValue['registerChart']>((chartId, chart) => {
    charts.current.set(chartId, chart);
    return () => {
      if (charts.current.get(chartId) === chart) charts.current.delete(chartId);
    };
  }, []);

  const isSaved = useCallback((chartId: string) => savedViews.some((v) => v.id === chartId), [savedViews]);

  const value = useMemo<PresentationContextValue>(
    () => ({ savedViews, isSaved, toggleSavedView, present, registerChart }),
    [savedViews, isSaved, toggleSavedView, present, registerChart],
  );

  return (
    <PresentationContext.Provider value={value}>
      <ChartActionsProvider actions={saveViewAction}>{children}</ChartActionsProvider>
      {active ? (
        <PresentationOverlay
          views={active.views}
          index={active.index}
          onIndexChange={(index) => setActive((a) => (a ? { ...a, index } : a))}
          onLeave={() => setActive(null)}
        />
      ) : null}
    </PresentationContext.Provider>
  );
}
