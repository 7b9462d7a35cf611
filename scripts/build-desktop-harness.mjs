// Bundles the real electron/preload.ts for a plain Chromium page, with the module `electron`
// replaced by tests/desktop/electron-shim.ts (contextBridge and ipcRenderer over a Playwright
// binding). The desktop Playwright project bundles it in memory at the start of each worker, so it
// always runs the current preload; `npm run build:desktop-harness` writes the same bundle to
// dist/desktop-harness/preload.js for a look at what the page gets.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const desktopHarnessPreloadPath = path.join(root, 'dist', 'desktop-harness', 'preload.js');

export async function bundleDesktopPreload() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'electron', 'preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    alias: { electron: path.join(root, 'tests', 'desktop', 'electron-shim.ts') },
    logLevel: 'warning',
    legalComments: 'none',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no preload bundle');
  return output.text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await mkdir(path.dirname(desktopHarnessPreloadPath), { recursive: true });
  await writeFile(desktopHarnessPreloadPath, await bundleDesktopPreload());
  console.log(`built ${path.relative(root, desktopHarnessPreloadPath)}`);
}
