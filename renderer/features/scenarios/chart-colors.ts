import { useSyncExternalStore } from 'react';

/**
 * Theme colours for SVG charts, read from the CSS variables of theme.css. Recharts writes them
 * as attributes, so an exported image keeps its colours without the stylesheet.
 */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  accentSoft: string;
  actual: string;
  median: string;
  target: string;
  surface: string;
}

function read(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1b1f24'),
    muted: v('--text-muted', '#4f5a66'),
    grid: v('--border', '#c9d1db'),
    accent: v('--accent', '#0a58a8'),
    accentSoft: v('--accent-soft', '#dcebfb'),
    actual: v('--text', '#1b1f24'),
    median: v('--ok', '#1d6b35'),
    target: v('--bad', '#b3261e'),
    surface: v('--surface', '#ffffff'),
  };
}

let cached: ChartColors | null = null;
let cachedTheme: string | null = null;

function snapshot(): ChartColors {
  const theme = `${document.documentElement.getAttribute('data-theme') ?? ''}|${document.documentElement.style.colorScheme}`;
  if (!cached || theme !== cachedTheme) {
    cached = read();
    cachedTheme = theme;
  }
  return cached;
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

export function useChartColors(): ChartColors {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
