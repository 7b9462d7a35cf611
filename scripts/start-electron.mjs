// `npm start`: launches the built app in Electron. Where the Electron binary is missing and
// cannot be downloaded (offline machines), says so in one sentence instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronPackageDir, findElectronBinary } from './electron-binary.mjs';

let binary = findElectronBinary();
if (!binary) {
  console.log('Electron binary not found; trying to download it once (needs network)...');
  const install = spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], { stdio: 'pipe', timeout: 120_000 });
  binary = install.status === 0 ? findElectronBinary() : null;
}
if (!binary) {
  console.error(
    'Scenario Desk cannot open its desktop window: the Electron binary is not installed and could not be downloaded (this machine is offline); run `npm run web` to use the same app in a browser instead.',
  );
  process.exit(1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
