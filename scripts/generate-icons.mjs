// Renders the app icon from its one master SVG (assets/icons/app-icon.svg) into what the
// installers need: icon.png (512) and icon-256.png, icon.ico (Windows), icon.icns (macOS) and a
// Linux set (linux/<n>x<n>.png). Run `node scripts/generate-icons.mjs` after changing the SVG and
// commit the results: packaging runs on machines without this script's browser.
//
// Rasterising is done by Chromium through Playwright (already a dev dependency), so no image
// library is needed. Each size is drawn from the SVG itself rather than scaled down from a big
// bitmap, so the 16 and 32 px icons stay crisp. The ICO and ICNS containers only hold PNGs,
// and their headers are a few fixed-size fields, written here by hand.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const iconDir = path.join(root, 'assets', 'icons');
const masterSvg = path.join(iconDir, 'app-icon.svg');

const icoSizes = [16, 32, 48, 256];
// ICNS entry types holding PNG data, by pixel size (ic10 is 512@2x, used on Retina screens).
const icnsTypes = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];
const linuxSizes = [16, 32, 48, 64, 128, 256, 512];

/** Playwright's own Chromium if installed, else the system one (the build machines are offline). */
function chromiumExecutable() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Not installed: fall through to the system browser.
  }
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
  if (!system) throw new Error('No Chromium found: set PLAYWRIGHT_CHROMIUM_EXECUTABLE or run `npx playwright install chromium`.');
  return system;
}

/** PNG bytes of the SVG drawn at size × size on a transparent background. */
async function renderer(svgText) {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svgText).toString('base64')}`;
  const cache = new Map();
  return {
    async render(size) {
      const cached = cache.get(size);
      if (cached) return cached;
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}img{display:block}</style></head>` +
          `<body><img width="${size}" height="${size}" src="${svgUrl}" alt=""></body></html>`,
      );
      await page.locator('img').evaluate((img) => (img.complete ? null : new Promise((resolve) => img.addEventListener('load', resolve))));
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      assertPngSize(png, size);
      cache.set(size, png);
      return png;
    },
    close: () => browser.close(),
  };
}

function assertPngSize(png, size) {
  // Width and height are the first two fields of the IHDR chunk, at bytes 16 and 20.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== size || height !== size) throw new Error(`Rendered ${width}×${height}, expected ${size}×${size}.`);
}

/** An ICO file whose images are PNGs (read by Windows Vista and later). */
function buildIco(images) {
  const headerSize = 6;
  const entrySize = 16;
  const header = Buffer.alloc(headerSize + entrySize * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const at = headerSize + entrySize * index;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

/** An ICNS file: 'icns' + total length, then one (type, length incl. its 8-byte header, PNG) per entry. */
function buildIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main() {
  const svg = readFileSync(masterSvg, 'utf8');
  const draw = await renderer(svg);
  try {
    const written = [];
    const write = (relative, bytes) => {
      const target = path.join(iconDir, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      written.push(`${path.relative(root, target)} (${bytes.length} bytes)`);
    };

    write('icon.png', await draw.render(512));
    write('icon-256.png', await draw.render(256));
    const icoImages = [];
    for (const size of icoSizes) icoImages.push({ size, png: await draw.render(size) });
    write('icon.ico', buildIco(icoImages));
    const icnsEntries = [];
    for (const [type, size] of icnsTypes) icnsEntries.push({ type, png: await draw.render(size) });
    write('icon.icns', buildIcns(icnsEntries));
    for (const size of linuxSizes) write(path.join('linux', `${size}x${size}.png`), await draw.render(size));

    console.log(`Icons rendered from ${path.relative(root, masterSvg)}:`);
    for (const line of written) console.log(`  ${line}`);
  } finally {
    await draw.close();
  }
}

main().catch((error) => {
  console.error('generate-icons failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
