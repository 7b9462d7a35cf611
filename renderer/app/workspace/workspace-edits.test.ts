import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { localName } from '../../../shared/units';
import { addScenario, deleteScenario, duplicateScenario, nameScenario, renameScenario, setBaseline, uniqueScenarioId, updateScenario } from './workspace-edits';

const now = '2026-11-26T10:00:00.000Z';
/** The app's copy suffixes (renderer/i18n/zh.ts and en.ts, workspace.copySuffix). */
const copySuffix = { zh: '（副本）', en: ' (copy)' };

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
    const { workspace, newId } = duplicateScenario(starter, 'software-revenue-15pct', copySuffix, now);
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

  describe('#14.2 a rename changes the name in both languages', () => {
    const software = starter.scenarios.find((s) => s.id === 'software-revenue-15pct');
    if (!software?.nameEn) throw new Error('the starter software scenario has an English name');
    const names = (ws: typeof starter, id: string) => {
      const scenario = ws.scenarios.find((s) => s.id === id);
      return scenario ? [localName(scenario, 'zh'), localName(scenario, 'en')] : [];
    };

    it('renaming the software scenario (which has an English name) renames it in English too', () => {
      expect(names(renameScenario(starter, software.id, '软件10%情景', now), software.id)).toEqual(['软件10%情景', '软件10%情景']);
    });

    it('the renamed copy of the software scenario reads the new name in Chinese and in English, not "… (copy)"', () => {
      const { workspace, newId } = duplicateScenario(starter, software.id, copySuffix, now);
      if (!newId) throw new Error('no copy');
      // The copy: each language's name with its own suffix.
      expect(names(workspace, newId)).toEqual([`${software.name}（副本）`, `${software.nameEn} (copy)`]);
      // Renamed in the Chinese screen, as the analyst does.
      expect(names(renameScenario(workspace, newId, '软件10%情景', now), newId)).toEqual(['软件10%情景', '软件10%情景']);
      // Renamed in the English screen: the same rule, the typed name in both.
      expect(names(renameScenario(workspace, newId, 'Software 10%', now), newId)).toEqual(['Software 10%', 'Software 10%']);
    });

    it('an English name the user gives is kept in English only, until the next rename', () => {
      const renamed = renameScenario(starter, software.id, '软件10%情景', now);
      const translated = nameScenario(renamed, software.id, { kind: 'translation', text: 'Software at 10%' }, now);
      expect(names(translated, software.id)).toEqual(['软件10%情景', 'Software at 10%']);
      // Cleared again: English reads the name.
      expect(names(nameScenario(translated, software.id, { kind: 'translation', text: '  ' }, now), software.id)).toEqual(['软件10%情景', '软件10%情景']);
      expect(names(renameScenario(translated, software.id, '软件12%情景', now), software.id)).toEqual(['软件12%情景', '软件12%情景']);
    });

    it('a copy of a scenario without an English name says "(copy)" in English and "（副本）" in Chinese', () => {
      const renamed = renameScenario(starter, software.id, '软件10%情景', now);
      const { workspace, newId } = duplicateScenario(renamed, software.id, copySuffix, now);
      expect(names(workspace, newId ?? '')).toEqual(['软件10%情景（副本）', '软件10%情景 (copy)']);
    });
  });
});
