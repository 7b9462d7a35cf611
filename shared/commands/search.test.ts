import { describe, expect, it } from 'vitest';
import { commandDeclarations, inPalette } from './catalog';
import { foldForSearch, searchCommands } from './search';

const listed = commandDeclarations.filter(inPalette);
const ids = (query: string) => searchCommands(query, listed).map((c) => c.id);

describe('finding a command by typing', () => {
  it('finds it by its Chinese or its English name, whatever the interface language', () => {
    expect(ids('另存为')[0]).toBe('saveAs');
    expect(ids('save as')[0]).toBe('saveAs');
    expect(ids('对比')[0]).toBe('viewCompare');
    expect(ids('compare')[0]).toBe('viewCompare');
    expect(ids('导出 excel')[0]).toBe('exportExcel');
  });

  it('ignores case, spaces and punctuation, and finds letters typed in order (fuzzy)', () => {
    expect(foldForSearch('Save As…')).toBe('saveas');
    expect(ids('SAVE')).toEqual(['save', 'saveAs']);
    expect(ids('svas')[0]).toBe('saveAs');
    expect(ids('prsnt')[0]).toBe('presentation');
  });

  it('puts a match at the start of a name before one inside it', () => {
    const found = ids('数据');
    expect(found.indexOf('viewData')).toBeLessThan(found.indexOf('importData'));
  });

  it('ranks the start of a word like "view" in "Data view" above a match inside a word, and keeps the catalog order among equals', () => {
    expect(ids('view')).toEqual(['viewData', 'viewScenarios', 'viewCompare', 'viewTargets', 'viewSensitivity', 'viewExport']);
  });

  it('finds it by its id, and lists everything in catalog order for an empty query', () => {
    expect(ids('importData')[0]).toBe('importData');
    expect(ids('')).toEqual(listed.map((c) => c.id));
    expect(ids('火星基地')).toEqual([]);
  });
});
