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

  it.each(['app://scenario-desk/../../etc/passwd', 'app://scenario-desk/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps dot segments of %s inside the renderer folder (the URL parser folds them at the root)',
    (url) => {
      expect(resolveAppRequest(root, url)).toBe(path.join(root, 'etc', 'passwd'));
    },
  );

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
