/**
 * Issue #12, item 2: numbers that stay finite. Every entry point — the engine validators, the .sdesk
 * parser, the CSV and XLSX import, an exported workbook read back, the CLI and the scenario builder's
 * form logic — is fed the same extremes: 1e308, −1e308, −0, 5e-324 (the smallest subnormal), NaN and
 * ±Infinity. What lies outside the unit bounds (rates in (−100, 1000] %, values at most 1e15 in
 * magnitude, positive values at least 1e-9, spreads at most the value, or 1000 points for a rate) is
 * refused with a message that names the field; −0 is taken as 0. Then the outputs of
 * extreme-but-allowed inputs (1000 % a year from 1e15 over 1900–2060, Monte Carlo with huge spreads)
 * must not contain NaN or Infinity anywhere: CLI JSON, CSV and tables, and the xlsx.
 *
 * The bounds are written here by hand, not imported from shared/units/bounds.ts, so the test states
 * them independently of the code (and the file also runs against the code before the bounds existed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../../cli/run-in-memory';
import { fieldOfKey, parseNumberInput, tryEdit, withBuilderValue } from '../../renderer/features/scenarios/scenario-form';
import { parseImportFile } from '../../shared/import/parse-import';
import type { ImportResult } from '../../shared/import/types';
import { buildScenarioWorkbook } from '../../shared/workbook/build';
import { readScenariosFromWorkbook } from '../../shared/workbook/read';
import { parseWorkspace } from '../../shared/workspace/parse';
import { CURRENT_FORMAT_VERSION, type Workspace, type WorkspaceScenario } from '../../shared/workspace/schema';
import { requiredGrowth } from '../../shared/engine/analysis';
import type { EngineIssue } from '../../shared/engine/issues';
import { projectScenario, validateScenarioSpec, type ScenarioSpec } from '../../shared/engine/models';
import { simulate, validateUncertainty, type MonteCarloResult } from '../../shared/engine/montecarlo';

const NOW = '2024-02-26T00:00:00.000Z';

function scenario(
  id: string,
  fields: Omit<WorkspaceScenario, 'id' | 'name' | 'indicatorId' | 'indicatorName' | 'unit' | 'notes' | 'createdAt' | 'modifiedAt'>,
): WorkspaceScenario {
  return {
    id,
    name: id,
    indicatorId: 'own.sales',
    indicatorName: { zh: '销售额', en: 'Sales' },
    unit: 'cny-100m',
    ...fields,
    notes: '',
    createdAt: NOW,
    modifiedAt: NOW,
  } as WorkspaceScenario;
}

/** One scenario of each model, each with a distribution of another kind, and one imported indicator. All valid. */
function fixtureWorkspace(): Workspace {
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: 'numeric bounds',
    createdAt: NOW,
    modifiedAt: NOW,
    baselineScenarioId: null,
    scenarios: [
      scenario('cagr', {
        base: { year: 2023, value: 7565 },
        model: 'cagr',
        params: { growthRatePercent: 19.2 },
        horizonYear: 2030,
        targets: [{ year: 2027, value: 12700 }],
        uncertainty: {
          distributions: { growthRatePercent: { kind: 'normal', mean: 19.2, sd: 4 }, baseValue: { kind: 'normal', mean: 7565, sd: 500 } },
          shockMode: 'perYear',
          trials: 2000,
          seed: 7,
        },
      }),
      scenario('rate-path', {
        base: { year: 2024, value: 4200 },
        model: 'ratePath',
        params: { ratesPercent: [15, 12] },
        horizonYear: 2030,
        targets: [],
        uncertainty: { distributions: { rateShiftPercent: { kind: 'uniform', min: -2, max: 2 } }, shockMode: 'perYear', trials: 2000, seed: 7 },
      }),
      scenario('linear', {
        base: { year: 2023, value: 7565 },
        model: 'linear',
        params: { incrementPerYear: 1219 },
        horizonYear: 2030,
        targets: [{ year: 2027, value: 12700 }],
        uncertainty: {
          distributions: { incrementPerYear: { kind: 'triangular', min: 900, mode: 1200, max: 1600 } },
          shockMode: 'perYear',
          trials: 2000,
          seed: 7,
        },
      }),
      scenario('logistic', {
        base: { year: 2023, value: 58524 },
        model: 'logistic',
        params: { growthRatePercent: 36.1, ceiling: 120000 },
        horizonYear: 2030,
        targets: [],
        uncertainty: { distributions: { ceiling: { kind: 'pert', min: 100000, mode: 120000, max: 140000 } }, shockMode: 'perTrial', trials: 2000, seed: 7 },
      }),
      scenario('target-path', {
        base: { year: 2023, value: 3000 },
        model: 'targetPath',
        params: { targetYear: 2028, targetValue: 5500 },
        horizonYear: 2030,
        targets: [],
        uncertainty: { distributions: { targetValue: { kind: 'lognormal', mean: 5500, sd: 500 } }, shockMode: 'perTrial', trials: 2000, seed: 7 },
      }),
    ],
    indicators: [
      { id: 'own.sales', name: { zh: '销售额', en: 'Sales' }, unit: 'cny-100m', sourceNote: '', observations: [{ year: 2022, value: 120.5, kind: 'actual' }] },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// What each kind of field does with each extreme, worked out by hand from the bounds above.
// A code: refused with that engine code. 'refused': refused (years and counts, whose checks predate the
// bounds). null: accepted (−0 then reads back as +0).

type Extreme = '1e308' | '-1e308' | '-0' | '5e-324' | 'NaN' | 'Infinity' | '-Infinity';
const EXTREMES: ReadonlyArray<readonly [Extreme, number]> = [
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['-0', -0],
  ['5e-324', 5e-324],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

type Kind = 'rate' | 'positive' | 'level' | 'flow' | 'year' | 'spread' | 'positiveCentre' | 'lognormalMean' | 'ordered' | 'trials' | 'seed';
type Outcome = EngineIssue['code'] | 'refused' | null;

const OUTCOMES: Readonly<Record<Kind, Readonly<Record<Extreme, Outcome>>>> = {
  // Growth rates: (−100, 1000] %.
  rate: {
    '1e308': 'rate-too-high',
    '-1e308': 'rate-too-low',
    '-0': null,
    '5e-324': null,
    NaN: 'not-finite',
    Infinity: 'not-finite',
    '-Infinity': 'not-finite',
  },
  // Base (not linear), targets, ceiling, path target: [1e-9, 1e15]; the magnitude is checked before the sign.
  positive: {
    '1e308': 'value-too-large',
    '-1e308': 'value-too-large',
    '-0': 'value-not-positive',
    '5e-324': 'value-too-small',
    NaN: 'not-finite',
    Infinity: 'not-finite',
    '-Infinity': 'not-finite',
  },
  // A linear base, an observation: 0, or 1e-9 to 1e15 in magnitude.
  level: {
    '1e308': 'value-too-large',
    '-1e308': 'value-too-large',
    '-0': null,
    '5e-324': 'value-too-small',
    NaN: 'not-finite',
    Infinity: 'not-finite',
    '-Infinity': 'not-finite',
  },
  // An increment, or a distribution's location that may be 0: at most 1e15 in magnitude, tiny is harmless.
  flow: {
    '1e308': 'value-too-large',
    '-1e308': 'value-too-large',
    '-0': null,
    '5e-324': null,
    NaN: 'not-finite',
    Infinity: 'not-finite',
    '-Infinity': 'not-finite',
  },
  year: { '1e308': 'refused', '-1e308': 'refused', '-0': 'refused', '5e-324': 'refused', NaN: 'refused', Infinity: 'refused', '-Infinity': 'refused' },
  // A standard deviation: not negative; at most 1000 points for a rate (sd 4 → 1e308), at most the mean for a value (500 of 7565, 500 of 5500).
  spread: {
    '1e308': 'spread-too-large',
    '-1e308': 'distribution-invalid',
    '-0': null,
    '5e-324': null,
    NaN: 'not-finite',
    Infinity: 'not-finite',
    '-Infinity': 'not-finite',
  },
  // The mean of a positive value's normal (sd 500): at most 1e15 in magnitude, the centre at least 1e-9.
  positiveCentre: {
    '1e308': 'value-too-large',
    '-1e308': 'value-too-large',
    '-0': 'value-too-small',
    '5e-324': 'value-too-small',
    NaN: 'not-finite',
    Infinity: 'not-finite',
    '-Infinity': 'not-finite',
  },
  // A lognormal mean: > 0 (its own rule), and at least 1e-9 (σ² = ln(1 + sd²/mean²) must stay finite).
  lognormalMean: {
    '1e308': 'value-too-large',
    '-1e308': 'value-too-large',
    '-0': 'distribution-invalid',
    '5e-324': 'value-too-small',
    NaN: 'not-finite',
    Infinity: 'not-finite',
    '-Infinity': 'not-finite',
  },
  // Mode or max of triangular(900, 1200, 1600) / pert(100000, 120000, 140000): 0 or 5e-324 falls below the min.
  ordered: {
    '1e308': 'value-too-large',
    '-1e308': 'value-too-large',
    '-0': 'distribution-invalid',
    '5e-324': 'distribution-invalid',
    NaN: 'not-finite',
    Infinity: 'not-finite',
    '-Infinity': 'not-finite',
  },
  trials: {
    '1e308': 'trials-out-of-range',
    '-1e308': 'trials-out-of-range',
    '-0': 'trials-out-of-range',
    '5e-324': 'trials-out-of-range',
    NaN: 'trials-out-of-range',
    Infinity: 'trials-out-of-range',
    '-Infinity': 'trials-out-of-range',
  },
  // A seed is a whole number 0…2³²−1: −0 is 0.
  seed: {
    '1e308': 'seed-invalid',
    '-1e308': 'seed-invalid',
    '-0': null,
    '5e-324': 'seed-invalid',
    NaN: 'seed-invalid',
    Infinity: 'seed-invalid',
    '-Infinity': 'seed-invalid',
  },
};

/** Every numeric field of the fixture: [scenario index, path within the scenario, kind]. */
const SCENARIO_FIELDS: ReadonlyArray<readonly [number, string, Kind]> = [
  [0, 'base.year', 'year'],
  [0, 'base.value', 'positive'],
  [0, 'params.growthRatePercent', 'rate'],
  [0, 'horizonYear', 'year'],
  [0, 'targets[0].year', 'year'],
  [0, 'targets[0].value', 'positive'],
  [0, 'uncertainty.distributions.growthRatePercent.mean', 'rate'],
  [0, 'uncertainty.distributions.growthRatePercent.sd', 'spread'],
  [0, 'uncertainty.distributions.baseValue.mean', 'positiveCentre'],
  [0, 'uncertainty.distributions.baseValue.sd', 'spread'],
  [0, 'uncertainty.trials', 'trials'],
  [0, 'uncertainty.seed', 'seed'],
  [1, 'params.ratesPercent[0]', 'rate'],
  [1, 'params.ratesPercent[1]', 'rate'],
  [1, 'uncertainty.distributions.rateShiftPercent.min', 'rate'],
  [1, 'uncertainty.distributions.rateShiftPercent.max', 'rate'],
  [2, 'base.value', 'level'],
  [2, 'params.incrementPerYear', 'flow'],
  [2, 'uncertainty.distributions.incrementPerYear.min', 'flow'],
  [2, 'uncertainty.distributions.incrementPerYear.mode', 'ordered'],
  [2, 'uncertainty.distributions.incrementPerYear.max', 'ordered'],
  [3, 'base.value', 'positive'],
  [3, 'params.growthRatePercent', 'rate'],
  [3, 'params.ceiling', 'positive'],
  // pert(0, 120000, 140000): centre 70000, half-width 70000, so 0 (or 5e-324) is still allowed.
  [3, 'uncertainty.distributions.ceiling.min', 'flow'],
  [3, 'uncertainty.distributions.ceiling.mode', 'ordered'],
  [3, 'uncertainty.distributions.ceiling.max', 'ordered'],
  [4, 'base.value', 'positive'],
  [4, 'params.targetYear', 'year'],
  [4, 'params.targetValue', 'positive'],
  [4, 'uncertainty.distributions.targetValue.mean', 'lognormalMean'],
  [4, 'uncertainty.distributions.targetValue.sd', 'spread'],
];
const INDICATOR_FIELDS: ReadonlyArray<readonly [string, Kind]> = [
  ['indicators[0].observations[0].value', 'level'],
  ['indicators[0].observations[0].year', 'year'],
];

function pathSegments(fieldPath: string): Array<string | number> {
  return fieldPath.split(/\.|(?=\[)/).map((segment) => (segment.startsWith('[') ? Number(segment.slice(1, -1)) : segment));
}

function setAt(root: unknown, fieldPath: string, value: number): void {
  const segments = pathSegments(fieldPath);
  let node = root as Record<string | number, unknown>;
  segments.slice(0, -1).forEach((segment) => (node = node[segment] as Record<string | number, unknown>));
  node[segments.at(-1) as string | number] = value;
}

function getAt(root: unknown, fieldPath: string): unknown {
  let node = root as Record<string | number, unknown> | undefined;
  for (const segment of pathSegments(fieldPath)) node = node?.[segment] as Record<string | number, unknown> | undefined;
  return node;
}

function engineIssues(spec: WorkspaceScenario): EngineIssue[] {
  return [...validateScenarioSpec(spec), ...(spec.uncertainty ? validateUncertainty(spec, spec.uncertainty) : [])];
}

function describeOutcome(outcome: Outcome): string {
  return outcome === null ? 'accepted' : outcome === 'refused' ? 'refused' : `refused (${outcome})`;
}

// ---------------------------------------------------------------------------------------------

describe('engine validators: every parameter of every model', () => {
  for (const [index, field, kind] of SCENARIO_FIELDS) {
    for (const [name, value] of EXTREMES) {
      const expected = OUTCOMES[kind][name];
      it(`${fixtureWorkspace().scenarios[index]?.model} ${field} = ${name}: ${describeOutcome(expected)}`, () => {
        const spec = structuredClone(fixtureWorkspace().scenarios[index]) as WorkspaceScenario;
        setAt(spec, field, value);
        const issues = engineIssues(spec);
        const own = issues.find((issue) => issue.field === field);
        if (expected === null) {
          expect(issues).toEqual([]);
          return;
        }
        expect(own, `issues: ${issues.map((issue) => issue.message).join('; ')}`).toBeDefined();
        if (expected !== 'refused') expect(own?.code).toBe(expected);
        // The message starts with the field in both languages.
        expect(own?.message.startsWith(`${field}: `)).toBe(true);
        expect(own?.messageZh.startsWith(`${field}:`)).toBe(true);
      });
    }
  }

  it('says what the bound is, in English and Chinese', () => {
    const spec = structuredClone(fixtureWorkspace().scenarios[0]) as WorkspaceScenario;
    const at = (field: string, value: number) => {
      const copy = structuredClone(spec);
      setAt(copy, field, value);
      return engineIssues(copy).find((issue) => issue.field === field);
    };
    expect(at('params.growthRatePercent', 1e308)).toMatchObject({
      message: 'params.growthRatePercent: growth rate must be at most 1000% (got 1e+308)',
      messageZh: 'params.growthRatePercent:增长率不能超过 1000%(当前为 1e+308)',
    });
    expect(at('base.value', 1e308)).toMatchObject({
      message: 'base.value: base value must be at most 1e15 in magnitude (got 1e+308)',
      messageZh: 'base.value:基期值的绝对值不能超过 1e15(当前为 1e+308)',
    });
    expect(at('base.value', 5e-324)).toMatchObject({
      message: 'base.value: base value must be at least 1e-9 (got 5e-324)',
      messageZh: 'base.value:基期值不能小于 1e-9(当前为 5e-324)',
    });
    expect(at('uncertainty.distributions.growthRatePercent.sd', 1e308)?.message).toBe(
      'uncertainty.distributions.growthRatePercent.sd: the standard deviation of a growth rate must be at most 1000 percentage points (got 1e+308)',
    );
    // 7565 is the magnitude of the base value the distribution varies.
    expect(at('uncertainty.distributions.baseValue.sd', 7566)?.message).toBe(
      'uncertainty.distributions.baseValue.sd: the standard deviation must be at most 7565, the magnitude of the value it varies (got 7566)',
    );
  });

  it('accepts the bounds themselves: 1000 %, a rate just above −100 %, 1e15, 1e-9, spread = value', () => {
    const base = fixtureWorkspace().scenarios[0] as WorkspaceScenario;
    const edge = structuredClone(base);
    setAt(edge, 'params.growthRatePercent', 1000);
    setAt(edge, 'base.value', 1e-9);
    setAt(edge, 'targets[0].value', 1e15);
    setAt(edge, 'uncertainty.distributions.growthRatePercent.mean', -99.999);
    setAt(edge, 'uncertainty.distributions.growthRatePercent.sd', 1000);
    setAt(edge, 'uncertainty.distributions.baseValue.mean', 1e15);
    setAt(edge, 'uncertainty.distributions.baseValue.sd', 1e15);
    expect(engineIssues(edge)).toEqual([]);
    const over = structuredClone(edge);
    setAt(over, 'params.growthRatePercent', 1000.0001);
    expect(engineIssues(over).map((issue) => [issue.field, issue.code])).toEqual([['params.growthRatePercent', 'rate-too-high']]);
  });

  it('refuses a target path whose rate, continued after the target year, would pass 1000 % a year', () => {
    // From 1e-9 in 1900 to 1e15 in 1901 is a factor of 1e24 a year; 159 more years of it would overflow.
    const spec: ScenarioSpec = { model: 'targetPath', params: { targetYear: 1901, targetValue: 1e15 }, base: { year: 1900, value: 1e-9 }, horizonYear: 2060 };
    expect(validateScenarioSpec(spec).map((issue) => [issue.field, issue.code])).toEqual([['params.targetValue', 'rate-too-high']]);
    // 1 → 11 in one year is exactly 1000 %: allowed, and 11¹⁶⁰ ≈ 4.2e166 stays finite.
    const edge: ScenarioSpec = { ...spec, params: { targetYear: 1901, targetValue: 11 }, base: { year: 1900, value: 1 } };
    expect(validateScenarioSpec(edge)).toEqual([]);
    const last = projectScenario(edge).values.at(-1) as number;
    expect(last).toBeGreaterThan(4.19e166);
    expect(last).toBeLessThan(4.2e166);
  });

  it('reports a required path target beyond 1e15 instead of returning Infinity', () => {
    // A 160-year path whose target in 1901 is 1e15 from a base of 1: the path target would be 1e15^160.
    const spec: ScenarioSpec = { model: 'targetPath', params: { targetYear: 2060, targetValue: 2 }, base: { year: 1900, value: 1 }, horizonYear: 2060 };
    const required = requiredGrowth(spec, { year: 1901, value: 1e15 });
    expect(required.status).toBe('unreachable');
    expect(required.status === 'unreachable' && required.code).toBe('beyond-bounds');
    // And a target passed in from outside the scenario gets the same bounds.
    expect(requiredGrowth({ ...spec, model: 'cagr', params: { growthRatePercent: 5 } }, { year: 1901, value: 1e308 }).status).toBe('unreachable');
  });
});

// ---------------------------------------------------------------------------------------------
// The .sdesk parser. JSON cannot hold NaN; 1e999 is the JSON text that JSON.parse reads as Infinity.

const JSON_EXTREMES: ReadonlyArray<readonly [Extreme, string]> = [
  ['1e308', '1e308'],
  ['-1e308', '-1e308'],
  ['-0', '-0'],
  ['5e-324', '5e-324'],
  ['Infinity', '1e999'],
  ['-Infinity', '-1e999'],
];
const SENTINEL = 987654.321;

/** The fixture as .sdesk text with one number replaced by `literal`, written as it would be in a file. */
function workspaceText(fieldPath: string, literal: string): string {
  const workspace = fixtureWorkspace();
  setAt(workspace, fieldPath, SENTINEL);
  const text = JSON.stringify(workspace, null, 2);
  expect(text.split(String(SENTINEL))).toHaveLength(2);
  return text.replace(String(SENTINEL), literal);
}

const ALL_FIELDS: ReadonlyArray<readonly [string, Kind]> = [
  ...SCENARIO_FIELDS.map(([index, field, kind]) => [`scenarios[${index}].${field}`, kind] as const),
  ...INDICATOR_FIELDS,
];

describe('.sdesk parser: 1e308, −1e308, −0, 5e-324 and 1e999 in each numeric field', () => {
  it('accepts the fixture as it is', () => {
    expect(parseWorkspace(JSON.stringify(fixtureWorkspace())).ok).toBe(true);
  });

  for (const [field, kind] of ALL_FIELDS) {
    for (const [name, literal] of JSON_EXTREMES) {
      const expected = OUTCOMES[kind][name];
      it(`$.${field} = ${literal}: ${describeOutcome(expected)}`, () => {
        const result = parseWorkspace(workspaceText(field, literal));
        if (expected === null) {
          expect(result.ok, result.ok ? '' : result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toBe(true);
          if (!result.ok) return;
          // −0 is normalised as the file is read: the workspace holds +0.
          expect(Object.is(getAt(result.workspace, field), name === '-0' ? 0 : Number(literal))).toBe(true);
          return;
        }
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const own = result.problems.find((p) => p.path === `$.${field}`);
        expect(own, result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toBeDefined();
        expect(own?.message).not.toBe('');
        expect(own?.messageZh).not.toBe('');
      });
    }
  }

  it('names the field and the bound in the message', () => {
    const result = parseWorkspace(workspaceText('scenarios[0].params.growthRatePercent', '1e308'));
    expect(result.ok ? [] : result.problems).toContainEqual({
      path: '$.scenarios[0].params.growthRatePercent',
      code: 'invalid-value',
      message: 'growth rate must be at most 1000% (got 1e+308)',
      messageZh: '增长率不能超过 1000%(当前为 1e+308)',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// CSV and XLSX import: the value and year columns.

const VALUE_TEXTS: ReadonlyArray<readonly [string, number | null]> = [
  // [cell text, the value imported (null: refused)]
  ['1e308', null],
  ['-1e308', null],
  ['-0', 0],
  ['5e-324', null],
  ['NaN', null],
  ['Infinity', null],
  ['1e999', null],
  ['-1e999', null],
  ['1e15', 1e15],
  ['-1e15', -1e15],
  ['1e-9', 1e-9],
  ['0', 0],
];

function csvBytes(year: string, value: string): Uint8Array {
  return new TextEncoder().encode(`indicator id,name,unit,year,value\nown.sales,销售额,亿元,${year},${value}\n`);
}

async function xlsxBytes(year: ExcelJS.CellValue, value: ExcelJS.CellValue): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(['indicator id', 'name', 'unit', 'year', 'value']);
  sheet.addRow(['own.sales', '销售额', '亿元', year, value]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function expectImported(result: ImportResult, value: number): void {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  expect(Object.is(result.indicators[0]?.observations[0]?.value, value)).toBe(true);
}

function expectRefusedAt(result: ImportResult, column: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  // Row 2 (the header is row 1), the column as the file names it.
  expect(result.errors).toContainEqual(expect.objectContaining({ code: 'invalid-value', row: 2, column }));
}

describe('CSV import', () => {
  for (const [text, imported] of VALUE_TEXTS) {
    it(`value "${text}": ${imported === null ? 'refused at row 2, column value' : `imported as ${Object.is(imported, -0) ? '−0' : imported}`}`, async () => {
      const result = await parseImportFile({ fileName: 'data.csv', bytes: csvBytes('2022', text) });
      if (imported === null) expectRefusedAt(result, 'value');
      else expectImported(result, imported);
    });
  }

  it('says why a value is refused, in both languages', async () => {
    const large = await parseImportFile({ fileName: 'data.csv', bytes: csvBytes('2022', '1e308') });
    expect(large.ok ? null : large.errors[0]).toMatchObject({
      message: 'the value 1e308 is larger than 1e15 in magnitude',
      messageZh: '数值 1e308 的绝对值超过 1e15',
    });
    const tiny = await parseImportFile({ fileName: 'data.csv', bytes: csvBytes('2022', '5e-324') });
    expect(tiny.ok ? null : tiny.errors[0]?.message).toBe('the value 5e-324 is too small to be meaningful: write 0, or a magnitude of at least 1e-9');
  });

  it.each(['1e308', '-1e308', '-0', '5e-324', 'NaN', 'Infinity'])('year "%s": refused at row 2, column year', async (text) => {
    expectRefusedAt(await parseImportFile({ fileName: 'data.csv', bytes: csvBytes(text, '120') }), 'year');
  });
});

describe('XLSX import (numbers as typed cells)', () => {
  const numbers: ReadonlyArray<readonly [string, number, number | null]> = [
    ['1e308', 1e308, null],
    ['-1e308', -1e308, null],
    ['-0', -0, 0],
    ['5e-324', 5e-324, null],
    ['NaN', NaN, null],
    ['Infinity', Infinity, null],
    ['-Infinity', -Infinity, null],
    ['1e15', 1e15, 1e15],
  ];
  for (const [name, cell, imported] of numbers) {
    it(`value cell ${name}: ${imported === null ? 'refused at row 2, column value' : `imported as ${imported}`}`, async () => {
      const result = await parseImportFile({ fileName: 'data.xlsx', bytes: await xlsxBytes(2022, cell) });
      if (imported === null) expectRefusedAt(result, 'value');
      else expectImported(result, imported);
    });
  }

  it.each([1e308, -1e308, -0, 5e-324, NaN, Infinity])('year cell %s: refused at row 2, column year', async (cell) => {
    expectRefusedAt(await parseImportFile({ fileName: 'data.xlsx', bytes: await xlsxBytes(cell, 120) }), 'year');
  });

  it('value cells written as text: the same bounds', async () => {
    for (const [text, imported] of VALUE_TEXTS) {
      const result = await parseImportFile({ fileName: 'data.xlsx', bytes: await xlsxBytes(2022, text) });
      if (imported === null) expectRefusedAt(result, 'value');
      else expectImported(result, imported);
    }
  });
});

describe('an exported workbook edited in Excel and read back', () => {
  async function editedInput(name: string, value: number) {
    const workspace = fixtureWorkspace();
    const bytes = await buildScenarioWorkbook({ workspace, lang: 'en', appVersion: 'test', exportedAt: NOW });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const range = workbook.definedNames.getRanges(name).ranges[0] ?? '';
    // 'Sheet name'!$D$8, or Sheet!$D$8 when the name needs no quotes.
    const match = /^(?:'((?:[^']|'')+)'|([^!']+))!\$([A-Z]+)\$(\d+)$/.exec(range);
    if (!match) throw new Error(`no cell for ${name} (${range})`);
    const sheet = workbook.getWorksheet((match[1] ?? match[2] ?? '').replace(/''/g, "'"));
    if (!sheet) throw new Error(`no sheet for ${name}`);
    sheet.getCell(`${match[3]}${match[4]}`).value = value;
    return readScenariosFromWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
  }

  it('refuses a growth input of 2000 % (20 in the 0.0% cell), naming the field', async () => {
    const result = await editedInput('s1_rate', 20);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]?.message).toBe('$.scenarios[0].params.growthRatePercent: growth rate must be at most 1000% (got 2000)');
  });

  it('refuses a base value of 1e308, naming the field', async () => {
    const result = await editedInput('s1_base', 1e308);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]?.message).toBe('$.scenarios[0].base.value: base value must be at most 1e15 in magnitude (got 1e+308)');
  });
});

// ---------------------------------------------------------------------------------------------
// The CLI: workspace files with the extremes, and the numeric flags.

describe('CLI', () => {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'sdesk-bounds-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let fileCount = 0;
  const file = (text: string): string => {
    const name = path.join(folder, `w${fileCount++}.sdesk`);
    writeFileSync(name, text);
    return name;
  };

  it('check: every numeric field × 1e308, −1e308, −0, 5e-324, 1e999, −1e999, with the field named on stderr', async () => {
    const wrong: string[] = [];
    for (const [field, kind] of ALL_FIELDS) {
      for (const [name, literal] of JSON_EXTREMES) {
        const expected = OUTCOMES[kind][name];
        const { code, stderr } = await runInMemory('check', file(workspaceText(field, literal)));
        const named = stderr.includes(`: $.${field}: `);
        if (expected === null ? code !== 0 : code !== 2 || !named) wrong.push(`$.${field} = ${literal}: exit ${code}, ${stderr.trim().split('\n')[0] ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('project and montecarlo refuse 1e308 with the field named, in every format', async () => {
    const bad = file(workspaceText('scenarios[0].params.growthRatePercent', '1e308'));
    for (const command of ['project', 'montecarlo']) {
      for (const format of ['table', 'json', 'csv']) {
        const { code, stdout, stderr } = await runInMemory(command, bad, '--format', format);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain('$.scenarios[0].params.growthRatePercent: growth rate must be at most 1000% (got 1e+308)');
      }
    }
  });

  it.each(['1e308', '-1e308', '5e-324', 'NaN', 'Infinity', '-Infinity', '1e999', '0', '-0'])('--trials %s is refused, naming --trials', async (value) => {
    const { code, stderr } = await runInMemory('montecarlo', file(JSON.stringify(fixtureWorkspace())), '--trials', value, '--format', 'json');
    expect(code).toBe(2);
    expect(stderr).toContain(`option --trials must be a whole number from 1 to 1000000 (got "${value}")`);
  });

  it.each(['1e308', '-1e308', '5e-324', 'NaN', 'Infinity', '-Infinity'])('--seed %s is refused, naming --seed', async (value) => {
    const { code, stderr } = await runInMemory('montecarlo', file(JSON.stringify(fixtureWorkspace())), '--seed', value);
    expect(code).toBe(2);
    expect(stderr).toContain(`option --seed must be a whole number from 0 to 4294967295 (got "${value}")`);
  });

  it('--seed -0 runs with seed 0, written as 0', async () => {
    const { code, stdout } = await runInMemory(
      'montecarlo',
      file(JSON.stringify(fixtureWorkspace())),
      '--scenario',
      'cagr',
      '--trials',
      '100',
      '--seed',
      '-0',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { scenarios: Array<{ seed: number }> };
    expect(Object.is(data.scenarios[0]?.seed, 0)).toBe(true);
  });

  it('export --trials 1e308 is refused before anything is written', async () => {
    const out = path.join(folder, 'out.xlsx');
    const { code, stderr } = await runInMemory('export', file(JSON.stringify(fixtureWorkspace())), '--out', out, '--trials', '1e308');
    expect(code).toBe(2);
    expect(stderr).toContain('option --trials must be a whole number');
  });
});

// ---------------------------------------------------------------------------------------------
// The scenario builder's form logic: what the analyst types goes through parseNumberInput and tryEdit.

/** [scenario index, builder key, kind]: every number field of the builder for each model. */
const BUILDER_FIELDS: ReadonlyArray<readonly [number, string, Kind]> = [
  [0, 'growthRatePercent', 'rate'],
  [0, 'horizonYear', 'year'],
  [0, 'dist:mean', 'rate'],
  [0, 'dist:sd', 'spread'],
  [0, 'trials', 'trials'],
  [0, 'seed', 'seed'],
  [1, 'rate:0', 'rate'],
  [1, 'rate:1', 'rate'],
  [1, 'dist:min', 'rate'],
  [1, 'dist:max', 'rate'],
  [2, 'incrementPerYear', 'flow'],
  [2, 'dist:min', 'flow'],
  [2, 'dist:mode', 'ordered'],
  [2, 'dist:max', 'ordered'],
  [3, 'growthRatePercent', 'rate'],
  [3, 'ceiling', 'positive'],
  [4, 'targetYear', 'year'],
  [4, 'targetValue', 'positive'],
  [4, 'dist:mean', 'lognormalMean'],
  [4, 'dist:sd', 'spread'],
];

/** What the analyst types for each extreme; NaN and Infinity as words are not numbers to the field at all. */
const TYPED: ReadonlyArray<readonly [Extreme, string]> = [
  ['1e308', '1e308'],
  ['-1e308', '−1e308'],
  ['-0', '-0'],
  ['5e-324', '5e-324'],
  ['Infinity', '1e999'],
  ['-Infinity', '-1e999'],
];

describe('scenario builder form logic', () => {
  it('reads −0 as 0, 1e999 as Infinity (for the engine to refuse) and the words NaN/Infinity as not a number', () => {
    expect(Object.is(parseNumberInput('-0'), 0)).toBe(true);
    expect(Object.is(parseNumberInput('−0.0'), 0)).toBe(true);
    expect(parseNumberInput('1e999')).toBe(Infinity);
    expect(parseNumberInput('NaN')).toBeNaN();
    expect(parseNumberInput('Infinity')).toBeNaN();
    expect(parseNumberInput('5e-324')).toBe(5e-324);
  });

  for (const [index, key, kind] of BUILDER_FIELDS) {
    for (const [name, text] of TYPED) {
      // The field turns "-0" into 0 before the engine sees it, so a positive field says "must be greater than 0".
      const expected = OUTCOMES[kind][name];
      it(`${fixtureWorkspace().scenarios[index]?.model} ${key} typed "${text}": ${describeOutcome(expected)}`, () => {
        const current = fixtureWorkspace().scenarios[index] as WorkspaceScenario;
        const field = fieldOfKey(current, key);
        const value = parseNumberInput(text);
        const outcome = tryEdit(current, (s) => withBuilderValue(s, key, value), field);
        if (expected === null) {
          expect(outcome.ok, outcome.ok ? '' : outcome.issue.message).toBe(true);
          if (!outcome.ok) return;
          // The stored number is never −0 (nor anything but the typed value).
          const stored = getAt(outcome.scenario, field);
          expect(Object.is(stored, value === 0 ? 0 : value)).toBe(true);
          return;
        }
        // Refused: the workspace keeps the old scenario and the message is about this field.
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.issue.field).toBe(field);
        if (expected !== 'refused') expect(outcome.issue.code).toBe(expected);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Outputs of extreme-but-allowed inputs: no NaN, no Infinity, in any format.

/** 1000 % a year from 1e15 over the longest horizon (1900–2060), Monte Carlo with the widest spreads allowed. */
function extremeWorkspace(): Workspace {
  const mc = (distributions: NonNullable<WorkspaceScenario['uncertainty']>['distributions'], shockMode: 'perYear' | 'perTrial' = 'perYear') => ({
    distributions,
    shockMode,
    trials: 2000,
    seed: 3,
  });
  return {
    ...fixtureWorkspace(),
    scenarios: [
      scenario('cagr-max', {
        base: { year: 1900, value: 1e15 },
        model: 'cagr',
        params: { growthRatePercent: 1000 },
        horizonYear: 2060,
        targets: [
          { year: 2060, value: 1e15 },
          { year: 1901, value: 1e-9 },
        ],
        uncertainty: mc({ growthRatePercent: { kind: 'normal', mean: 1000, sd: 1000 }, baseValue: { kind: 'normal', mean: 1e15, sd: 1e15 } }),
      }),
      scenario('rate-path-max', {
        base: { year: 1900, value: 1e15 },
        model: 'ratePath',
        params: { ratesPercent: [1000] },
        horizonYear: 2060,
        targets: [],
        uncertainty: mc({ rateShiftPercent: { kind: 'lognormal', mean: 1e-9, sd: 1000 } }),
      }),
      scenario('linear-max', {
        base: { year: 1900, value: -1e15 },
        model: 'linear',
        params: { incrementPerYear: 1e15 },
        horizonYear: 2060,
        targets: [{ year: 2060, value: 1e15 }],
        uncertainty: mc({ incrementPerYear: { kind: 'normal', mean: 1e15, sd: 1e15 }, baseValue: { kind: 'uniform', min: -2e15 / 2, max: 0 } }),
      }),
      // A linear path from 0: there is no CAGR from 0, which the outputs must show as "not defined", not NaN.
      scenario('linear-from-zero', {
        base: { year: 2020, value: 0 },
        model: 'linear',
        params: { incrementPerYear: 5 },
        horizonYear: 2030,
        targets: [{ year: 2025, value: 20 }],
      }),
      scenario('logistic-max', {
        base: { year: 1900, value: 1e-9 },
        model: 'logistic',
        params: { growthRatePercent: 1000, ceiling: 1e15 },
        horizonYear: 2060,
        targets: [{ year: 2000, value: 1e15 }],
        uncertainty: mc({
          growthRatePercent: { kind: 'pert', min: -99.999, mode: 1000, max: 1000 },
          ceiling: { kind: 'normal', mean: 1e15, sd: 1e15 },
          baseValue: { kind: 'normal', mean: 1e-9, sd: 1e-9 },
        }),
      }),
      scenario('target-path-max', {
        base: { year: 1900, value: 1 },
        model: 'targetPath',
        params: { targetYear: 1901, targetValue: 11 },
        horizonYear: 2060,
        targets: [{ year: 2060, value: 1e15 }],
        uncertainty: mc({ baseValue: { kind: 'normal', mean: 1, sd: 1 }, targetValue: { kind: 'lognormal', mean: 11, sd: 11 } }, 'perTrial'),
      }),
    ],
  };
}

const NON_FINITE_TEXT = /NaN|Infinity|∞/;

describe('outputs of extreme-but-allowed inputs stay finite', () => {
  let folder = '';
  let extreme = '';
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'sdesk-bounds-out-'));
    extreme = path.join(folder, 'extreme.sdesk');
    writeFileSync(extreme, JSON.stringify(extremeWorkspace(), null, 2));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('the extreme workspace is valid', async () => {
    const { code, stderr } = await runInMemory('check', extreme);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('project: 1e15 × 11¹⁶⁰ ≈ 4.196e181 in 2060, and no NaN or Infinity in JSON, CSV or the table', async () => {
    const json = await runInMemory('project', extreme, '--format', 'json');
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(NON_FINITE_TEXT);
    const data = JSON.parse(json.stdout) as { scenarios: Array<{ id: string; path: Array<{ year: number; value: number }> }> };
    const top = data.scenarios.find((s) => s.id === 'cagr-max')?.path.at(-1);
    // log10(11) = 1.0413927 × 160 = 166.6228; 10^0.6228 = 4.196.
    expect(top?.year).toBe(2060);
    expect(top?.value).toBeGreaterThan(4.19e181);
    expect(top?.value).toBeLessThan(4.2e181);
    // The CAGR from a base of 0 (or, for the linear path from −1e15, below 0) is not defined: null, and stderr says where.
    expect(json.stderr).toBe(
      'note: 2 values are not defined (e.g. a growth rate from a base of 0) and written as null: $.scenarios[2].targets[0].requiredGrowth.impliedCagrPercent, $.scenarios[3].targets[0].requiredGrowth.impliedCagrPercent\n',
    );

    const csv = await runInMemory('project', extreme, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).not.toMatch(NON_FINITE_TEXT);
    expect(csv.stderr).toContain('column required_cagr_percent');
    const table = await runInMemory('project', extreme);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(NON_FINITE_TEXT);
  });

  it('montecarlo: 1000 % ± 1000 points a year for 160 years, in JSON, CSV and the table', async () => {
    for (const format of ['json', 'csv', 'table']) {
      const { code, stdout, stderr } = await runInMemory('montecarlo', extreme, '--format', format);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).not.toMatch(NON_FINITE_TEXT);
    }
  });

  it('Monte Carlo draws that would go beyond the rate bounds are clamped: no value passes (1e15 + 10 sd) × 11¹⁶⁰', () => {
    const workspace = extremeWorkspace();
    for (const spec of workspace.scenarios) {
      if (spec.uncertainty === undefined) continue;
      const result = simulate({ scenario: spec, uncertainty: spec.uncertainty, keepTrialValues: true });
      const values = result.trialValues as Float64Array;
      let worst = 0;
      let nonFinite = 0;
      for (const value of values) {
        if (!Number.isFinite(value)) nonFinite++;
        else worst = Math.max(worst, Math.abs(value));
      }
      expect(nonFinite, spec.id).toBe(0);
      // A normal draw is within ±11 sd here (2000 trials), so a base is below 1.2e16; 11¹⁶⁰ ≈ 4.2e166.
      expect(worst, spec.id).toBeLessThan(1.2e16 * 4.2e166);
      const summaries = [result.mean, result.standardDeviation, ...result.percentiles].flatMap((series) => Array.from(series));
      expect(
        summaries.filter((value) => !Number.isFinite(value)),
        spec.id,
      ).toEqual([]);
    }
  });

  it('the workbook of the extreme workspace has only finite numbers, and Excel errors for CAGRs from 0 or below', async () => {
    const workspace = extremeWorkspace();
    const monteCarlo: Record<string, MonteCarloResult> = {};
    for (const spec of workspace.scenarios) if (spec.uncertainty) monteCarlo[spec.id] = simulate({ scenario: spec, uncertainty: spec.uncertainty });
    const bytes = await buildScenarioWorkbook({ workspace, lang: 'en', appVersion: 'test', exportedAt: NOW, monteCarlo });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const bad: string[] = [];
    const errors: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value;
          const number = value !== null && typeof value === 'object' && 'result' in value ? value.result : value;
          if (typeof number === 'number' && !Number.isFinite(number)) bad.push(`${sheet.name}!${cell.address}`);
          if (number !== null && typeof number === 'object' && 'error' in number) errors.push(`${sheet.name}!${cell.address} ${number.error}`);
        }),
      );
    }
    expect(bad).toEqual([]);
    // Targets sheet, column I (the required CAGR), one row per target from row 4: cagr-max has rows 4 and 5,
    // linear-max (from −1e15: a negative base to a fractional power) row 6, linear-from-zero (E/0) row 7.
    expect(errors).toEqual(['Targets!I6 #NUM!', 'Targets!I7 #DIV/0!']);
  });

  it('the workbook builder refuses a non-finite number, naming the sheet and the cell', async () => {
    const workspace = { ...fixtureWorkspace(), scenarios: [fixtureWorkspace().scenarios[0] as WorkspaceScenario] };
    const spec = workspace.scenarios[0] as WorkspaceScenario;
    const result = simulate({ scenario: spec, uncertainty: { ...(spec.uncertainty as NonNullable<WorkspaceScenario['uncertainty']>), trials: 10 } });
    const broken: MonteCarloResult = { ...result, mean: Float64Array.from(result.mean, (value, index) => (index === 0 ? NaN : value)) };
    // Uncertainty sheet: row 4 title, 5 the trials line, 6 the header, 7 the base year; mean after P5…P95 is column I.
    await expect(buildScenarioWorkbook({ workspace, lang: 'en', appVersion: 'test', exportedAt: NOW, monteCarlo: { cagr: broken } })).rejects.toThrow(
      'sheet "Uncertainty", cell I7: NaN is not a finite number, so the workbook was not written',
    );
  });
});
