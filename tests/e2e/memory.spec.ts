/**
 * A long working session must not leak: with 50 scenarios open, half an hour of edits (one a
 * second) and view changes, the JS heap levels off once the undo history is full and no event
 * listeners pile up. The heap figures are printed so they can be quoted.
 *
 * Why the heap bound is 20 MB from the middle to the end of the session: the undo history keeps
 * at most 200 snapshots (`maxUndoSteps` in renderer/app/workspace/history.ts), and it is
 * full long before the middle (200 of 900 edits), so from then on it holds a constant number of
 * snapshots and, in steady state, the heap should not grow at all. An edit shares every
 * unchanged scenario with the previous snapshot (`updateScenario` in workspace-edits.ts), so a
 * snapshot costs a new 50-entry array and one changed scenario; a *leaked* copy of the whole
 * workspace per edit, though, costs its parsed size, about 50 × 1.4 KB of JSON ≈ 70 KB, and over
 * the 900 edits of the second half that is ≈ 63 MB — three times the bound. 20 MB leaves room for
 * what legitimately comes and goes (JIT code, React's fiber alternates, Recharts' caches, the
 * draft's serialised text) without hiding a per-edit leak of the workspace.
 *
 * The slider edited is the first scenario's growth rate (software revenue, which has a Monte Carlo
 * setting), so every edit also re-runs a 20,000-trial simulation: results kept per edit would show
 * up in the same figures.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { openApp } from '../helpers/app';

const scenarioCount = 50;
const editCount = 1_800; // 30 minutes at one edit per simulated second
const simulatedMsBetweenEdits = 1_001; // just over the 1 s coalescing window, so every edit is its own undo step
const heapGrowthLimitBytes = 20 * 1024 * 1024;

interface StarterScenario {
  id: string;
  name: string;
  nameEn?: string;
}

/** The starter workspace with its 9 scenarios repeated (as distinct copies) to 50. */
function fiftyScenarioWorkspace(): string {
  const starter = JSON.parse(readFileSync('assets/workspace/starter.sdesk', 'utf8')) as { name: string; scenarios: StarterScenario[] };
  const scenarios = Array.from({ length: scenarioCount }, (_, index) => {
    const source = starter.scenarios[index % starter.scenarios.length];
    if (!source) throw new Error('The starter workspace has no scenarios.');
    const copy = Math.floor(index / starter.scenarios.length);
    return copy === 0
      ? source
      : { ...source, id: `${source.id}-copy-${copy}`, name: `${source.name}（副本 ${copy}）`, nameEn: `${source.nameEn ?? source.name} (copy ${copy})` };
  });
  return JSON.stringify({ ...starter, name: '50 个情景 / 50 scenarios', scenarios }, null, 2);
}

async function openFiftyScenarios(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('toolbar')
    .getByRole('button', { name: /^(打开|Open)/ })
    .click();
  await (await chooser).setFiles({ name: 'fifty-scenarios.sdesk', mimeType: 'application/json', buffer: Buffer.from(fiftyScenarioWorkspace()) });
  await expect(page.getByTestId('workspace-name')).toContainText('fifty-scenarios.sdesk');
}

/** Live JS heap after two full collections, in bytes. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Event listeners on window plus on every node of the document (shadow roots included). */
async function listenerCount(cdp: CDPSession): Promise<number> {
  let total = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    if (!result.objectId) throw new Error(`${expression} has no object id`);
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
    total += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return total;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

test.describe('memory over a long session', () => {
  test.use({ locale: 'zh-CN' });
  test.setTimeout(20 * 60_000);

  test('50 scenarios open and 1,800 edits through the Scenarios view: heap levels off, listeners do not grow', async ({ page }) => {
    await page.clock.install();
    await openApp(page);
    await openFiftyScenarios(page);
    await page.keyboard.press('Alt+2');
    const slider = page.getByRole('main').getByRole('slider').first();
    await expect(slider).toBeVisible();

    const cdp = await page.context().newCDPSession(page);
    await page.clock.pauseAt(Date.now() + 60_000);
    const edit = async (index: number) => {
      // Up then down: every edit changes the scenario and is undoable, and the values stay in range.
      await slider.press(index % 2 === 0 ? 'ArrowUp' : 'ArrowDown');
      await page.clock.runFor(simulatedMsBetweenEdits);
      // Every 30th simulated second the user also looks at the comparison and comes back.
      if (index % 30 === 29) {
        await page.keyboard.press('Alt+3');
        await page.keyboard.press('Alt+2');
      }
    };
    const undoButton = page.getByRole('toolbar').getByRole('button', { name: /^撤销/ });

    const startValue = await slider.inputValue();
    const start = await heapAfterGc(cdp);
    const startListeners = await listenerCount(cdp);
    for (let i = 0; i < editCount / 2; i++) await edit(i);
    await expect(undoButton).toBeEnabled();
    const middle = await heapAfterGc(cdp);
    const middleListeners = await listenerCount(cdp);
    for (let i = editCount / 2; i < editCount; i++) await edit(i);
    // Steps up and down in turn end where they began; a single lost or repeated edit would leave the value a step off.
    await expect(slider).toHaveValue(startValue);
    const end = await heapAfterGc(cdp);
    const endListeners = await listenerCount(cdp);

    console.log(
      `memory, ${scenarioCount} scenarios, ${editCount} edits: heap start ${mb(start)}, middle ${mb(middle)}, end ${mb(end)} ` +
        `(middle→end ${mb(end - middle)}); listeners start ${startListeners}, middle ${middleListeners}, end ${endListeners}`,
    );
    expect(end - middle).toBeLessThan(heapGrowthLimitBytes);
    expect(endListeners).toBeLessThanOrEqual(middleListeners);
  });

  test('50 scenarios open, 300 view changes with undo/redo: heap levels off, listeners do not grow', async ({ page }) => {
    await openApp(page);
    await openFiftyScenarios(page);
    const cdp = await page.context().newCDPSession(page);
    // One round: visit every view with its shortcut, then undo and redo from the keyboard. The
    // views mount and unmount their charts and listeners each time; undo/redo go through the
    // workspace history and the autosaved draft.
    const round = async () => {
      for (const n of [2, 3, 4, 5, 6, 1]) await page.keyboard.press(`Alt+${n}`);
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+y');
    };
    const atRest = async () => {
      await page.keyboard.press('Alt+1');
      await expect(page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^数据/ })).toHaveAttribute('aria-current', 'page');
    };

    await atRest();
    const start = await heapAfterGc(cdp);
    const startListeners = await listenerCount(cdp);
    // 50 rounds = 300 view changes: a listener or chart leaked per mount shows within a few dozen
    // rounds, and the 1,800-edit test above already covers the long session (this keeps CI short).
    const rounds = 50;
    for (let i = 0; i < rounds / 2; i++) await round();
    await atRest();
    const middle = await heapAfterGc(cdp);
    const middleListeners = await listenerCount(cdp);
    for (let i = rounds / 2; i < rounds; i++) await round();
    await atRest();
    const end = await heapAfterGc(cdp);
    const endListeners = await listenerCount(cdp);
    await expect(page.getByTestId('workspace-name')).toContainText('fifty-scenarios.sdesk');

    console.log(
      `memory, ${scenarioCount} scenarios, ${rounds * 6} view changes: heap start ${mb(start)}, middle ${mb(middle)}, end ${mb(end)} ` +
        `(middle→end ${mb(end - middle)}); listeners start ${startListeners}, middle ${middleListeners}, end ${endListeners}`,
    );
    expect(end - middle).toBeLessThan(heapGrowthLimitBytes);
    expect(endListeners).toBeLessThanOrEqual(middleListeners);
  });
});
