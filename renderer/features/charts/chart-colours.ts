import { useSyncExternalStore } from 'react';

/**
 * The theme's colours as concrete values for Recharts: SVG attributes in exported images cannot
 * resolve CSS variables, so the variables of theme.css are read once per theme and passed down.
 * Every chart (scenarios, compare, sensitivity) takes its colours from here.
 */
export interface ChartColours {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  accentSoft: string;
  /** Actual values: drawn in the text colour, solid. */
  actual: string;
  /** The simulated median. */
  median: string;
  /** Target markers. */
  target: string;
  /** One per series, from the theme's AA-checked accent and status colours. */
  series: readonly string[];
}

const SERIES_VARIABLES = ['--accent', '--bad', '--ok', '--warn', '--text', '--text-muted'] as const;

function readColours(): ChartColours {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const text = read('--text', '#1b1f24');
  return {
    text,
    muted: read('--text-muted', '#4f5a66'),
    grid: read('--border', '#c9d1db'),
    surface: read('--surface', '#ffffff'),
    accent: read('--accent', '#0a58a8'),
    accentSoft: read('--accent-soft', '#dcebfb'),
    actual: text,
    median: read('--ok', '#1d6b35'),
    target: read('--bad', '#b3261e'),
    series: SERIES_VARIABLES.map((name) => read(name, '#0a58a8')),
  };
}

let cachedTheme: string | undefined;
let cachedColours: ChartColours | undefined;

function snapshot(): ChartColours {
  const theme = document.documentElement.dataset['theme'] ?? '';
  if (cachedColours === undefined || cachedTheme !== theme) {
    cachedTheme = theme;
    cachedColours = readColours();
  }
  return cachedColours;
}

// useTheme always sets data-theme (also when following the system), so watching it is enough.
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export function useChartColours(): ChartColours {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Dash patterns so that series differ by more than colour (solid, dashed, dotted, dash-dot…). */
export const DASH_PATTERNS: readonly string[] = ['', '8 4', '2 4', '12 4 2 4', '4 4', '16 6'];

export function seriesStyle(index: number, colours: ChartColours): { stroke: string; dash: string } {
  return { stroke: colours.series[index % colours.series.length] ?? colours.text, dash: DASH_PATTERNS[index % DASH_PATTERNS.length] ?? '' };
}
