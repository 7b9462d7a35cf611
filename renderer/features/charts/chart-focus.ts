import { useLayoutEffect, type RefObject } from 'react';

const layerSelector = 'g[class^="recharts-zIndex-layer_"]:not([tabindex])';

/**
 * Keeps every Recharts chart inside `box` (a chart frame's body) one stop of the Tab order: the
 * chart surface itself, named by the chart's title (the `aria-label` its drawing passes), and
 * none of its layers.
 *
 * Recharts 3 draws each z-index layer as a React portal into a bare `<g>`. React listens for focus
 * events on every portal container, and Chromium (so Electron too) makes an SVG element with focus
 * listeners keyboard-focusable, so each layer became an unnamed Tab stop between the chart and the
 * next control. `tabindex="-1"` takes a layer out of the Tab order; layers come and go as series
 * do, so new ones are marked as they appear (only added nodes are looked at, not every redraw).
 */
export function useChartLayersOutOfTabOrder(box: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const mark = () => {
      for (const layer of element.querySelectorAll(layerSelector)) layer.setAttribute('tabindex', '-1');
    };
    mark();
    const observer = new MutationObserver((records) => {
      if (records.some((record) => record.addedNodes.length > 0)) mark();
    });
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [box]);
}
