import { useEffect, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { nextViewIndex, presentationKeyAction } from './navigation';
import type { PresentationView } from './PresentationProvider';
import './presentation.css';

export interface PresentationOverlayProps {
  views: readonly PresentationView[];
  index: number;
  onIndexChange(index: number): void;
  onLeave(): void;
}

/**
 * One view at a time, full screen, at 16:9: title, chart and source line, nothing else.
 * Always in the light theme, like the exported images, because it stands in for slides.
 */
export function PresentationOverlay({ views, index, onIndexChange, onLeave }: PresentationOverlayProps) {
  const { t } = useTranslation('presentation');
  const rootRef = useRef<HTMLDivElement>(null);
  const chartHostRef = useRef<HTMLDivElement>(null);
  const view = views[index];
  const latest = useRef({ index, count: views.length, onIndexChange, onLeave });
  useLayoutEffect(() => {
    latest.current = { index, count: views.length, onIndexChange, onLeave };
  });

  useEffect(() => {
    const root = rootRef.current;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root?.focus();
    let enteredFullscreen = false;
    // Full screen needs a user gesture; from the native menu there may be none, and the overlay still fills the window.
    if (root && document.fullscreenEnabled && !document.fullscreenElement) root.requestFullscreen().catch(() => undefined);
    const onFullscreenChange = () => {
      if (document.fullscreenElement === root) enteredFullscreen = true;
      // The browser leaves full screen on Esc by itself; leaving it means leaving the presentation.
      else if (enteredFullscreen && !document.fullscreenElement) latest.current.onLeave();
    };
    const onKey = (event: KeyboardEvent) => {
      const action = presentationKeyAction(event.key);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'ignore') return;
      if (action === 'leave') latest.current.onLeave();
      else latest.current.onIndexChange(nextViewIndex(latest.current.index, latest.current.count, action));
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    // Capture phase, so the app's own shortcuts do not act behind the presentation.
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      window.removeEventListener('keydown', onKey, true);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      previouslyFocused?.focus();
    };
  }, []);

  useLayoutEffect(() => {
    const host = chartHostRef.current;
    if (!host || !view) return;
    const svg = view.chart.svg.cloneNode(true) as SVGSVGElement;
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', view.title);
    host.replaceChildren(svg);
  }, [view]);

  if (!view) return null;
  return createPortal(
    <div
      ref={rootRef}
      className="presentation"
      data-theme="light"
      role="dialog"
      aria-modal="true"
      aria-label={t('dialogLabel')}
      tabIndex={-1}
      data-testid="presentation"
      onClick={() => onIndexChange(nextViewIndex(index, views.length, 'next'))}
    >
      <section className="presentation-slide" data-testid="presentation-slide" data-view-id={view.id}>
        <h2 className="presentation-title">{view.title}</h2>
        {view.subtitle ? <p className="presentation-subtitle">{view.subtitle}</p> : null}
        <div className="presentation-chart" ref={chartHostRef} />
        <p className="presentation-source">{view.source}</p>
      </section>
      <p className="visually-hidden" aria-live="polite">
        {t('position', { n: index + 1, total: views.length })} {t('keysHint')}
      </p>
    </div>,
    document.body,
  );
}
