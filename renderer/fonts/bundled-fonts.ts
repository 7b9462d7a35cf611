/**
 * The bundled Noto Sans SC, attached once the first frame is on screen.
 *
 * Its style sheet holds about 200 @font-face rules (one per Unicode subset and weight). While
 * they are in the document, the first layout matches every character against them and the
 * first screen's text pulls some 30 subset files that each cause another layout. Attached
 * after the first frame, the same files load while the analyst is already reading the chart:
 * the first frame is drawn in the system's font (Microsoft YaHei on Windows) and the bundled
 * font replaces it a moment later, as `font-display: swap` would do anyway.
 *
 * Chart images must never fall back, so image export waits for `bundledFontsReady`.
 */
let loading: Promise<void> | null = null;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Attaches the font's style sheets (once) and resolves when the faces the page uses have loaded. */
export function bundledFontsReady(): Promise<void> {
  loading ??= (async () => {
    await Promise.all([import('@fontsource/noto-sans-sc/400.css'), import('@fontsource/noto-sans-sc/700.css')]);
    // The faces a page needs are requested at its next style and layout, so wait for that first.
    await nextFrame();
    await document.fonts.ready;
    // Tests and image export read this to know the page shows the bundled font.
    document.documentElement.dataset['fonts'] = 'ready';
  })();
  return loading;
}

/** Starts loading the font after the first frame has been painted. */
export function loadBundledFontsAfterFirstPaint(): void {
  requestAnimationFrame(() => setTimeout(() => void bundledFontsReady(), 0));
}
