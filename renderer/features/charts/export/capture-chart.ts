/**
 * Takes the chart out of a chart frame as a self-contained SVG element: the Recharts `<svg>`
 * (or several, side by side) plus the HTML legend redrawn as SVG, with every style that came
 * from CSS written onto the elements as attributes, because classes and variables do not
 * travel with a file.
 *
 * Images are always drawn in the LIGHT theme, whatever the app shows: they go onto slides and
 * into documents, which are white. Styles are read with `data-theme="light"` set on the frame for
 * the duration of one synchronous read, so a chart that colours itself with the theme's CSS
 * variables comes out in its light colours and the screen never shows the switch. A chart that
 * wrote the dark theme's colours as literal values gets each one swapped for the light theme's
 * colour of the same variable.
 */
import { documentCssRules } from './css-rules';

const svgNs = 'http://www.w3.org/2000/svg';
export const imageFontFamily = "'Noto Sans SC', sans-serif";

/** Presentation properties copied from computed style onto every SVG element. */
const paintProperties = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'shape-rendering',
  'stop-color',
  'stop-opacity',
] as const;
const colourProperties = new Set(['fill', 'stroke', 'stop-color']);
const textProperties = ['font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'letter-spacing'] as const;

/** Hover-only parts of a Recharts chart, which must not end up in an image. */
const transientSelectors = ['.recharts-tooltip-cursor', '.recharts-active-dot', '.recharts-tooltip-wrapper'];

export interface CapturedChart {
  /** `<svg>` with width, height and viewBox set to the chart's on-screen size. */
  svg: SVGSVGElement;
  width: number;
  height: number;
}

/** `#0a58a8` → `rgb(10, 88, 168)`, the form computed styles use; anything else is returned as is. */
export function hexToRgb(value: string): string {
  const hex = value.trim().toLowerCase();
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(hex);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(hex);
  const parts = long ? long.slice(1) : short ? short.slice(1).map((d) => d + d) : null;
  return parts ? `rgb(${parts.map((p) => parseInt(p, 16)).join(', ')})` : value.trim();
}

/** Custom properties the theme style sheet switches between light and dark. */
function themeVariables(): string[] {
  const names = new Set<string>();
  for (const rule of documentCssRules()) {
    if (!(rule instanceof CSSStyleRule) || !rule.selectorText.includes('data-theme')) continue;
    for (const name of rule.style) if (name.startsWith('--')) names.add(name);
  }
  return [...names];
}

/** Current-theme colour → light-theme colour, for every theme variable that differs; empty in the light theme. */
function lightColourMap(lightElement: Element): Map<string, string> {
  const current = getComputedStyle(document.documentElement);
  const light = getComputedStyle(lightElement);
  const map = new Map<string, string>();
  for (const name of themeVariables()) {
    const from = hexToRgb(current.getPropertyValue(name));
    const to = hexToRgb(light.getPropertyValue(name));
    if (from && to && from !== to && !map.has(from)) map.set(from, to);
  }
  return map;
}

/** Properties SVG elements inherit from their parent; the rest start from their initial value on every element. */
const inherited = new Set<string>([
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'shape-rendering',
  ...textProperties,
]);
const initialValues: Record<string, string> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0px',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  opacity: '1',
  'shape-rendering': 'auto',
  'stop-color': 'rgb(0, 0, 0)',
  'stop-opacity': '1',
  'font-size': '16px',
  'font-weight': '400',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  'letter-spacing': 'normal',
};

/**
 * Writes each computed style as an attribute, but only where the file would otherwise differ:
 * values equal to what the element inherits (or starts with) are left out, which keeps the file
 * small. An attribute the chart set itself is always replaced, since it may hold a var().
 */
function inlineStyles(original: Element, copy: Element, colours: ReadonlyMap<string, string>, parentStyle: Record<string, string> | null): void {
  const style = getComputedStyle(original);
  if (style.display === 'none' || style.visibility === 'hidden') {
    copy.setAttribute('display', 'none');
    return;
  }
  const isText = /^(text|tspan|textpath)$/i.test(original.tagName);
  const own: Record<string, string> = {};
  for (const property of [...paintProperties, ...textProperties]) {
    const raw = style.getPropertyValue(property);
    const value = colourProperties.has(property) ? (colours.get(raw) ?? raw) : raw;
    own[property] = value;
    const baseline = inherited.has(property) && parentStyle ? parentStyle[property] : initialValues[property];
    if (copy.hasAttribute(property) || (value && value !== baseline)) copy.setAttribute(property, value);
  }
  if (isText) copy.setAttribute('font-family', imageFontFamily);
  // Inline style may hold var() references and sizes in %, neither of which means anything in a file.
  copy.removeAttribute('style');
  const originalChildren = original.children;
  const copyChildren = copy.children;
  for (let index = 0; index < originalChildren.length; index += 1) {
    const from = originalChildren[index];
    const to = copyChildren[index];
    if (from && to) inlineStyles(from, to, colours, own);
  }
}

function styledCopy(svg: SVGSVGElement, width: number, height: number, colours: ReadonlyMap<string, string>): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, colours, null);
  // Classes mean nothing without the app's style sheet; hover-only parts are found by class first.
  for (const selector of transientSelectors) copy.querySelectorAll(selector).forEach((node) => node.remove());
  copy.querySelectorAll('[class]').forEach((node) => node.removeAttribute('class'));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('class');
  copy.removeAttribute('role');
  copy.removeAttribute('tabindex');
  return copy;
}

/** The outermost chart SVGs of the frame body: Recharts surfaces, not legend icons or icons inside buttons. */
function chartSurfaces(body: Element): SVGSVGElement[] {
  return [...body.querySelectorAll('svg')].filter(
    (svg) => !svg.parentElement?.closest('svg') && !svg.closest('.recharts-legend-wrapper, button, .recharts-tooltip-wrapper'),
  );
}

function legendTexts(body: Element): Text[] {
  const texts: Text[] = [];
  for (const legend of body.querySelectorAll('.recharts-legend-wrapper')) {
    const walker = document.createTreeWalker(legend, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.trim()) texts.push(node as Text);
    }
  }
  return texts;
}

/**
 * Captures the chart inside `figure` (its `.chart-frame-body`, or the figure itself).
 * Returns `null` when there is no chart to capture, e.g. while the view is still loading.
 */
export function captureChart(figure: HTMLElement): CapturedChart | null {
  const body = figure.querySelector('.chart-frame-body') ?? figure;
  const surfaces = chartSurfaces(body).filter((svg) => {
    const rect = svg.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  });
  if (surfaces.length === 0) return null;

  const hadTheme = figure.getAttribute('data-theme');
  figure.setAttribute('data-theme', 'light');
  try {
    const colours = lightColourMap(figure);
    const legendIcons = [...body.querySelectorAll('.recharts-legend-wrapper svg')].filter((svg): svg is SVGSVGElement => svg instanceof SVGSVGElement);
    const texts = legendTexts(body);
    const rects = [...surfaces, ...legendIcons].map((el) => el.getBoundingClientRect());
    for (const text of texts) {
      const range = document.createRange();
      range.selectNodeContents(text);
      rects.push(range.getBoundingClientRect());
    }
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const width = Math.ceil(Math.max(...rects.map((r) => r.right)) - left);
    const height = Math.ceil(Math.max(...rects.map((r) => r.bottom)) - top);

    const root = document.createElementNS(svgNs, 'svg');
    root.setAttribute('xmlns', svgNs);
    root.setAttribute('width', String(width));
    root.setAttribute('height', String(height));
    root.setAttribute('viewBox', `0 0 ${width} ${height}`);
    root.setAttribute('font-family', imageFontFamily);

    for (const svg of [...surfaces, ...legendIcons]) {
      const rect = svg.getBoundingClientRect();
      const copy = styledCopy(svg, rect.width, rect.height, colours);
      copy.setAttribute('x', String(rect.left - left));
      copy.setAttribute('y', String(rect.top - top));
      root.append(copy);
    }
    for (const text of texts) {
      const parent = text.parentElement;
      if (!parent) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const rect = range.getBoundingClientRect();
      const style = getComputedStyle(parent);
      const label = document.createElementNS(svgNs, 'text');
      label.textContent = (text.textContent ?? '').trim();
      label.setAttribute('x', String(rect.left - left));
      label.setAttribute('y', String(rect.top - top + rect.height / 2));
      label.setAttribute('dominant-baseline', 'central');
      label.setAttribute('fill', colours.get(style.color) ?? style.color);
      label.setAttribute('font-size', style.fontSize);
      label.setAttribute('font-weight', style.fontWeight);
      label.setAttribute('font-family', imageFontFamily);
      root.append(label);
    }
    return { svg: root, width, height };
  } finally {
    if (hadTheme === null) figure.removeAttribute('data-theme');
    else figure.setAttribute('data-theme', hadTheme);
  }
}
