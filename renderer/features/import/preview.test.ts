import { describe, expect, it } from 'vitest';
import { MAX_INDICATORS, type ImportedIndicator } from '../../../shared/workspace';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { planWorkbookImport } from '../../../shared/workbook/update-plan';
import { fitsInWorkspace, importIntoWorkspace, previewRows } from './preview';

const indicator = (id: string, years: number[]): ImportedIndicator => ({
  id,
  name: { zh: id, en: '' },
  unit: 'firms',
  sourceNote: '',
  observations: years.map((year) => ({ year, value: 1, kind: 'actual' as const })),
});

describe('import preview', () => {
  it('marks indicators as new or replacing, with their value count and year span', () => {
    const workspace = { ...loadStarterWorkspace(), indicators: [indicator('mine.a', [2020])] };
    const rows = previewRows(workspace, [indicator('mine.a', [2021, 2023]), indicator('mine.b', [2019])]);
    expect(rows.map((r) => [r.indicator.id, r.status, r.valueCount, r.firstYear, r.lastYear])).toEqual([
      ['mine.a', 'replaces', 2, 2021, 2023],
      ['mine.b', 'new', 1, 2019, 2019],
    ]);
  });

  it('adds to the workspace indicators, replacing by id, and leaves scenarios alone', () => {
    const start = { ...loadStarterWorkspace(), indicators: [indicator('mine.a', [2020])] };
    const next = importIntoWorkspace(start, [indicator('mine.a', [2021]), indicator('mine.b', [2019])], '2026-01-01T00:00:00.000Z');
    expect(next.indicators.map((i) => [i.id, i.observations[0]?.year])).toEqual([
      ['mine.a', 2021],
      ['mine.b', 2019],
    ]);
    expect(next.scenarios).toBe(start.scenarios);
  });

  it('refuses an import that would take the workspace past its indicator limit', () => {
    const full = { ...loadStarterWorkspace(), indicators: Array.from({ length: MAX_INDICATORS }, (_, i) => indicator(`mine.${i}`, [2020])) };
    expect(fitsInWorkspace(full, [indicator('mine.0', [2021])])).toBe(true);
    expect(fitsInWorkspace(full, [indicator('mine.new', [2021])])).toBe(false);
  });

  it('#14.3 applies a workbook plan in one edit: the updated scenario keeps its id and place, nothing is duplicated', () => {
    const start = loadStarterWorkspace();
    const highTech = 'high-tech-firms-19-2pct';
    const workbook = {
      workspaceCreatedAt: start.createdAt,
      scenarios: [...start.scenarios],
      edits: [{ scenarioId: highTech, field: { kind: 'growthRatePercent' as const }, from: 19.2, to: 12, where: 's4_rate (假设!D26)' }],
    };
    const now = '2026-01-01T00:00:00.000Z';
    const next = importIntoWorkspace(start, [], now, planWorkbookImport(start, workbook, []));
    expect(next.scenarios.map((s) => s.id)).toEqual(start.scenarios.map((s) => s.id));
    const updated = next.scenarios.find((s) => s.id === highTech);
    expect(updated?.model === 'cagr' ? updated.params.growthRatePercent : null).toBe(12);
    expect(updated?.uncertainty?.distributions.growthRatePercent).toEqual({ kind: 'normal', mean: 12, sd: 4 });
    expect(updated?.modifiedAt).toBe(now);
    // The same workbook into another workspace adds its scenarios as new ones, with ids that do not clash.
    const other = { ...start, createdAt: '2026-01-05T00:00:00.000Z' };
    const added = importIntoWorkspace(other, [], now, planWorkbookImport(other, workbook, []));
    expect(added.scenarios).toHaveLength(2 * start.scenarios.length);
    expect(new Set(added.scenarios.map((s) => s.id)).size).toBe(2 * start.scenarios.length);
  });
});
