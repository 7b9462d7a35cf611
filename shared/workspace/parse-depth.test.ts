import { describe, expect, it } from 'vitest';
import { parseWorkspace, type WorkspaceProblem } from './parse';
import { STARTER_WORKSPACE_TEXT } from './starter';

function problemsOf(text: string): readonly WorkspaceProblem[] {
  const result = parseWorkspace(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('deeply nested files are refused quickly, with the depth and where', () => {
  it('refuses a 1 MB file nested 1,000,000 deep in under 1 s', () => {
    const text = '['.repeat(1_000_000);
    expect(text.length).toBe(1_000_000);
    const { value: problems, ms } = timed(() => problemsOf(text));
    // Generous on a loaded 2-core CI machine; it takes a few milliseconds.
    expect(ms).toBeLessThan(1000);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.code).toBe('too-deep');
    // 64 levels are kept; the path to the 65th is `$` and 64 × `[0]`, shortened to 120 characters.
    expect(problem?.path).toBe(`$${'[0]'.repeat(39)}…`);
    expect(problem?.message).toBe(`the file is nested 1000000 levels deep, more than the 64 allowed; it goes too deep at $${'[0]'.repeat(39)}…`);
    expect(problem?.messageZh).toBe(`文件嵌套深度为 1000000 层,超过允许的 64 层;过深之处:$${'[0]'.repeat(39)}…`);
  });

  it('refuses a well-formed workspace nested 20,000 levels inside params, naming the scenario', () => {
    // Closed brackets, so JSON.parse accepts it: the old key check took seconds here (quadratic in depth).
    const text = `{"formatVersion":2,"name":"deep","scenarios":[{"id":"s1","params":${'{"level":'.repeat(20_000)}0${'}'.repeat(20_000)}}]}`;
    const { value: problems, ms } = timed(() => problemsOf(text));
    expect(ms).toBeLessThan(1000);
    const [problem] = problems;
    expect(problem?.code).toBe('too-deep');
    // root, scenarios, scenarios[0], then 20,000 objects: 20,003 levels.
    expect(problem?.message).toContain('nested 20003 levels deep, more than the 64 allowed');
    expect(problem?.messageZh).toContain('嵌套深度为 20003 层,超过允许的 64 层');
    expect(problem?.path).toBe(`$.scenarios[0].params${'.level'.repeat(16)}…`);
  });

  it('64 levels pass the depth check and 65 do not; brackets inside strings are not nesting', () => {
    const sixtyFour = problemsOf(`{"formatVersion":2,"x":${'['.repeat(63)}${']'.repeat(63)}}`);
    expect(sixtyFour.map((p) => p.code)).not.toContain('too-deep');
    const sixtyFive = problemsOf(`{"formatVersion":2,"x":${'['.repeat(64)}${']'.repeat(64)}}`);
    expect(sixtyFive).toEqual([expect.objectContaining({ code: 'too-deep', path: `$.x${'[0]'.repeat(39)}…` })]);

    const starter = JSON.parse(STARTER_WORKSPACE_TEXT) as { name: string };
    starter.name = `${'[{'.repeat(90)}"\\`;
    expect(parseWorkspace(JSON.stringify(starter)).ok).toBe(true);
  });

  it('names the member that goes too deep, shortening long keys', () => {
    const longKey = 'k'.repeat(1000);
    const text = `{"formatVersion":2,"scenarios":[1,2,{"${longKey}":${'[0,'.repeat(70)}`;
    const [problem] = problemsOf(text);
    expect(problem?.code).toBe('too-deep');
    // `$.scenarios[2]` (14) + the key cut to 40 characters (46) + 20 × `[1]` = 120 characters, then `…`.
    expect(problem?.path).toBe(`$.scenarios[2]["${'k'.repeat(40)}…"]${'[1]'.repeat(20)}…`);
  });
});
