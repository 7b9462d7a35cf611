import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInMemory as run } from './run-in-memory';

const root = path.resolve(import.meta.dirname, '..');
const ESC = '\u001b';
const BEL = '\u0007';
/** A one-character CSI in terminals that read the C1 range. */
const CSI = '\u009b';
/** Anything that could start or be part of a terminal control sequence. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let dir = '';
let hostile = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sdesk-cli-hygiene-'));
  const workspace = JSON.parse(readFileSync(path.join(root, 'assets/workspace/starter.sdesk'), 'utf8')) as {
    scenarios: Array<{ id: string; name: string; targets: Array<{ label?: string }> }>;
  };
  const highTech = workspace.scenarios.find((scenario) => scenario.id === 'high-tech-firms-19-2pct');
  const linear = workspace.scenarios.find((scenario) => scenario.id === 'high-tech-firms-linear-net-gain');
  if (highTech === undefined || linear === undefined || highTech.targets[0] === undefined) throw new Error('starter scenarios changed');
  highTech.name = "=cmd|' /C calc'!A0";
  highTech.targets[0].label = '@SUM(1+1)';
  linear.name = `${ESC}]0;pwned${BEL}${CSI}31mred${ESC}[2J`;
  hostile = path.join(dir, 'hostile.sdesk');
  writeFileSync(hostile, JSON.stringify(workspace));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI output hygiene', () => {
  it('project --format csv neutralises formula injection exactly as the workbook does', async () => {
    const { code, stdout } = await run('project', hostile, '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    // The leading apostrophe makes a spreadsheet show the text instead of running it.
    expect(lines).toContain("high-tech-firms-19-2pct,'=cmd|' /C calc'!A0,cq.enterprises.high-tech,firms,cagr,2023,7565");
    expect(lines.find((line) => line.includes(',2025,10748.'))).toContain(",'@SUM(1+1),10000,");
    expect(stdout).not.toMatch(/(^|,)[=+@]/m);
    // Numbers are not text: a negative gap stays a number (7565 + 4 × 1219 − 12700 = −259).
    expect(lines.find((line) => line.startsWith('high-tech-firms-linear-net-gain,') && line.includes(',2027,12441,'))).toContain(',12700,-259,');
  });

  it('control characters in a workspace never reach the terminal, in any output format', async () => {
    const spelled = '\\u001b]0;pwned\\u0007\\u009b31mred\\u001b[2J';
    for (const format of ['table', 'csv', 'json']) {
      const { code, stdout } = await run('project', hostile, '--format', format);
      expect(code).toBe(0);
      expect(stdout, format).not.toMatch(CONTROL);
      expect(stdout, format).toContain(spelled);
    }
    // JSON stays valid JSON with the same meaning: the escapes decode back to the original name.
    const json = JSON.parse((await run('project', hostile, '--format', 'json')).stdout) as { scenarios: Array<{ id: string; name: string }> };
    expect(json.scenarios.find((scenario) => scenario.id === 'high-tech-firms-linear-net-gain')?.name).toBe(`${ESC}]0;pwned${BEL}${CSI}31mred${ESC}[2J`);
    // Error messages too: a file name is echoed back to the terminal.
    const missing = await run('check', `missing-${ESC}]0;pwned${BEL}.sdesk`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: cannot read missing-\\u001b]0;pwned\\u0007.sdesk: no such file\n');
  });
});
