/**
 * The user journeys, written once and run in every edition (journeys.spec.ts for `web` and
 * `desktop`, tests/electron/app.spec.ts where an Electron binary exists). Each starts the app on
 * fresh storage. Expected values come from the starter workspace and the fixtures: the software
 * scenario grows 15 % a year, so one Shift+ArrowDown on its rate gives 14, another 13.
 *
 * Where the edition lets the test see what crossed the bridge (`driver.lastRequest`, the desktop
 * harness), the files on disk are also compared byte for byte with what the app handed over.
 */
import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { commandLabel, viewCommands } from '../../shared/commands';
import { menuCommands, type DeskApi, type ExportRequest, type MenuCommand, type WorkspaceDraft } from '../../shared/platform/desk-api';
import type { ViewId } from '../../shared/settings/settings';
import { fontsReady } from '../helpers/app';
import type { JourneyDriver } from './driver';

export interface Journey {
  name: string;
  run(driver: JourneyDriver): Promise<void>;
}

const softwareScenario = 'software-revenue-15pct';
const fixtures = 'tests/fixtures';

/** The toolbar button of a registry command, by its Chinese button label. */
function commandButton(page: Page, command: MenuCommand) {
  return page.getByRole('button', { name: commandLabel(command, 'zh', 'button'), exact: true });
}

function navButton(page: Page, view: ViewId) {
  return page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: new RegExp(`^${commandLabel(viewCommands[view], 'zh', 'button')}`) });
}

/** Goes to a view by its sidebar button, as a user clicking would. */
async function showView(page: Page, view: ViewId): Promise<void> {
  await navButton(page, view).click();
  await expect(navButton(page, view)).toHaveAttribute('aria-current', 'page');
}

function rateInput(page: Page) {
  return page.getByTestId('param-growthRatePercent-input');
}

/** Lowers the software scenario's growth rate to `percent`, one point per Shift+ArrowDown. */
async function lowerGrowthRate(page: Page, percent: number): Promise<void> {
  await showView(page, 'scenarios');
  await page.getByTestId(`scenario-item-${softwareScenario}`).click();
  const rate = rateInput(page);
  await rate.focus();
  for (let value = Number(await rate.inputValue()); value > percent; value -= 1) {
    await rate.press('Shift+ArrowDown');
    await expect(rate).toHaveValue(String(value - 1));
  }
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();
}

/** The software scenario's growth rate in a saved workspace text. */
function growthRateIn(text: string | Buffer | undefined | null): number | undefined {
  if (text === undefined || text === null) return undefined;
  const workspace = JSON.parse(text.toString()) as { scenarios: { id: string; params: { growthRatePercent?: number } }[] };
  return workspace.scenarios.find((s) => s.id === softwareScenario)?.params.growthRatePercent;
}

function scenarioCount(text: Buffer): number {
  return (JSON.parse(text.toString('utf8')) as { scenarios: unknown[] }).scenarios.length;
}

async function fixture(relative: string): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: relative.split('/').at(-1) ?? relative, bytes: new Uint8Array(await readFile(`${fixtures}/${relative}`)) };
}

/** Where the edition shows it: the bytes `saveExport` received equal the file. */
function expectExportRequestIs(driver: JourneyDriver, bytes: Buffer): void {
  if (!driver.lastRequest) return;
  const request = driver.lastRequest('saveExport')?.[0] as ExportRequest | undefined;
  expect(request?.bytes, 'saveExport received bytes').toBeInstanceOf(Uint8Array);
  expect(Buffer.from(request?.bytes ?? []).equals(bytes), 'the file on disk is byte for byte what saveExport received').toBe(true);
}

const zip = [0x50, 0x4b, 0x03, 0x04];
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

export const journeys: Journey[] = [
  {
    name: 'workspace: the first save asks for a file, Ctrl+S saves in place and keeps the previous version, Save As makes a copy; recent files and Open reopen them; the window title follows',
    async run(driver) {
      const { page } = driver;
      await driver.start();
      const name = page.getByTestId('workspace-name');
      const mark = page.getByTestId('unsaved-mark');
      const starterTitle = (await name.textContent()) ?? '';
      await expect.poll(() => driver.documentState()).toEqual({ title: starterTitle, dirty: false });

      await lowerGrowthRate(page, 14);
      // The close prompt would ask now: the document is dirty.
      await expect.poll(() => driver.documentState()).toEqual({ title: starterTitle, dirty: true });

      // The first Save of a workspace without a file is a Save As.
      const first = await driver.saveFile('软件产业.sdesk', () => commandButton(page, 'save').click());
      expect(first.suggestedName).toMatch(/\.sdesk$/);
      expect(growthRateIn(first.bytes)).toBe(14);
      await expect(mark).toHaveCount(0);
      await expect(name).toHaveText(first.name);
      await expect.poll(() => driver.documentState()).toEqual({ title: first.name, dirty: false });
      // What the app serialized is the file: the draft autosaved after the save holds the same text.
      await expect
        .poll(async () => {
          const saved = await driver.readDraft();
          return saved ? { file: saved.entry?.name, dirty: saved.dirty } : null;
        })
        .toEqual({ file: first.name, dirty: false });
      const draft = await driver.readDraft();
      expect(Buffer.from(draft?.text ?? '', 'utf8').equals(first.bytes), 'the saved file is the serialized workspace').toBe(true);
      if (driver.lastRequest) expect(driver.lastRequest('saveWorkspaceAs')?.[1]).toBe(first.bytes.toString('utf8'));

      // Ctrl+S now saves in place, without a dialog; the old version is kept as the backup.
      await lowerGrowthRate(page, 13);
      await page.keyboard.press('Control+s');
      await expect(mark).toHaveCount(0);
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: `已保存 ${first.name}` })
          .last(),
      ).toBeVisible();
      await expect.poll(async () => growthRateIn((await driver.readWorkspace(first.name))?.bytes)).toBe(13);
      const inPlace = await driver.readWorkspace(first.name);
      expect(inPlace?.backup?.equals(first.bytes), 'the backup is the previous version, byte for byte').toBe(true);
      if (driver.lastRequest) expect(driver.lastRequest('saveWorkspace')?.[1]).toBe(inPlace?.bytes.toString('utf8'));

      // Save As (Ctrl+Shift+S) always asks, and the window now shows the copy.
      await lowerGrowthRate(page, 12);
      const copy = await driver.saveFile('软件产业-副本.sdesk', () => page.keyboard.press('Control+Shift+S'));
      expect(growthRateIn(copy.bytes)).toBe(12);
      await expect(name).toHaveText(copy.name);
      await expect.poll(() => driver.documentState()).toEqual({ title: copy.name, dirty: false });

      // Both are recent files, newest first; opening the older one brings back its 13 %.
      const recent = page.locator('.recent-select select');
      const listed = () =>
        recent.locator('option').evaluateAll((options) => options.filter((o) => (o as HTMLOptionElement).value !== '').map((o) => o.textContent));
      await expect.poll(listed).toEqual([copy.name, first.name]);
      await commandButton(page, 'new').click();
      await expect(name).toHaveText('未命名工作区');
      await recent.selectOption({ index: 2 });
      await expect(name).toHaveText(first.name);
      await expect(mark).toHaveCount(0);
      await page.getByTestId(`scenario-item-${softwareScenario}`).click();
      await expect(rateInput(page)).toHaveValue('13');
      await expect.poll(() => driver.documentState()).toEqual({ title: first.name, dirty: false });

      // Open… picks a file; one of format 1 is upgraded, and is unsaved until saved in the new format.
      const older = await fixture('workspace/v1-basic.sdesk');
      await driver.openFile(older, () => commandButton(page, 'open').click());
      await expect(name).toContainText('v1-basic.sdesk');
      await expect(page.getByRole('status').filter({ hasText: '已打开 v1-basic.sdesk（由格式 1 升级' }).last()).toBeVisible();
      await expect(mark).toBeVisible();
      await expect.poll(() => driver.documentState()).toEqual({ title: 'v1-basic.sdesk', dirty: true });
    },
  },
  {
    name: 'backup: a damaged workspace file is left as it is, its problems are named, and its backup opens as an unsaved copy',
    async run(driver) {
      const { page } = driver;
      await driver.start();
      const saved = await driver.saveFile('规划.sdesk', () => commandButton(page, 'saveAs').click());
      await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
      await commandButton(page, 'save').click();
      await expect.poll(async () => (await driver.readWorkspace(saved.name))?.backup?.equals(saved.bytes)).toBe(true);

      await driver.damageWorkspace(saved.name);
      const damaged = await driver.readWorkspace(saved.name);
      await page.locator('.recent-select select').selectOption({ label: saved.name });
      const alert = page.getByRole('alert').filter({ hasText: '无法打开' });
      await expect(alert).toContainText('原文件未作任何改动');
      expect((await driver.readWorkspace(saved.name))?.bytes.equals(damaged?.bytes ?? Buffer.alloc(0)), 'the damaged file is untouched').toBe(true);
      await alert.getByRole('button', { name: `打开备份副本 ${saved.name}.bak` }).click();
      await expect(page.getByTestId('unsaved-mark')).toBeVisible();
      await showView(page, 'scenarios');
      await expect(page.getByTestId('scenario-list').getByRole('button')).toHaveCount(scenarioCount(saved.bytes));
    },
  },
  {
    name: 'draft: an unreadable draft (a newer format) is set aside byte for byte, the user is told and can export it',
    async run(driver) {
      await driver.start();
      // The app's own first autosave lands first, so it cannot overwrite the draft put in place below.
      await expect.poll(() => driver.readDraft(), { timeout: 10_000 }).not.toBeNull();
      const futureText = (await readFile(`${fixtures}/workspace/v4-future.sdesk`)).toString('utf8');
      // Written through the bridge the app itself uses, as a newer version of the app would have left it.
      await driver.page.evaluate((text) => (window as unknown as { desk: DeskApi }).desk.saveDraft({ text, entry: null, dirty: true }), futureText);
      const stored = await driver.readStoredDraft();
      expect((JSON.parse(stored?.toString('utf8') ?? 'null') as WorkspaceDraft | null)?.text).toBe(futureText);

      await driver.reload();
      const { page } = driver;
      const notice = page.getByRole('alert').filter({ hasText: '自动保存的草稿无法读取' });
      await expect(notice).toContainText(/已原样另存为 draft\.quarantine-[0-9TZ-]+\.sdesk\.json/);
      await expect(notice).toContainText('formatVersion');
      const fileName = /draft\.quarantine-[0-9TZ-]+\.sdesk\.json/.exec((await notice.textContent()) ?? '')?.[0] ?? '';

      // The new draft begins (the starter workspace, once the autosave delay has passed) ...
      await expect.poll(async () => (await driver.readDraft())?.text.includes('"formatVersion": 3') ?? false, { timeout: 10_000 }).toBe(true);
      // ... and the set-aside copy is still exactly what was stored.
      const setAside = await driver.readStoredDraft(fileName);
      expect(setAside?.equals(stored ?? Buffer.alloc(0)), `${fileName} holds the old draft byte for byte`).toBe(true);

      const exported = await driver.saveFile('导出的草稿.json', () => notice.getByRole('button', { name: '导出这份草稿…' }).click());
      expect(exported.bytes.equals(Buffer.from(futureText, 'utf8')), 'the export is the draft text, unchanged').toBe(true);
      expectExportRequestIs(driver, exported.bytes);
    },
  },
  {
    name: 'draft: an edit is autosaved, and a reload or a restart brings it back, still unsaved',
    async run(driver) {
      await driver.start();
      await lowerGrowthRate(driver.page, 14);
      await expect
        .poll(async () => {
          const draft = await driver.readDraft();
          return draft ? { rate: growthRateIn(draft.text), dirty: draft.dirty } : null;
        })
        .toEqual({ rate: 14, dirty: true });

      for (const again of [() => driver.reload(), () => driver.restart()]) {
        await again();
        const { page } = driver;
        await expect(page.getByTestId('unsaved-mark')).toBeVisible();
        await page.getByTestId(`scenario-item-${softwareScenario}`).click();
        await expect(rateInput(page)).toHaveValue('14');
        await expect.poll(async () => (await driver.documentState())?.dirty).toBe(true);
      }
    },
  },
  {
    name: 'settings: language and theme are stored and kept across a reload and a restart',
    async run(driver) {
      await driver.start();
      await driver.page.getByTestId('language-select').selectOption('en');
      await expect(driver.page.getByRole('heading', { level: 1 })).toContainText('Scenario Desk');
      await driver.page.getByTestId('theme-select').selectOption('dark');
      await expect(driver.page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect
        .poll(async () => {
          const stored = await driver.readStoredSettings();
          return { language: stored?.['language'], theme: stored?.['theme'] };
        })
        .toEqual({ language: 'en', theme: 'dark' });

      for (const again of [() => driver.reload(), () => driver.restart()]) {
        await again();
        const { page } = driver;
        await expect(page.getByRole('heading', { level: 1 })).toContainText('Scenario Desk');
        await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        await expect(page.getByTestId('language-select')).toHaveValue('en');
        await expect(page.getByTestId('theme-select')).toHaveValue('dark');
      }
    },
  },
  {
    name: 'exports: the Excel workbook, an SVG and a PNG of a chart land as files',
    async run(driver) {
      const { page } = driver;
      await driver.start();
      await showView(page, 'export');
      const workbook = await driver.saveFile('情景模型.xlsx', () => page.getByTestId('export-excel-button').click());
      expect(workbook.suggestedName).toMatch(/^情景推演台-.*\.xlsx$/);
      expect(startsWith(workbook.bytes, zip), 'an .xlsx is a zip file').toBe(true);
      expectExportRequestIs(driver, workbook.bytes);
      await expect(page.getByTestId('export-status')).toContainText(`已导出 ${workbook.name}`);

      const chart = page.locator('figure[data-chart-id="baseline-path"]');
      await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
      await fontsReady(page);
      const title = (await chart.locator('.chart-frame-title').textContent()) ?? '';
      const exportChart = async (item: string, fileName: string) =>
        driver.saveFile(fileName, async () => {
          await page.getByTestId('chart-export-baseline-path').click();
          await page.getByTestId(`chart-export-${item}`).click();
        });

      const svg = await exportChart('svg', '基准情景.svg');
      expect(svg.suggestedName).toMatch(/\.svg$/);
      const svgText = svg.bytes.toString('utf8');
      expect(/^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svgText), 'an SVG document').toBe(true);
      expect(svgText.includes(`>${title}</text>`), 'the chart title is drawn in it').toBe(true);
      expectExportRequestIs(driver, svg.bytes);

      const image = await exportChart('png-1x', '基准情景.png');
      expect(image.suggestedName).toMatch(/\.png$/);
      expect(startsWith(image.bytes, png), 'a PNG file').toBe(true);
      expectExportRequestIs(driver, image.bytes);
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: `图片已保存：${image.name}` })
          .first(),
      ).toBeVisible();
    },
  },
  {
    name: 'import: a CSV picked in the Import panel previews and imports its indicators',
    async run(driver) {
      const { page } = driver;
      await driver.start();
      await page.getByTestId('open-import').click();
      await expect(page.getByTestId('import-panel')).toBeVisible();
      await driver.openFile(await fixture('import/good.csv'), () => page.getByTestId('import-choose').click());
      // The first file read also loads the worker, which takes a while on a busy machine.
      await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('import-panel')).toContainText('在“good.csv”中找到 3 个指标（7 行数据）');
      await page.getByTestId('import-confirm').click();
      await expect(page.getByTestId('workspace-indicators').locator('tbody tr')).toHaveCount(3);
      await expect(page.getByTestId('unsaved-mark')).toBeVisible();
    },
  },
];

/** A menu command's journey: `prepare` puts the app where the command has something to do, `run` runs it and checks what the user sees. */
export interface CommandJourney {
  prepare?(driver: JourneyDriver): Promise<void>;
  run(driver: JourneyDriver): Promise<void>;
}

function viewJourney(view: ViewId, from: ViewId): CommandJourney {
  return {
    prepare: (driver) => showView(driver.page, from),
    async run(driver) {
      await driver.runCommand(viewCommands[view]);
      await expect(navButton(driver.page, view)).toHaveAttribute('aria-current', 'page');
      await expect(driver.page.getByRole('heading', { level: 2 }).first()).toHaveText(commandLabel(viewCommands[view], 'zh', 'button'));
    },
  };
}

/**
 * The visible effect of every command the native menu can send (`menuCommands`). It is a Record
 * over `MenuCommand`, so a new command without a journey does not compile, and the spec checks the
 * keys again at run time.
 */
export const commandJourneys: Record<MenuCommand, CommandJourney> = {
  new: {
    async run(driver) {
      await driver.runCommand('new');
      await expect(driver.page.getByTestId('workspace-name')).toHaveText('未命名工作区');
      await expect(driver.page.getByTestId('scenarios-empty')).toBeVisible();
    },
  },
  open: {
    async run(driver) {
      await driver.openFile(await fixture('workspace/v1-basic.sdesk'), () => driver.runCommand('open'));
      await expect(driver.page.getByTestId('workspace-name')).toContainText('v1-basic.sdesk');
    },
  },
  save: {
    async run(driver) {
      // Never saved yet, so Save asks for a file; the file holds the eight starter scenarios.
      const saved = await driver.saveFile('保存.sdesk', () => driver.runCommand('save'));
      expect(scenarioCount(saved.bytes)).toBe(8);
      await expect(driver.page.getByTestId('workspace-name')).toHaveText(saved.name);
    },
  },
  saveAs: {
    prepare: (driver) => lowerGrowthRate(driver.page, 14),
    async run(driver) {
      const saved = await driver.saveFile('另存为.sdesk', () => driver.runCommand('saveAs'));
      expect(growthRateIn(saved.bytes)).toBe(14);
      await expect(driver.page.getByTestId('workspace-name')).toHaveText(saved.name);
      await expect(driver.page.getByTestId('unsaved-mark')).toHaveCount(0);
    },
  },
  importData: {
    async run(driver) {
      await driver.runCommand('importData');
      await expect(driver.page.getByTestId('import-panel')).toBeVisible();
      await driver.page.keyboard.press('Escape');
      await expect(driver.page.getByTestId('import-panel')).toBeHidden();
    },
  },
  exportExcel: {
    async run(driver) {
      const workbook = await driver.saveFile('导出.xlsx', () => driver.runCommand('exportExcel'));
      expect(workbook.suggestedName).toMatch(/\.xlsx$/);
      expect(startsWith(workbook.bytes, zip), 'an .xlsx is a zip file').toBe(true);
      expectExportRequestIs(driver, workbook.bytes);
    },
  },
  undo: {
    async prepare(driver) {
      await lowerGrowthRate(driver.page, 14);
      // Out of the number field, where Ctrl+Z would undo the typing instead.
      await driver.page.locator('#main').focus();
    },
    async run(driver) {
      await driver.runCommand('undo');
      await expect(rateInput(driver.page)).toHaveValue('15');
    },
  },
  redo: {
    async prepare(driver) {
      await lowerGrowthRate(driver.page, 14);
      await commandButton(driver.page, 'undo').click();
      await expect(rateInput(driver.page)).toHaveValue('15');
      await driver.page.locator('#main').focus();
    },
    async run(driver) {
      await driver.runCommand('redo');
      await expect(rateInput(driver.page)).toHaveValue('14');
    },
  },
  presentation: {
    async prepare(driver) {
      await showView(driver.page, 'export');
      await expect(driver.page.locator('figure[data-chart-id="baseline-path"] svg.recharts-surface').first()).toBeVisible();
      await driver.page.locator('#main').focus();
    },
    async run(driver) {
      await driver.runCommand('presentation');
      const presentation = driver.page.getByRole('dialog', { name: '演示模式' });
      await expect(presentation).toBeVisible();
      await expect(driver.page.getByTestId('presentation-slide').locator('svg').first()).toBeVisible();
      await driver.page.keyboard.press('Escape');
      await expect(presentation).toBeHidden();
    },
  },
  commandPalette: {
    async run(driver) {
      await driver.runCommand('commandPalette');
      const palette = driver.page.getByTestId('command-palette');
      await expect(palette).toBeVisible();
      await expect(palette.getByRole('combobox')).toBeFocused();
      await driver.page.keyboard.press('Escape');
      await expect(palette).toBeHidden();
    },
  },
  viewData: viewJourney('data', 'scenarios'),
  viewScenarios: viewJourney('scenarios', 'targets'),
  viewCompare: viewJourney('compare', 'scenarios'),
  viewTargets: viewJourney('targets', 'scenarios'),
  viewSensitivity: viewJourney('sensitivity', 'scenarios'),
  viewExport: viewJourney('export', 'scenarios'),
};

/** The commands, in the order of `menuCommands`, with their journeys. */
export const commandJourneyList: { command: MenuCommand; journey: CommandJourney }[] = menuCommands.map((command) => ({
  command,
  journey: commandJourneys[command],
}));
