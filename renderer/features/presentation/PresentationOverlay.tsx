import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { chartSvg } from '../../../shared/charts/chart-svg';
import { useCommand, useCommandContext } from '../../app/commands/hooks';
import { canvasTextMeasure } from '../charts/export/render-image';
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
 * The logical width the chart is drawn at; the SVG then scales to the slide, so axis labels grow
 * with it (12 px labels read at about 18 px on a 1280 px wide slide), as on a slide exported at
 * 1920×1080.
 */
const chartLogicalWidth = 800;

/**
 * One view at a time, full screen, at 16:9: title, chart and source line, nothing else.
 * Always in the light theme, like the exported images, because it stands in for slides.
 *
 * The chart is drawn from the view's state by chartSvg, the drawing the exported images and
 * slides use, rather than by the screen's Recharts components: one drawing serves every chart
 * kind (lines, small multiples, tornado, heatmap), a view looks exactly like its exported slide,
 * and nothing animates or measures itself in the DOM while the slides change.
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

  // The chart's box on the slide, followed on resize, so the drawing fills it at its aspect ratio.
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const host = chartHostRef.current;
    if (!host) return;
    const measure = (width: number, height: number) => setBox((old) => (old && old.width === width && old.height === height ? old : { width, height }));
    const rect = host.getBoundingClientRect();
    measure(Math.round(rect.width), Math.round(rect.height));
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) measure(Math.round(entry.contentRect.width), Math.round(entry.contentRect.height));
    });
    observer.observe(host);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const host = chartHostRef.current;
    if (!host || !view || !box || box.width <= 0 || box.height <= 0) return;
    const height = Math.round((chartLogicalWidth * box.height) / box.width);
    const markup = chartSvg(view.state, { frame: 'none', width: chartLogicalWidth, height, measure: canvasTextMeasure });
    // Parsed as XML, not set as HTML: the text is ours and escaped, and a parse error shows as such instead of as markup.
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    if (parsed.nodeName !== 'svg') return;
    const svg = document.importNode(parsed, true);
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', view.state.title);
    host.replaceChildren(svg);
  }, [view, box]);

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
        <h2 className="presentation-title">{view.state.title}</h2>
        {view.state.subtitle ? <p className="presentation-subtitle">{view.state.subtitle}</p> : null}
        <div className="presentation-chart" ref={chartHostRef} />
        <p className="presentation-source">{view.state.source}</p>
      </section>
      <p className="visually-hidden" aria-live="polite">
        {t('position', { n: index + 1, total: views.length })} {t('keysHint')}
      </p>
    </div>,
    document.body,
  );
}
