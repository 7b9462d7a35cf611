// Bundles the main process (ESM) and the sandboxed preload (CommonJS, the only form a sandboxed preload can take).
import { build } from 'esbuild';

const common = { bundle: true, sourcemap: true, target: 'node22', external: ['electron'], logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.mjs',
    platform: 'node',
    format: 'esm',
    // Bundled CommonJS dependencies (ajv, via electron-store) call require(); ESM has none of its own.
    banner: { js: "import { createRequire as __sdCreateRequire } from 'node:module'; const require = __sdCreateRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'browser',
    format: 'cjs',
  }),
]);
console.log('built dist/electron/main.mjs and dist/electron/preload.cjs');
