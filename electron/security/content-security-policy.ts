/**
 * The policy every page of the app runs under. `renderer/index.html` carries the same text
 * in a meta tag (a unit test keeps the two identical), so the browser build is held to it too.
 * Styles need no 'unsafe-inline': React and Recharts set styles through the CSSOM, which CSP
 * does not govern. Workers come from the app's own files or blob URLs; never 'unsafe-eval'.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
