import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { addScenario, deleteScenario, duplicateScenario, renameScenario, setBaseline, uniqueScenarioId, updateScenario } from './workspace-edits';

const now = '2026-11-26T10:00:00.000Z';

describe('workspace edits', () => {
  const starter = loadStarterWorkspace();

  it('changes one scenario and stamps the time, leaving the others as they were', () => {
    const next = updateScenario(starter, 'software-revenue-15pct', (s) => (s.model === 'cagr' ? { ...s, params: { growthRatePercent: 12 } } : s), now);
    const edited = next.scenarios.find((s) => s.id === 'software-revenue-15pct');
    expect(edited?.params).toEqual({ growthRatePercent: 12 });
    expect(edited?.modifiedAt).toBe(now);
    expect(next.scenarios.filter((s) => s.id !== 'software-revenue-15pct')).toEqual(starter.scenarios.filter((s) => s.id !== 'software-revenue-15pct'));
    expect(starter.scenarios.find((s) => s.id === 'software-revenue-15pct')?.params).toEqual({ growthRatePercent: 15 });
  });

  it('duplicates next to the original with a fresh id and the copy suffix', () => {
    const { workspace, newId } = duplicateScenario(starter, 'software-revenue-15pct', '（副本）', now);
    expect(newId).toBe('software-revenue-15pct-copy');
    expect(workspace.scenarios[1]?.id).toBe('software-revenue-15pct-copy');
    expect(workspace.scenarios[1]?.name).toBe(`${starter.scenarios[0]?.name}（副本）`);
    expect(workspace.scenarios).toHaveLength(starter.scenarios.length + 1);
  });

  it('deleting the baseline clears the baseline mark', () => {
    const next = deleteScenario(starter, 'high-tech-firms-19-2pct', now);
    expect(next.baselineScenarioId).toBeNull();
    expect(next.scenarios.some((s) => s.id === 'high-tech-firms-19-2pct')).toBe(false);
  });

  it('renames, ignoring blank names, and sets the baseline', () => {
    expect(renameScenario(starter, 'software-revenue-15pct', '   ', now)).toBe(starter);
    expect(renameScenario(starter, 'software-revenue-15pct', '悲观情景', now).scenarios[0]?.name).toBe('悲观情景');
    expect(setBaseline(starter, 'software-revenue-15pct', now).baselineScenarioId).toBe('software-revenue-15pct');
  });

  it('never reuses an id', () => {
    expect(uniqueScenarioId(starter, 'software-revenue-15pct')).toBe('software-revenue-15pct-2');
    expect(uniqueScenarioId(starter, '悲观')).toBe('scenario');
    const added = addScenario(starter, { ...starter.scenarios[0]! }, now);
    expect(added.scenarios.at(-1)?.id).toBe('software-revenue-15pct-2');
  });
});
