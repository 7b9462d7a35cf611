import { useEffect, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useCommand, useCommandContext } from '../../app/commands/hooks';
import { nextViewIndex } from './navigation';
import type { PresentationView } from './presentation-context';
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
 *
 * While it is shown the registry is in the `presentation` context: the arrows, Page Up/Down,
 * Space, Enter, Backspace, Home, End and Esc are its commands (`shared/commands/catalog.ts`), and
 * the app's own shortcuts do not act behind it.
 */
export function PresentationOverlay({ views, index, onIndexChange, onLeave }: PresentationOverlayProps) {
  const { t } = useTranslation('presentation');
  const rootRef = useRef<HTMLDivElement>(null);
  const chartHostRef = useRef<HTMLDivElement>(null);
  const view = views[index];
  const latest = useRef({ onLeave });
  useLayoutEffect(() => {
    latest.current = { onLeave };
  });

  useCommandContext('presentation');
  const go = (action: 'next' | 'previous' | 'first' | 'last') => onIndexChange(nextViewIndex(index, views.length, action));
  useCommand('presentationNext', () => go('next'));
  useCommand('presentationPrevious', () => go('previous'));
  useCommand('presentationFirst', () => go('first'));
  useCommand('presentationLast', () => go('last'));
  useCommand('presentationLeave', onLeave);

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
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
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
      onClick={() => go('next')}
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
