// `npm run web`: serves the built renderer on 127.0.0.1 only, with the browser bridge.
// No dependency: a few lines of node:http are enough for a static folder.
//
// Hardening, because any web page the user visits can reach a server on 127.0.0.1:
// - the app's Content-Security-Policy as a header on every answer, plus `frame-ancestors 'none'`
//   (which a meta tag cannot carry), so no other site can frame the app. The policy is read from
//   the meta tag of the built index.html at start-up: that tag is the one the app itself runs
//   under, and a unit test (electron/security/content-security-policy.test.ts) keeps it identical
//   to electron/security/content-security-policy.ts, so the header cannot drift from either.
//   Without the tag the server refuses to start rather than serve without a policy;
// - a Host check: only `127.0.0.1:PORT` and `localhost:PORT` are answered (421 otherwise), so a
//   DNS-rebinding page (evil.example resolving to 127.0.0.1) cannot read the app through its own origin;
// - GET and HEAD only (405 with `Allow` otherwise);
// - no source maps (`.map`, 404) unless SDESK_SERVE_SOURCEMAPS=1, for debugging.
//
// PORT=0 picks a free port; the line printed at start-up names the one in use.
import { createReadStream, promises as fs, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(process.env.SDESK_RENDERER_OUT ?? fileURLToPath(new URL('../dist/renderer/', import.meta.url))) + path.sep;
const requestedPort = Number(process.env.PORT ?? 5178);
const serveSourceMaps = process.env.SDESK_SERVE_SOURCEMAPS === '1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The policy of the meta tag in the built index.html, with `frame-ancestors 'none'` added. */
function contentSecurityPolicy() {
  let html;
  try {
    html = readFileSync(path.join(root, 'index.html'), 'utf8');
  } catch {
    throw new Error(`no index.html in ${root}; build the renderer first (npm run build:renderer)`);
  }
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (meta?.[1] === undefined) throw new Error(`${path.join(root, 'index.html')} has no Content-Security-Policy meta tag; refusing to serve it without one`);
  const policy = meta[1]
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim()
    .replace(/;\s*$/, '');
  return /(^|;)\s*frame-ancestors\s/i.test(policy) ? policy : `${policy}; frame-ancestors 'none'`;
}

let policy;
try {
  policy = contentSecurityPolicy();
} catch (error) {
  console.error(`serve-web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** Sent with every answer, refusals included. */
const securityHeaders = {
  'Content-Security-Policy': policy,
  'X-Content-Type-Options': 'nosniff',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Filled in once listening, when the port (PORT=0 included) is known. */
let allowedHosts = new Set();

function refuse(response, status, text, extraHeaders = {}) {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extraHeaders });
  response.end(text);
}

const server = http.createServer(async (request, response) => {
  const host = (request.headers.host ?? '').toLowerCase();
  if (!allowedHosts.has(host)) {
    refuse(response, 421, 'Misdirected request: this server answers only as 127.0.0.1 or localhost.\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    refuse(response, 405, 'Method not allowed.\n', { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    refuse(response, 400, 'Bad request.\n');
    return;
  }
  const filePath = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
  if (!filePath.startsWith(root) || filePath.includes('\0') || (!serveSourceMaps && filePath.toLowerCase().endsWith('.map'))) {
    refuse(response, 404, 'Not found\n');
    return;
  }
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) throw new Error('not a file');
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': types[path.extname(filePath)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(filePath).pipe(response);
  } catch {
    refuse(response, 404, 'Not found\n');
  }
});

server.listen(requestedPort, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : requestedPort;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  console.log(`Scenario Desk (browser edition) at http://127.0.0.1:${port}/  — press Ctrl+C to stop.`);
});
