/** See playwright.profile.config.ts. Prints the top functions by self time while dragging and while loading cold. */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchWorkspace } from './bench-workspace';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function topSelf(profile: Profile, count: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

/** Total time per function including callees (each function counted once per sample). */
function topTotal(profile: Profile, count: number, filter: (key: string) => boolean = () => true): string[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    let cur: number | undefined = id;
    while (cur !== undefined) {
      const node = byId.get(cur);
      if (!node) break;
      const f = node.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
      if (!seen.has(key)) {
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      }
      cur = parent.get(cur);
    }
  });
  return [...total.entries()].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

async function profiled<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { result, profile };
}

async function openBenchWorkspace(page: Page, file: string): Promise<void> {
  await page.goto('/');
  await page.locator('.shell').waitFor();
  const chooser = page.waitForEvent('filechooser', { timeout: 20_000 });
  await page.getByRole('button', { name: /^(打开|Open)/ }).click();
  await (await chooser).setFiles(file);
  await page.keyboard.press('Alt+2');
  await page.getByTestId('scenario-item-bench-software-4').click();
  await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.locator('.recharts-line')).toHaveCount(11);
}

test('profile', async ({ page, browser }) => {
  const file = path.join(root, 'test-results/bench/profile.sdesk');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, benchWorkspace());
  // Recharts measures each line's path whenever it re-renders it: a count of re-rendered lines that machine load cannot blur.
  await page.addInitScript(() => {
    const original = SVGGeometryElement.prototype.getTotalLength;
    SVGGeometryElement.prototype.getTotalLength = function (this: SVGGeometryElement) {
      (window as unknown as { __lengths: number }).__lengths = ((window as unknown as { __lengths?: number }).__lengths ?? 0) + 1;
      return original.call(this);
    };
  });
  await openBenchWorkspace(page, file);
  await page.evaluate(() => ((window as unknown as { __lengths: number }).__lengths = 0));
  const cdp = await page.context().newCDPSession(page);
  const { result, profile } = await profiled(cdp, () =>
    page.evaluate(async () => {
      const slider = document.querySelector<HTMLInputElement>('[data-testid="param-growthRatePercent-slider"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      if (!slider || !setValue) throw new Error('no slider');
      const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      }));
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const start = performance.now();
        setValue.call(slider, (8 + i * 0.1).toFixed(1));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await afterPaint();
        times.push(performance.now() - start);
      }
      await new Promise((r) => setTimeout(r, 1500));
      return times.sort((a, b) => a - b);
    }),
  );
  console.log('drag median', result[30], 'p95', result[57], 'line re-renders per step', (await page.evaluate(() => (window as unknown as { __lengths: number }).__lengths)) / 60);
  console.log('DRAG self\n' + topSelf(profile, 40).join('\n'));
  console.log('DRAG total\n' + topTotal(profile, 60).join('\n'));
  console.log('DRAG components\n' + topTotal(profile, 40, (k) => /^[A-Z][a-zA-Z]+ /.test(k)).join('\n'));

  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const cold = await context.newPage();
  const coldCdp = await context.newCDPSession(cold);
  await cold.addInitScript(() => {
    const frames: PerformanceEntry[] = [];
    (window as unknown as { __loaf: PerformanceEntry[] }).__loaf = frames;
    new PerformanceObserver((list) => frames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid="projection-curve"] .recharts-line-curve')) {
        observer.disconnect();
        (window as unknown as { __firstChart: number }).__firstChart = performance.now();
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
  const coldRun = await profiled(coldCdp, async () => {
    await cold.goto('/');
    await cold.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart !== undefined);
    const marks = await cold.evaluate(() => ({
      chart: (window as unknown as { __firstChart: number }).__firstChart,
      resources: performance.getEntriesByType('resource').map((r) => `${Math.round(r.startTime)}-${Math.round((r as PerformanceResourceTiming).responseEnd)} ${r.name.split('/').pop()}`),
      fcp: performance.getEntriesByType('paint').map((p) => `${p.name} ${Math.round(p.startTime)}`),
      // Long animation frames say how much of each frame went to scripts (and which) versus style and layout.
      frames: (window as unknown as { __loaf: PerformanceEntry[] }).__loaf.map((entry) => {
        const frame = entry as PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; blockingDuration: number; scripts: Array<{ sourceURL: string; invoker: string; duration: number; forcedStyleAndLayoutDuration: number }> };
        const end = frame.startTime + frame.duration;
        const scripts = frame.scripts.map((x) => `${x.invoker.slice(0, 40)}@${x.sourceURL.split('/').pop()} ${Math.round(x.duration)}ms (forced layout ${Math.round(x.forcedStyleAndLayoutDuration)})`).join('; ');
        return `${Math.round(frame.startTime)}+${Math.round(frame.duration)} style/layout ${frame.styleAndLayoutStart ? Math.round(end - frame.styleAndLayoutStart) : 0}ms | ${scripts}`;
      }),
    }));
    return marks;
  });
  console.log('COLD', coldRun.result.chart, coldRun.result.fcp.join(', '));
  console.log(coldRun.result.resources.join('\n'));
  console.log('LONG FRAMES\n' + coldRun.result.frames.join('\n'));
  console.log('COLD self\n' + topSelf(coldRun.profile, 30).join('\n'));
  console.log('COLD total\n' + topTotal(coldRun.profile, Number(process.env['PROFILE_TOP'] ?? 50)).join('\n'));
  console.log('COLD components\n' + topTotal(coldRun.profile, 30, (k) => /^[A-Z][a-zA-Z]+ /.test(k)).join('\n'));
  await context.close();
});
