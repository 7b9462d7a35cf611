/**
 * UI benchmark (Chromium, built app): slider input → chart repainted with 10 scenarios × 30 years
 * and a fan band on screen; cold load → first scenario chart painted (and → the bundled font in
 * place of the system font's first frame); main-thread long tasks
 * while dragging and simulating; initial JS size (gzip). Prints a summary and writes
 * bench/ui-results.json. Targets: repaint p95 ≤ 33 ms, first chart ≤ 1.2 s, initial JS ≤ 300 KB gzip.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { benchWorkspace } from './bench-workspace';

const root = fileURLToPath(new URL('../..', import.meta.url));
const distDir = path.resolve(process.env['SDESK_RENDERER_OUT'] ?? path.join(root, 'dist/renderer'));
const dragSamples = Number(process.env['BENCH_SAMPLES'] ?? 200);
const coldRuns = Number(process.env['BENCH_COLD_RUNS'] ?? 5);

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { n: sorted.length, median: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), max: round(sorted.at(-1) ?? NaN) };
}

async function openBenchWorkspace(page: Page, file: string): Promise<void> {
  await page.goto('/');
  await page.locator('.shell').waitFor();
  const chooser = page.waitForEvent('filechooser', { timeout: 20_000 });
  await page.getByRole('button', { name: /^(打开|Open)/ }).click();
  await (await chooser).setFiles(file);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('scenario-list').getByRole('button')).toHaveCount(10);
  await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
}

function initialJs() {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const files = referenced.map((file) => {
    const bytes = readFileSync(path.join(distDir, file));
    return { file, kb: Math.round(bytes.length / 102.4) / 10, gzipKb: Math.round(gzipSync(bytes, { level: 9 }).length / 102.4) / 10 };
  });
  return { files, totalGzipKb: Math.round(files.reduce((sum, f) => sum + f.gzipKb, 0) * 10) / 10 };
}

test('UI benchmark', async ({ page, browser }) => {
  const workspaceFile = path.join(root, 'test-results/bench/ui-bench.sdesk');
  mkdirSync(path.dirname(workspaceFile), { recursive: true });
  writeFileSync(workspaceFile, benchWorkspace());

  // 1. Slider input → chart repainted.
  await openBenchWorkspace(page, workspaceFile);
  await page.getByTestId('scenario-item-bench-software-4').click();
  await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.locator('.recharts-area')).toHaveCount(2);
  // The projection and the simulated median: the scenario chart draws no other scenarios (the software figure has no actual value).
  await expect(page.locator('.recharts-line')).toHaveCount(2);
  const drag = await page.evaluate(async (samples) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const slider = document.querySelector<HTMLInputElement>('[data-testid="param-growthRatePercent-slider"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!slider || !setValue) throw new Error('no growth slider');
    const projection = () => document.querySelector('[data-testid="scenario-chart"] .recharts-line-curve[stroke-dasharray="7 5"]')?.getAttribute('d') ?? '';
    const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }));
    const times: number[] = [];
    let unchanged = 0;
    for (let i = 0; i < samples; i++) {
      const before = projection();
      // A drag back and forth between 8% and 14% in 0.1-point steps.
      const step = i % 120;
      const value = (step < 60 ? 8 + step * 0.1 : 14 - (step - 60) * 0.1).toFixed(1);
      const start = performance.now();
      setValue.call(slider, value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await afterPaint();
      times.push(performance.now() - start);
      if (projection() === before) unchanged++;
    }
    // Let the last simulation land, then count its long tasks too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    observer.disconnect();
    return { times, unchanged, longTasks };
  }, dragSamples);

  // 2. Cold load → first scenario chart painted (a fresh context each run: no cache, no draft).
  const coldTimes: number[] = [];
  const fontTimes: number[] = [];
  for (let run = 0; run < coldRuns; run++) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const cold = await context.newPage();
    await cold.addInitScript(() => {
      // A new profile opens on the Scenarios view: note when its projection is on screen.
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="projection-curve"] .recharts-line-curve')) {
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => ((window as unknown as { __firstChart: number }).__firstChart = performance.now());
            channel.port2.postMessage(null);
          });
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
    await cold.goto('/');
    await cold.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart !== undefined, undefined, { timeout: 30_000 });
    coldTimes.push(await cold.evaluate(() => (window as unknown as { __firstChart: number }).__firstChart));
    // The first frame uses the system font; also note when the bundled font has replaced it.
    await cold.locator('html[data-fonts="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    fontTimes.push(await cold.evaluate(() => performance.now()));
    await context.close();
  }

  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    sliderToChartRepaintMs: { ...summary(drag.times), targetP95: 33, frames: drag.times.length, framesWithoutChartChange: drag.unchanged },
    longTasksDuringDragAndSimulation: { count: drag.longTasks.length, maxMs: Math.round(Math.max(0, ...drag.longTasks)), limitMs: 50 },
    coldLoadToFirstChartMs: { ...summary(coldTimes), target: 1200 },
    coldLoadToBundledFontMs: summary(fontTimes),
    initialJs: { ...initialJs(), targetGzipKb: 300 },
  };
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(path.join(root, 'bench/ui-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  expect(drag.unchanged).toBe(0);
});
