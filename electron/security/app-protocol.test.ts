import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl, resolveAppRequest } from './app-protocol';

const root = path.resolve('/opt/scenario-desk/renderer');

describe('resolveAppRequest', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppRequest(root, 'app://scenario-desk/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest(root, 'app://scenario-desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest(root, 'app://scenario-desk/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it('serves files whose names are not ASCII, written out or percent-encoded', () => {
    const expected = path.join(root, 'assets', '情景推演.svg');
    expect(resolveAppRequest(root, 'app://scenario-desk/assets/%E6%83%85%E6%99%AF%E6%8E%A8%E6%BC%94.svg')).toBe(expected);
    expect(resolveAppRequest(root, 'app://scenario-desk/assets/情景推演.svg')).toBe(expected);
    expect(resolveAppRequest(root, 'app://scenario-desk/assets/report%20v2.png')).toBe(path.join(root, 'assets', 'report v2.png'));
  });

  it('keeps plain dot segments inside the renderer folder (the URL parser folds them at the root)', () => {
    expect(resolveAppRequest(root, 'app://scenario-desk/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  // Each of these resolves inside the renderer folder once decoded, so only a check of the raw
  // path refuses them; none is a name any built file has.
  it.each([
    'app://scenario-desk/assets%2findex.js',
    'app://scenario-desk/assets%2Findex.js',
    'app://scenario-desk/assets/..%2Findex.html',
    'app://scenario-desk/%2e%2e/%2e%2e/etc/passwd',
    'app://scenario-desk/assets/%2E%2E/index.html',
    'app://scenario-desk/assets/.%2e/index.html',
    'app://scenario-desk/assets/%2e./index.html',
    'app://scenario-desk/assets/%2e/index.js',
  ])('refuses the encoded separator or dot segment in %s, even where it would stay inside the folder', (url) => {
    expect(resolveAppRequest(root, url)).toBeNull();
  });

  it.each([
    'app://scenario-desk/assets/..%2f..%2f..%2fsecret',
    'app://scenario-desk/..%5c..%5cwindows',
    'app://scenario-desk/a%00.js',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(root, url)).toBeNull();
  });
});

describe('isTrustedSenderUrl', () => {
  it('trusts only the app origin', () => {
    expect(isTrustedSenderUrl('app://scenario-desk/index.html')).toBe(true);
    expect(isTrustedSenderUrl('https://scenario-desk/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedSenderUrl('file:///index.html')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl('')).toBe(false);
  });
});
