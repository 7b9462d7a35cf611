// Runs the Playwright suites against the built renderer. Kept as a script so a missing
// build says so plainly instead of failing inside a test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const rendererOut = process.env.SDESK_RENDERER_OUT ?? 'dist/renderer';
if (!existsSync(`${rendererOut}/index.html`)) {
  console.error('The renderer is not built: run `npm run build` first (npm test does this for you).');
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
