/**
 * The rule of eslint.config.js that keeps percent conversion in shared/units: a hand-written ×100 or
 * ÷100 fails lint anywhere else in the app's code, and passes in shared/units and in tests (which
 * compute expected numbers by hand). Linted as text at a path inside the folder under test.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function percentErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax' && m.message.includes('shared/units')).map((m) => m.message);
}

describe('percent is converted in shared/units only', () => {
  const handWritten: [where: string, file: string, code: string][] = [
    ['÷100 in the engine', 'shared/engine/percent-probe.ts', 'export const fraction = (rate: number) => rate / 100;\n'],
    ['×100 in a feature', 'renderer/features/targets/percent-probe.ts', 'export const percent = (fraction: number) => fraction * 100;\n'],
    ['100× in the main process', 'electron/app/percent-probe.ts', 'export const percent = (fraction: number) => 100 * fraction;\n'],
    ['÷= 100 in the CLI', 'cli/percent-probe.ts', 'export function fraction(rate: number) {\n  rate /= 100;\n  return rate;\n}\n'],
    [
      '1 + r/100 in the key dispatcher (its own rule set)',
      'renderer/app/commands/keyboard-dispatcher.ts',
      'export const factor = (rate: number) => 1 + rate / 100;\n',
    ],
  ];
  it.each(handWritten)('fails on %s', async (_where, file, code) => {
    expect(await percentErrors(file, code)).toHaveLength(1);
  });

  const allowed: [where: string, file: string, code: string][] = [
    ['shared/units itself', 'shared/units/percent-probe.ts', 'export const fraction = (rate: number) => rate / 100;\n'],
    ['a test computing by hand', 'renderer/features/targets/percent-probe.test.ts', 'export const expected = 4200 * (1 + 15 / 100);\n'],
    ['other constants', 'shared/engine/percent-probe.ts', 'export const thousands = (value: number) => value / 1000 + 100;\n'],
  ];
  it.each(allowed)('passes in %s', async (_where, file, code) => {
    expect(await percentErrors(file, code)).toEqual([]);
  });

  it('keeps the key-listener rule in the renderer beside it', async () => {
    const [result] = await eslint.lintText("window.addEventListener('keydown', () => 1 / 100);\n", {
      filePath: `${root}renderer/features/data/percent-probe.ts`,
    });
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    expect(messages.some((m) => m.includes('keyboard-dispatcher'))).toBe(true);
    expect(messages.some((m) => m.includes('shared/units'))).toBe(true);
  });
});
