import path from 'node:path';

export const appScheme = 'app';
export const appHost = 'scenario-desk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** `%2F` and `%5C` would become separators after decoding, `%00` a NUL; no file the app ships needs them. */
const encodedSeparatorOrNul = /%(?:2f|5c|00)/i;
/** A segment that is only dots once `%2E` is decoded: `%2e`, `%2e%2e`, `.%2e`, `%2e.`. */
const encodedDotSegment = /^(?:\.|%2e){1,2}$/i;

/**
 * Looks at the request as it was written, before the URL parser folds `%2e%2e` segments and
 * before decoding: the tricks are refused outright rather than trusted to fold harmlessly.
 */
function hasEncodedPathTrick(requestUrl: string): boolean {
  const beforeQuery = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (encodedSeparatorOrNul.test(beforeQuery)) return true;
  return beforeQuery.split(/[/\\]/).some((segment) => /%2e/i.test(segment) && encodedDotSegment.test(segment));
}

/**
 * Maps an `app://scenario-desk/...` URL to a file inside `rootDir`, or `null` when the URL
 * is for another host or would escape the root (`..`, encoded separators or dot segments,
 * NUL, backslashes, absolute paths).
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): string | null {
  if (hasEncodedPathTrick(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/** Only the app's own top-level page may call the bridge. */
export function isTrustedSenderUrl(frameUrl: string | undefined | null): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}
