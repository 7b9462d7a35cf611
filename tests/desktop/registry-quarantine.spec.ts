/**
 * The workspace registry (which maps the recent list's ids to paths) is never destroyed: a damaged
 * one is set aside byte for byte next to the settings before a fresh one takes its place, and the
 * user is told where it went, through the same start-up notices as a quarantined settings file.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openApp, watchPageErrors } from '../helpers/app';
import { userDataFiles } from './desktop-main';
import { expect, test } from './fixture';

test.use({ locale: 'zh-CN' });

test('a damaged workspace registry is set aside byte for byte, the app starts, and the user is told where it went', async ({ page, desk }, testInfo) => {
  const problems = watchPageErrors(page);
  await openApp(page);
  // A workspace saved once puts an entry in the registry and the recent list.
  const saved = path.join(desk.documents, 'plan.sdesk');
  desk.answerDialog('save', saved);
  await page.getByRole('button', { name: '另存为…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存 plan.sdesk' })).toBeVisible();
  const registryFile = path.join(desk.userData, userDataFiles.registry);
  const stored = await readFile(registryFile, 'utf8');
  expect(stored).toContain(saved.replace(/\\/g, '\\\\'));

  // Damaged behind the app's back: cut short, as a crash of another program or a bad sync might.
  const damaged = stored.slice(0, Math.floor(stored.length / 2));
  await writeFile(registryFile, damaged);
  await desk.restart();
  await page.locator('.shell').waitFor();

  const notice = page.getByRole('alert').filter({ hasText: '最近工作区的位置列表无法读取' });
  await expect(notice).toBeVisible();
  const fileName = /workspace-registry\.quarantine-[0-9TZ-]+\.json/.exec((await notice.textContent()) ?? '')?.[0] ?? '';
  expect(fileName).not.toBe('');
  await page.screenshot({ path: testInfo.outputPath('registry-notice.png') });
  expect(await readFile(path.join(desk.userData, fileName), 'utf8')).toBe(damaged);
  expect(JSON.parse(await readFile(registryFile, 'utf8'))).toEqual({});
  expect((await readdir(desk.userData)).filter((name) => name.startsWith('workspace-registry.'))).toEqual([userDataFiles.registry, fileName].sort());
  // The workspace itself is untouched and opens again, which gives it a new entry in the fresh registry.
  desk.answerDialog('open', saved);
  await page.getByRole('button', { name: '打开…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已打开 plan.sdesk' })).toBeVisible();
  expect(Object.values(JSON.parse(await readFile(registryFile, 'utf8')) as Record<string, string>)).toEqual([saved]);
  expect(await readFile(path.join(desk.userData, fileName), 'utf8')).toBe(damaged);
  await notice.getByRole('button', { name: '知道了' }).click();
  await expect(notice).toHaveCount(0);
  expect(problems).toEqual([]);
});
