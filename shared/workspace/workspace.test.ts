import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../engine/analysis';
import { fractionToPercent } from './migrations';
import { parseWorkspace, serializeWorkspace, WorkspaceError, type WorkspaceProblem } from './parse';
import { MAX_WORKSPACE_BYTES, workspaceJsonSchema, type Workspace } from './schema';
import { loadStarterWorkspace, STARTER_WORKSPACE_TEXT } from './starter';

const fixture = (name: string): string => readFileSync(new URL(`../../tests/fixtures/workspace/${name}`, import.meta.url), 'utf8');

function problemsOf(text: string): readonly WorkspaceProblem[] {
  const result = parseWorkspace(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('starter workspace', () => {
  const starter = loadStarterWorkspace();

  it('is read at start-up exactly as the full file checks read it', () => {
    // The app skips validation of the bundled file, so the file must need none: same object, nothing added or dropped.
    const checked = parseWorkspace(STARTER_WORKSPACE_TEXT);
    expect(checked.ok).toBe(true);
    expect(starter).toEqual(checked.ok ? checked.workspace : null);
    expect(loadStarterWorkspace()).not.toBe(starter);
  });

  it('parses and marks a baseline that exists', () => {
    expect(starter.formatVersion).toBe(3);
    expect(starter.scenarios.map((scenario) => scenario.id)).toContain(starter.baselineScenarioId);
    expect(starter.scenarios.filter((scenario) => scenario.uncertainty !== undefined).length).toBeGreaterThanOrEqual(3);
  });

  it('holds the article figures', () => {
    const byId = new Map(starter.scenarios.map((scenario) => [scenario.id, scenario]));
    const highTech = byId.get('high-tech-firms-19-2pct');
    expect(highTech?.base).toMatchObject({ year: 2023, value: 7565 });
    expect(highTech?.model === 'cagr' && highTech.params.growthRatePercent).toBe(19.2);
    expect(highTech?.targets.map((target) => [target.year, target.value])).toEqual([
      [2025, 10000],
      [2027, 12700],
    ]);
    const software = byId.get('software-revenue-15pct');
    // 4200 / 1.15 = 3652.17…: the 2023 revenue the 2024 target and its 15% growth imply.
    expect(software?.base.year).toBe(2023);
    expect(software?.base.value).toBeCloseTo(3652.17, 2);
    expect(software?.targets.map((target) => [target.year, target.value])).toEqual([[2024, 4200]]);
    const techBased = byId.get('tech-based-firms-36-1pct');
    expect(techBased?.targets.map((target) => target.value)).toEqual([67000, 86000]);
  });

  it('every starter scenario can be analysed', () => {
    for (const scenario of starter.scenarios) expect(() => analyzeScenario(scenario)).not.toThrow();
  });

  it('round-trips: serialize → parse gives the same workspace and the same text', () => {
    const text = serializeWorkspace(starter);
    const again = parseWorkspace(text);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.workspace).toEqual(starter);
    expect(serializeWorkspace(again.workspace)).toBe(text);
    expect(JSON.parse(text)).toEqual(JSON.parse(STARTER_WORKSPACE_TEXT));
  });

  it('round-trips a workspace with imported indicators', () => {
    const withIndicator: Workspace = {
      ...starter,
      indicators: [
        {
          id: 'user.gdp',
          name: { zh: '地区生产总值', en: 'GDP' },
          unit: 'cny-100m',
          sourceNote: '用户导入 / user import',
          observations: [
            { id: 'user.gdp@2023-actual', year: 2023, value: 30145.79, kind: 'actual' },
            { year: 2024, value: 31500, kind: 'estimate', note: 'guess' },
          ],
        },
      ],
    };
    const parsed = parseWorkspace(serializeWorkspace(withIndicator));
    expect(parsed.ok && parsed.workspace).toEqual(withIndicator);
  });

  it('serialize refuses an invalid workspace', () => {
    const broken = { ...starter, baselineScenarioId: 'nope' };
    expect(() => serializeWorkspace(broken)).toThrowError(WorkspaceError);
  });
});

describe('migration from format 1', () => {
  const result = parseWorkspace(fixture('v1-basic.sdesk'));

  it('migrates with hand-checked values', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    const workspace = result.workspace;
    expect(workspace.name).toBe('旧版工作区 (format 1)');
    expect(workspace.createdAt).toBe('2023-11-30T09:15:00.000Z');
    expect(workspace.baselineScenarioId).toBe('high-tech');
    expect(workspace.indicators).toEqual([]);
    const [software, highTech, techPath, linear, logistic, diagnostics] = workspace.scenarios;
    expect(software?.params).toEqual({ growthRatePercent: 15 });
    expect(highTech).toMatchObject({
      indicatorId: 'cq.enterprises.high-tech',
      indicatorName: { zh: '高新技术企业数量', en: '' },
      unit: 'firms',
      base: { year: 2023, value: 7565 },
      params: { growthRatePercent: 19.2 },
      targets: [
        { label: '突破1万家', year: 2025, value: 10000 },
        { year: 2027, value: 12700 },
      ],
      notes: 'v1 notes',
      modifiedAt: '2023-11-30T09:15:00.000Z',
    });
    expect(highTech?.uncertainty).toBeUndefined();
    expect(techPath?.params).toEqual({ ratesPercent: [20, 18.5, 12.9] });
    expect(linear?.params).toEqual({ incrementPerYear: 4000 });
    expect(logistic?.params).toEqual({ growthRatePercent: 36.1, ceiling: 120000 });
    expect(diagnostics?.params).toEqual({ targetYear: 2028, targetValue: 5500 });
  });

  it('fractions become percent without binary noise', () => {
    expect(0.07 * 100).not.toBe(7);
    expect(fractionToPercent(0.07)).toBe(7);
    expect(fractionToPercent(0.192)).toBe(19.2);
    expect(fractionToPercent(0.361)).toBe(36.1);
  });

  it('reports a v1 scenario lacking its parameter at its v1 path', () => {
    expect(problemsOf(fixture('v1-missing-param.sdesk'))).toEqual([expect.objectContaining({ path: '$.scenarios[0].growthRate' })]);
  });
});

describe('bad files', () => {
  it('corrupt JSON', () => {
    const [problem] = problemsOf(fixture('corrupt.sdesk'));
    expect(problem).toMatchObject({ path: '$', code: 'invalid-json' });
    expect(problem?.message).toMatch(/not valid JSON at line 6/);
  });

  it('wrong types name the JSON path', () => {
    const paths = problemsOf(fixture('wrong-types.sdesk')).map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['$.scenarios[1].base.value', '$.scenarios[3].params.growthRatePercent', '$.scenarios[0].unknownField']));
  });

  it('invalid values name the JSON path with engine messages', () => {
    const problems = problemsOf(fixture('invalid-values.sdesk'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$.scenarios[2].params.growthRatePercent', message: 'growth rate must be greater than −100% (got −120)' }),
        expect.objectContaining({ path: '$.scenarios[3].horizonYear', code: 'invalid-value' }),
        expect.objectContaining({ path: '$.scenarios[4].id', code: 'duplicate-id' }),
        expect.objectContaining({ path: '$.scenarios[5].params.ceiling', code: 'invalid-value' }),
        expect.objectContaining({ path: '$.baselineScenarioId', code: 'unknown-baseline' }),
      ]),
    );
  });

  it('a future version says it was made by a newer version', () => {
    const [problem] = problemsOf(fixture('v4-future.sdesk'));
    expect(problem).toMatchObject({ path: '$.formatVersion', code: 'newer-version' });
    expect(problem?.message).toContain('made by a newer version');
    expect(problem?.messageZh).toContain('更新版本');
  });

  it('missing or strange versions and non-objects', () => {
    expect(problemsOf('{"name": "x"}')[0]?.code).toBe('missing-version');
    expect(problemsOf('{"formatVersion": "2"}')[0]?.code).toBe('unknown-version');
    expect(problemsOf('{"formatVersion": 0}')[0]?.code).toBe('unknown-version');
    expect(problemsOf('[1, 2]')[0]?.code).toBe('not-an-object');
  });

  it('__proto__ and constructor keys are rejected and do not pollute Object.prototype', () => {
    const problems = problemsOf(fixture('proto-pollution.sdesk'));
    expect(problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['$.__proto__', '$.scenarios[0].constructor']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('files over the size limit are refused before parsing', () => {
    const [problem] = problemsOf(' '.repeat(MAX_WORKSPACE_BYTES + 1));
    expect(problem?.code).toBe('too-large');
  });

  it('too many scenarios are refused', () => {
    const starter = JSON.parse(STARTER_WORKSPACE_TEXT) as { scenarios: unknown[] };
    const first = starter.scenarios[0];
    starter.scenarios = Array.from({ length: 501 }, (_, index) => ({ ...(first as object), id: `s${index}` }));
    expect(problemsOf(JSON.stringify(starter))[0]?.path).toBe('$.scenarios');
  });
});

describe('JSON Schema', () => {
  it('is strict and pins the format version', () => {
    const schema = workspaceJsonSchema() as { additionalProperties?: unknown; properties?: Record<string, { const?: unknown }>; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.formatVersion?.const).toBe(3);
    expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'scenarios', 'baselineScenarioId']));
  });

  it('docs/workspace.schema.json is up to date', () => {
    const onDisk = JSON.parse(readFileSync(new URL('../../docs/workspace.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(onDisk).toEqual(workspaceJsonSchema());
  });
});
