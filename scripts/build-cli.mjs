// Bundles the headless CLI and the benchmark for Node: cli/cli.ts → dist/cli/cli.mjs, cli/bench.ts → dist/cli/bench.mjs.
// Usage: node scripts/build-cli.mjs [--outdir DIR]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag === -1 ? path.join(root, 'dist/cli') : path.resolve(process.argv[outdirFlag + 1] ?? 'dist/cli');

/** `import text from './file?raw'` (Vite's convention) → the file's text, so shared code bundles the same way everywhere. */
const rawImportPlugin = {
  name: 'raw-import',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw-file' }));
    build.onLoad({ filter: /.*/, namespace: 'raw-file' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};

try {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { cli: 'cli/cli.ts', bench: 'cli/bench.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    loader: { '.json': 'json' },
    plugins: [rawImportPlugin],
    // Bundled CommonJS dependencies (exceljs) call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __sdCreateRequire } from 'node:module'; const require = __sdCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
} catch {
  // esbuild already printed the errors.
  process.exitCode = 1;
}
