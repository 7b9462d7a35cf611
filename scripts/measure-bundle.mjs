// Initial JavaScript of the built renderer: the entry script and every chunk index.html preloads,
// gzip-compressed as a server or installer would ship them. Run after `npm run build:renderer`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.env.SDESK_RENDERER_OUT ?? 'dist/renderer';
const html = readFileSync(path.join(root, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const sizeOf = (file) => {
  const bytes = readFileSync(path.join(root, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
let raw = 0;
let gzip = 0;
for (const file of initial) {
  const size = sizeOf(file);
  raw += size.raw;
  gzip += size.gzip;
  console.log(`  ${file.padEnd(48)} ${(size.raw / 1024).toFixed(1).padStart(8)} KB  gzip ${(size.gzip / 1024).toFixed(1).padStart(7)} KB`);
}
const allJs = readdirSync(path.join(root, 'assets')).filter((f) => f.endsWith('.js'));
const total = allJs.reduce((sum, f) => sum + statSync(path.join(root, 'assets', f)).size, 0);
console.log(`initial JS: ${initial.length} files, ${(raw / 1024).toFixed(1)} KB, gzip ${(gzip / 1024).toFixed(1)} KB (budget 300 KB gzip)`);
console.log(`all JS (loaded on demand included): ${allJs.length} files, ${(total / 1024).toFixed(1)} KB`);
process.exitCode = gzip > 300 * 1024 ? 1 : 0;
