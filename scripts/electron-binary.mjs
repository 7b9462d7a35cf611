// Where the Electron binary is, if the npm package has one: the package downloads it lazily
// from the network on first use, which fails on offline machines.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return existsSync(process.env.ELECTRON_OVERRIDE_DIST_PATH) ? process.env.ELECTRON_OVERRIDE_DIST_PATH : null;
  }
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export function electronPackageDir() {
  return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}
