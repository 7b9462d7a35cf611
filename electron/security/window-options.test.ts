import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from './window-options';

describe('secureWindowOptions', () => {
  it('turns on every flag of the Electron security checklist', () => {
    const prefs = secureWindowOptions('/app/preload.cjs', { width: 1280, height: 800 }, '#fff').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('keeps the saved placement of the window', () => {
    const options = secureWindowOptions('/p', { width: 1000, height: 700, x: 40, y: 60 }, '#000');
    expect([options.width, options.height, options.x, options.y]).toEqual([1000, 700, 40, 60]);
  });
});
