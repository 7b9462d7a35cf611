import { expect, test } from '@playwright/test';

/**
 * A bridge that answers with something malformed (here: the recent-file list is not a list)
 * makes a component throw while rendering. The window must then say so in both languages and
 * offer a reload, not go blank.
 */
test('a render failure shows a message in both languages and a reload button, not a blank window', async ({ page }) => {
  await page.addInitScript(() => {
    const settings = { schemaVersion: 1, language: 'zh', theme: 'light', windowBounds: null, recentFiles: [], lastView: 'scenarios' };
    const nothing = async () => null;
    (window as unknown as { desk: Record<string, unknown> }).desk = {
      getAppInfo: async () => ({ name: 'Scenario Desk', version: '0.1.0', platform: 'web', locale: 'zh-CN', shell: 'browser' }),
      getSettings: async () => ({ settings, notices: [] }),
      setSettings: async () => settings,
      listWorkspaces: async () => ({ notAList: true }),
      openWorkspace: nothing,
      openRecentWorkspace: nothing,
      openWorkspaceBackup: nothing,
      saveWorkspace: nothing,
      saveWorkspaceAs: nothing,
      saveExport: async () => ({ saved: false, fileName: null }),
      pickImportFile: nothing,
      loadDraft: nothing,
      saveDraft: async () => undefined,
      setAsideDraft: nothing,
      setDocumentState: async () => undefined,
      onMenuCommand: () => () => undefined,
    };
  });
  await page.goto('/');
  const failure = page.getByTestId('app-failure');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('情景推演台遇到错误');
  await expect(failure).toContainText('Scenario Desk hit an error');
  await expect(failure.getByRole('button', { name: '重新加载 / Reload' })).toBeFocused();
});
