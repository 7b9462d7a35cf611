import { expect, test, type Page } from '@playwright/test';
import { fontsReady, openApp, watchPageErrors } from '../helpers/app';

/**
 * The command palette: every registry command found by typing its name in Chinese or English,
 * run with Enter, closed with Esc (focus goes back). Keyboard only, in both languages.
 */

const palette = (page: Page) => page.getByTestId('command-palette');
const input = (page: Page) => palette(page).getByRole('combobox');

async function openPalette(page: Page, shortcut: 'Control+Shift+P' | 'Control+k') {
  await page.keyboard.press(shortcut);
  await expect(palette(page)).toBeVisible();
  await expect(input(page)).toBeFocused();
}

test.describe('command palette', () => {
  test.use({ locale: 'zh-CN' });

  test('opens with Ctrl+Shift+P and Ctrl+K, finds a command by its Chinese or English name and runs it with Enter', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await openPalette(page, 'Control+Shift+P');
    await expect(page.getByRole('dialog', { name: '命令面板' })).toBeVisible();

    // The input is a combobox that controls the list of commands and points at the chosen one.
    const listId = await input(page).getAttribute('aria-controls');
    expect(listId).toBeTruthy();
    const list = page.locator(`[id="${listId}"]`);
    await expect(list).toHaveAttribute('role', 'listbox');
    await input(page).pressSequentially('对比');
    const chosen = list.getByRole('option', { selected: true });
    await expect(chosen).toContainText('对比视图');
    await expect(chosen).toContainText('Alt+3');
    await expect(input(page)).toHaveAttribute('aria-activedescendant', (await chosen.getAttribute('id')) ?? '');
    await page.keyboard.press('Enter');
    await expect(palette(page)).toBeHidden();
    await expect(page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^对比/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('对比');

    // The English name finds the command in the Chinese interface too.
    await openPalette(page, 'Control+k');
    await input(page).pressSequentially('targets');
    await expect(palette(page).getByRole('option', { selected: true })).toContainText('目标视图');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('目标');
    expect(problems).toEqual([]);
  });

  test('moves with the arrow keys, shows shortcuts and disabled commands, and Esc gives focus back', async ({ page }) => {
    await openApp(page);
    const save = page.getByRole('button', { name: '保存', exact: true });
    await save.focus();
    await openPalette(page, 'Control+k');
    const options = palette(page).getByRole('option');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');

    // Nothing to undo in a freshly opened workspace: listed, but disabled, and Enter does nothing.
    await input(page).pressSequentially('撤销');
    const undo = palette(page).getByRole('option', { name: /撤销/ });
    await expect(undo).toHaveAttribute('aria-disabled', 'true');
    await expect(undo).toContainText('当前不可用');
    await expect(undo).toContainText('Ctrl+Z');
    await page.keyboard.press('Enter');
    await expect(palette(page)).toBeVisible();

    await input(page).fill('');
    await input(page).pressSequentially('保存');
    await expect(palette(page).getByRole('option', { selected: true })).toContainText('Ctrl+S');

    await page.keyboard.press('Escape');
    await expect(palette(page)).toBeHidden();
    await expect(save).toBeFocused();
  });

  test('runs a workspace command, and the app shortcuts do not act while it is open', async ({ page }) => {
    await openApp(page);
    await openPalette(page, 'Control+Shift+P');
    // Alt+3 inside the palette does not switch the view behind it.
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('情景');
    await input(page).pressSequentially('新建工作区');
    await page.keyboard.press('Enter');
    await expect(palette(page)).toBeHidden();
    await expect(page.getByTestId('workspace-name')).toContainText('未命名工作区');
    // The same shortcut closes it again.
    await openPalette(page, 'Control+k');
    await page.keyboard.press('Control+k');
    await expect(palette(page)).toBeHidden();
  });

  test('is readable in the dark theme', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByTestId('theme-select').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await openPalette(page, 'Control+k');
    await input(page).pressSequentially('视图');
    await fontsReady(page);
    const colours = await palette(page).evaluate((dialog) => {
      const option = dialog.querySelector('[role="option"][aria-selected="true"]');
      const style = (el: Element | null) => (el ? getComputedStyle(el) : null);
      return {
        text: style(option?.querySelector('.command-palette-label') ?? null)?.color,
        background: style(option)?.backgroundColor,
        panel: style(dialog)?.backgroundColor,
      };
    });
    // The chosen row is the theme's soft accent with the theme's text colour (contrast ≥ 7:1, see theme.css).
    expect(colours).toEqual({ text: 'rgb(232, 234, 237)', background: 'rgb(30, 58, 92)', panel: 'rgb(27, 31, 37)' });
    await page.screenshot({ path: testInfo.outputPath('command-palette-zh-dark.png') });
  });
});

test.describe('command palette in English', () => {
  test.use({ locale: 'en-US' });

  test('finds Save As by its Chinese name in the English interface and runs it', async ({ page }, testInfo) => {
    await openApp(page);
    await openPalette(page, 'Control+k');
    await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    await input(page).pressSequentially('另存为');
    const chosen = palette(page).getByRole('option', { selected: true });
    await expect(chosen).toContainText('Save As…');
    await expect(chosen).toContainText('Ctrl+Shift+S');
    await fontsReady(page);
    await page.screenshot({ path: testInfo.outputPath('command-palette-en.png') });
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.sdesk$/);
    await expect(palette(page)).toBeHidden();
  });

  test('opens with Ctrl+Shift+P and finds a view by its English name', async ({ page }) => {
    await openApp(page);
    await openPalette(page, 'Control+Shift+P');
    await input(page).pressSequentially('sensitivity');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Sensitivity/ })).toHaveAttribute('aria-current', 'page');
  });
});
