/**
 * The @font-face rules an exported SVG needs, with the font files inlined as data: URLs, so
 * Chinese renders from the bundled Noto Sans SC on any machine that opens the file.
 * The subsets are fetched from the app's own URLs (found through the loaded style sheets), never
 * from the network.
 */
import { documentCssRules } from './css-rules';
import { codepointsOf, parseUnicodeRange, rangesCoverAny } from './unicode-range';

export const bundledFontFamily = 'Noto Sans SC';

interface BundledFace {
  weight: number;
  unicodeRange: string;
  url: string;
}

function unquote(value: string): string {
  return value.trim().replace(/^["']|["']$/g, '');
}

function woff2Url(src: string, base: string): string | null {
  for (const match of src.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)\s*format\(\s*["']?woff2["']?\s*\)/g)) {
    const url = match[2];
    if (url) return new URL(url, base).href;
  }
  return null;
}

/** Every @font-face of the bundled family in the document's style sheets. */
export function bundledFaces(): BundledFace[] {
  const faces: BundledFace[] = [];
  for (const rule of documentCssRules()) {
    if (!(rule instanceof CSSFontFaceRule)) continue;
    if (unquote(rule.style.getPropertyValue('font-family')) !== bundledFontFamily) continue;
    const url = woff2Url(rule.style.getPropertyValue('src'), rule.parentStyleSheet?.href ?? document.baseURI);
    if (!url) continue;
    const weight = Number(rule.style.getPropertyValue('font-weight')) || 400;
    faces.push({ weight, unicodeRange: rule.style.getPropertyValue('unicode-range') || 'U+0-10FFFF', url });
  }
  return faces;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  return btoa(binary);
}

const dataUrlCache = new Map<string, Promise<string>>();

function fontDataUrl(url: string): Promise<string> {
  let cached = dataUrlCache.get(url);
  if (!cached) {
    cached = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
      return `data:font/woff2;base64,${toBase64(new Uint8Array(await response.arrayBuffer()))}`;
    });
    cached.catch(() => dataUrlCache.delete(url));
    dataUrlCache.set(url, cached);
  }
  return cached;
}

/** Text drawn in each weight, e.g. `{ 400: 'axis ticks…', 700: 'title' }`. */
export type TextByWeight = ReadonlyMap<number, string>;

/** CSS text with one @font-face per needed subset, its font inlined; empty when the bundled font is not loaded. */
export async function embeddedFontCss(textByWeight: TextByWeight): Promise<string> {
  const faces = bundledFaces();
  const needed = faces.filter((face) => {
    const text = textByWeight.get(face.weight >= 600 ? 700 : 400);
    return text ? rangesCoverAny(parseUnicodeRange(face.unicodeRange), codepointsOf(text)) : false;
  });
  const rules = await Promise.all(
    needed.map(
      async (face) =>
        `@font-face{font-family:'${bundledFontFamily}';font-style:normal;font-weight:${face.weight};unicode-range:${face.unicodeRange};src:url(${await fontDataUrl(face.url)}) format('woff2');}`,
    ),
  );
  return rules.join('\n');
}
