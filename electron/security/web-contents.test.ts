import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyAllPermissions, hardenWebContents } from './web-contents';

type Listener = (event: { preventDefault(): void }, url: string) => void;

/**
 * Records what hardenWebContents installs, so its decisions can be replayed without an Electron
 * binary (none is available on the build machines). Only the members it uses are provided.
 */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      windowOpenHandler = handler;
    },
  };
  /** Whether the web contents would go ahead with this event for this URL. */
  const allows = (name: string, url: string): boolean => {
    let prevented = false;
    for (const listener of listeners.get(name) ?? []) listener({ preventDefault: () => (prevented = true) }, url);
    return !prevented;
  };
  return {
    // The fake carries only the methods hardenWebContents calls; the full WebContents type is Electron's.
    contents: contents as unknown as WebContents,
    allows,
    hasListener: (name: string) => (listeners.get(name)?.length ?? 0) > 0,
    openWindow: (url: string) => windowOpenHandler?.({ url }).action ?? 'no handler installed',
  };
}

describe('hardenWebContents', () => {
  it('lets the page move only between the app’s own pages', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    expect(fake.allows('will-navigate', 'app://scenario-desk/index.html')).toBe(true);
    expect(fake.allows('will-navigate', 'app://scenario-desk/index.html#targets')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://scenario-desk.evil.example/index.html',
      'app://scenario-desk@evil.example/index.html',
      'app://other/index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
    ]) {
      expect(fake.allows('will-navigate', url), url).toBe(false);
      expect(fake.allows('will-redirect', url), url).toBe(false);
    }
  });

  it('refuses every new window, even one for the app’s own page', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    expect(fake.openWindow('https://example.com/')).toBe('deny');
    expect(fake.openWindow('app://scenario-desk/index.html')).toBe('deny');
  });

  it('refuses to attach a webview', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    expect(fake.hasListener('will-attach-webview')).toBe(true);
    expect(fake.allows('will-attach-webview', 'https://example.com/')).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every permission request and check (camera, microphone, notifications, location, devices)', () => {
    const installed: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (...args: unknown[]) => boolean;
      device?: (...args: unknown[]) => boolean;
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: typeof installed.request) => (installed.request = handler),
      setPermissionCheckHandler: (handler: typeof installed.check) => (installed.check = handler),
      setDevicePermissionHandler: (handler: typeof installed.device) => (installed.device = handler),
    };
    // As above: the fake session carries only the three setters denyAllPermissions calls.
    denyAllPermissions(session as unknown as Session);
    expect([installed.request, installed.check, installed.device].every((handler) => typeof handler === 'function')).toBe(true);

    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answers: boolean[] = [];
      installed.request?.(null, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(installed.check?.(null, permission, 'app://scenario-desk', {}), permission).toBe(false);
    }
    expect(installed.device?.({ deviceType: 'usb', origin: 'app://scenario-desk' })).toBe(false);
  });
});
