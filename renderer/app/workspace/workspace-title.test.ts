import { describe, expect, it } from 'vitest';
import { localName } from '../../../shared/units';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { renameWorkspace } from './workspace-edits';
import { workspaceTitle } from './workspace-title';

const now = '2026-11-26T10:00:00.000Z';

describe('#14.10 the workspace name in both languages', () => {
  const starter = loadStarterWorkspace();

  it('#14.10 the starter workspace has a Chinese and an English name, each shown in its language', () => {
    expect(workspaceTitle(starter, null, 'zh', '未命名工作区')).toBe('重庆日报 2024-02 科技创新数据 · 示例情景');
    expect(workspaceTitle(starter, null, 'en', 'Untitled workspace')).toBe('Chongqing Daily, Feb 2024: starter scenarios');
  });

  it('#14.10 an opened or saved file is called by its file name in both languages; a nameless workspace is untitled in the UI language', () => {
    expect(workspaceTitle(starter, { name: '季度汇报.sdesk' }, 'en', 'Untitled workspace')).toBe('季度汇报.sdesk');
    expect(workspaceTitle({ name: '  ' }, null, 'en', 'Untitled workspace')).toBe('Untitled workspace');
  });

  it('#14.10 a name the user types is the name in both languages: the starter English name does not survive a rename', () => {
    const named = { ...starter, name: '重庆日报 2024-02 科技创新数据 · 示例情景', nameEn: 'Chongqing Daily, Feb 2024: starter scenarios' };
    const renamed = renameWorkspace(named, ' 季度汇报 ', now);
    expect(localName(renamed, 'zh')).toBe('季度汇报');
    expect(localName(renamed, 'en')).toBe('季度汇报');
    expect(renamed.modifiedAt).toBe(now);
    // The same name typed again, with no English name left to drop, changes nothing.
    expect(renameWorkspace(renamed, '季度汇报', '2026-11-27T00:00:00.000Z')).toBe(renamed);
  });
});
