import { expect, test } from '@playwright/test';
import { openApp } from '../helpers/app';

test.use({ locale: 'zh-CN' });

test('a damaged workspace file is left as it is, its problems are named, and the backup copy is offered and opens', async ({ page }) => {
  await openApp(page);
  // Save twice, so the previous version is kept as the backup.
  await page.getByRole('button', { name: '另存为…' }).click();
  await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  // Save As showed a "已保存" notice already, so that notice cannot tell that this second save is
  // done. Wait for what the second save writes, the backup text, before damaging the file: on a
  // slow machine the damage could otherwise land first and be overwritten by the save.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve, reject) => {
            const open = indexedDB.open('scenario-desk');
            open.onerror = () => reject(new Error('no database'));
            open.onsuccess = () => {
              const all = open.result.transaction('workspaces', 'readonly').objectStore('workspaces').getAll();
              all.onsuccess = () => resolve((all.result as { backupText?: string }[]).some((record) => record.backupText !== undefined));
            };
          }),
      ),
    )
    .toBe(true);

  // Damage the stored file behind the app's back, as a crash of another program or a bad copy might.
  const damaged = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('scenario-desk');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const tx = open.result.transaction('workspaces', 'readwrite');
          const store = tx.objectStore('workspaces');
          const all = store.getAll();
          all.onsuccess = () => {
            const record = (all.result as { id: string; text: string }[])[0];
            if (!record) return reject(new Error('nothing saved'));
            record.text = record.text.slice(0, 200);
            store.put(record);
            tx.oncomplete = () => resolve(record.id);
          };
        };
      }),
  );
  expect(damaged).toBeTruthy();

  await page.locator('.recent-select select').selectOption(damaged);
  const alert = page.getByRole('alert').filter({ hasText: '无法打开' });
  await expect(alert).toContainText('原文件未作任何改动');
  await expect(alert).toContainText('$');
  await alert.getByRole('button', { name: /打开备份副本 .*\.bak/ }).click();
  // The backup opens as a new, unsaved document with all eight starter scenarios.
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('软件和信息服务业营收').first()).toBeVisible();
});
