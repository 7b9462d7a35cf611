import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInMemory as run } from './run-in-memory';

const root = path.resolve(import.meta.dirname, '..');
const starter = path.join(root, 'assets/workspace/starter.sdesk');
const fixture = (name: string): string => path.join(root, 'tests/fixtures/workspace', name);

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/Error: .*\n.*\.(ts|js|mjs):\d+/);
}

describe('runCli (injected I/O)', () => {
  it('project prints paths, targets, gaps and required growth', async () => {
    const { code, stdout, stderr } = await run('project', starter);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('10,748.84'); // 7565 × 1.192²
    expect(stdout).toContain('6,387.67'); // 4200 × 1.15³ = 6387.675 (toFixed rounds the binary value down)
    expect(stdout).toContain('14.97% a year');
    expect(stdout).toContain('13.83% a year');
  });

  it('project --format json has full-precision paths', async () => {
    const { code, stdout } = await run('project', starter, '--format', 'json');
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { scenarios: Array<{ id: string; path: Array<{ year: number; value: number }> }> };
    const highTech = data.scenarios.find((scenario) => scenario.id === 'high-tech-firms-19-2pct');
    expect(highTech?.path.find((point) => point.year === 2025)?.value).toBeCloseTo(10748.83616, 6);
  });

  it('project --format=csv has a header and one row per scenario-year and target', async () => {
    const { code, stdout } = await run('project', starter, '--format=csv');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^scenario_id,scenario_name,indicator_id,unit,model,year,projected,target_label/);
    expect(lines.some((line) => line.startsWith('high-tech-firms-19-2pct,') && line.includes(',2025,') && line.includes(',10000,'))).toBe(true);
  });

  it('check: exit 0 for a valid workspace, migrated v1 says so', async () => {
    expect((await run('check', starter)).code).toBe(0);
    const migrated = await run('check', fixture('v1-basic.sdesk'));
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('migrated from format 1');
  });

  it('check: exit 2 with one line per problem and its JSON path', async () => {
    const { code, stderr } = await run('check', fixture('invalid-values.sdesk'));
    expect(code).toBe(2);
    expect(stderr).toContain('$.scenarios[2].params.growthRatePercent: growth rate must be greater than −100% (got −120)');
    expect(stderr.trim().split('\n')).toHaveLength(5);
    expectNoStackTrace(stderr);
  });

  it('montecarlo prints percentiles and target probabilities', async () => {
    const { code, stdout } = await run('montecarlo', starter, '--trials', '2000', '--seed', '1', '--scenario', 'high-tech-firms-19-2pct');
    expect(code).toBe(0);
    expect(stdout).toMatch(/P5\s+P10\s+P25\s+P50\s+P75\s+P90\s+P95\s+Mean/);
    expect(stdout).toContain('P(meet 2025年目标');
    expect(stdout).toContain('2,000 trials, seed 1');
  });

  it('montecarlo json is reproducible for a seed', async () => {
    const first = await run('montecarlo', starter, '--trials', '500', '--seed', '9', '--format', 'json');
    const second = await run('montecarlo', starter, '--trials', '500', '--seed', '9', '--format', 'json');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
  });

  it.each([
    [['project', 'does-not-exist.sdesk'], /no such file/],
    [['project', fixture('corrupt.sdesk')], /not valid JSON/],
    [['check', fixture('v4-future.sdesk')], /newer version/],
    [
      ['montecarlo', starter, '--trials', 'abc', '--format', 'xml', '--bogus'],
      /--trials must be a whole number[\s\S]*--format must be one of[\s\S]*unknown option --bogus/,
    ],
    [['montecarlo', starter, '--scenario', 'nope'], /no scenario with id "nope"/],
    [['project'], /missing <workspace>/],
    [['project', starter, 'extra'], /unexpected argument "extra"/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['check', root], /is a directory/],
  ])('bad input %j → exit 2, clear message, no stack trace', async (argv, pattern) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(pattern);
    expectNoStackTrace(stderr);
  });

  it('--help lists the commands; command --help lists options', async () => {
    const general = await run('--help');
    expect(general.code).toBe(0);
    expect(general.stdout).toMatch(/project[\s\S]*check[\s\S]*montecarlo/);
    const montecarlo = await run('montecarlo', '--help');
    expect(montecarlo.stdout).toContain('--trials N');
  });
});

describe('built CLI (esbuild bundle, spawned)', () => {
  let outdir = '';
  beforeAll(() => {
    outdir = mkdtempSync(path.join(os.tmpdir(), 'sdesk-cli-'));
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs'), '--outdir', outdir], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(outdir, 'cli.mjs'), ...args], { encoding: 'utf8', cwd: root });

  it('project on the starter exits 0', () => {
    const result = cli('project', 'assets/workspace/starter.sdesk');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('高新技术企业');
  });

  it('bad input exits 2 without a stack trace', () => {
    for (const args of [
      ['check', 'tests/fixtures/workspace/wrong-types.sdesk'],
      ['project', 'missing.sdesk'],
      ['montecarlo', 'assets/workspace/starter.sdesk', '--seed', '-3'],
    ]) {
      const result = cli(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
      expectNoStackTrace(result.stderr);
    }
  });
});
