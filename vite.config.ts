import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The renderer's build; it lives at the top level because it runs in Node, which renderer/ code never does.
const root = fileURLToPath(new URL('./renderer/', import.meta.url));
const appVersion = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  root,
  // Relative URLs, so the same build serves from app://scenario-desk/ in Electron and from any folder in the browser.
  base: './',
  plugins: [
    react(),
    {
      // Chromium (and so Electron) reads woff2: the woff fallbacks would only double the
      // render-blocking font CSS and the files shipped, so they are dropped at build time.
      name: 'woff2-only-fonts',
      enforce: 'pre',
      transform(code, id) {
        if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
        return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
      },
    },
  ],
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  server: { host: '127.0.0.1' },
  build: {
    // SDESK_RENDERER_OUT lets parallel work build into separate folders; the default is what the app ships.
    outDir: process.env['SDESK_RENDERER_OUT'] ?? fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // No inline data: URLs for scripts; CSP allows scripts only from the app's own files.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  worker: {
    format: 'es',
    // exceljs gets a chunk of its own in the import worker too, named as on the page, so the reviewed
    // scan finding in it (scripts/security-allowlist.json) is recognised whatever the worker's own code does.
    rollupOptions: { output: { manualChunks: (id: string) => (id.includes('/node_modules/exceljs/') ? 'exceljs.min' : undefined) } },
  },
});
