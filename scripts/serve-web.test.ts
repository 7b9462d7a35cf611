/**
 * The browser edition's web server, started as `npm run web` starts it, on a free port and
 * against a tiny built renderer in a temporary folder (SDESK_RENDERER_OUT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, 'serve-web.mjs');
/** The app's own meta tag, as the renderer build writes it. */
const metaPolicy =
  /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(path.resolve(import.meta.dirname, '../renderer/index.html'), 'utf8'))?.[1] ?? '';

let folder = '';
const servers: ChildProcess[] = [];

/** A port nobody listens on right now: the system picks it, the probe lets it go. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function start(env: Record<string, string> = {}): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: String(port), SDESK_RENDERER_OUT: folder, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`http://127.0.0.1:${port}/`)) resolve(port);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`serve-web exited with ${String(code)}: ${output}`)));
  });
}

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A raw request, so the Host header can be anything a hostile page would send. */
function request(port: number, options: { path?: string; method?: string; host?: string | null } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // host: null sends no Host header at all.
    const host = options.host === undefined ? `127.0.0.1:${port}` : options.host;
    const headers = host === null ? {} : { host };
    const req = http.request({ host: '127.0.0.1', port, path: options.path ?? '/', method: options.method ?? 'GET', headers, setHost: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'sdesk-serve-web-'));
  mkdirSync(path.join(folder, 'assets'));
  writeFileSync(
    path.join(folder, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${metaPolicy}" /></head><body>app</body></html>`,
  );
  writeFileSync(path.join(folder, 'assets', 'index-abc.js'), 'console.log(1);\n//# sourceMappingURL=index-abc.js.map\n');
  writeFileSync(path.join(folder, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["../../renderer/secret.ts"]}');
});

afterAll(() => {
  for (const server of servers) server.kill();
  rmSync(folder, { recursive: true, force: true });
});

describe('scripts/serve-web.mjs', () => {
  it('sends the app’s own Content-Security-Policy as a header, with frame-ancestors none, on every answer', async () => {
    expect(metaPolicy).toContain("default-src 'none'");
    const port = await start();
    const page = await request(port);
    expect(page.status).toBe(200);
    expect(page.body).toContain('app');
    expect(page.headers['content-security-policy']).toBe(`${metaPolicy}; frame-ancestors 'none'`);
    expect(page.headers['x-frame-options']).toBe('DENY');
    for (const answer of [
      await request(port, { path: '/assets/index-abc.js' }),
      await request(port, { path: '/missing.js' }),
      await request(port, { method: 'POST' }),
    ]) {
      expect(answer.headers['content-security-policy']).toBe(`${metaPolicy}; frame-ancestors 'none'`);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses a foreign Host (DNS rebinding) and answers as 127.0.0.1 and localhost on its port only', async () => {
    const port = await start();
    expect((await request(port, { host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await request(port, { host: `localhost:${port}` })).status).toBe(200);
    expect((await request(port, { host: `LOCALHOST:${port}` })).status).toBe(200);
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, '127.0.0.1', `localhost.evil.example:${port}`]) {
      const answer = await request(port, { host });
      expect(answer.status, `Host: ${host}`).toBe(421);
      expect(answer.body).not.toContain('app');
    }
    // Without a Host header Node itself refuses an HTTP/1.1 request (400); either way no page.
    const noHost = await request(port, { host: null });
    expect([400, 421]).toContain(noHost.status);
    expect(noHost.body).not.toContain('app');
  });

  it('answers GET and HEAD only: other methods get 405 with an Allow header', async () => {
    const port = await start();
    const head = await request(port, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const answer = await request(port, { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers['allow']).toBe('GET, HEAD');
    }
  });

  it('serves no source maps unless SDESK_SERVE_SOURCEMAPS=1', async () => {
    const port = await start();
    expect((await request(port, { path: '/assets/index-abc.js' })).status).toBe(200);
    const map = await request(port, { path: '/assets/index-abc.js.map' });
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('secret.ts');
    expect((await request(port, { path: '/assets/INDEX-abc.js.MAP' })).status).toBe(404);
    const debugging = await start({ SDESK_SERVE_SOURCEMAPS: '1' });
    const served = await request(debugging, { path: '/assets/index-abc.js.map' });
    expect(served.status).toBe(200);
    expect(served.body).toContain('secret.ts');
  });
});
