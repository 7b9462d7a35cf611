import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, migrateSettings, settingsJsonSchema, settingsPatchSchema, withRecentFile } from './settings';

describe('settings', () => {
  it('migrates the unversioned shape and refuses a newer one by name', () => {
    expect(migrateSettings({ language: 'en', theme: 'dark', windowBounds: null, recentFiles: [] })).toEqual({
      ok: true,
      settings: { ...defaultSettings, language: 'en', theme: 'dark' },
    });
    expect(migrateSettings({ schemaVersion: 7 })).toEqual({ ok: false, reason: 'settings schema version 7 is newer than this app understands' });
    expect(migrateSettings({ schemaVersion: 1, language: 'fr', theme: 'dark', windowBounds: null, recentFiles: [] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('language'),
    });
  });

  it('reopens on the last view: Scenarios for settings that never stored one, the stored view otherwise', () => {
    // Version 1 settings written before the view was remembered.
    const stored = { schemaVersion: 1, language: 'zh', theme: 'light', windowBounds: null, recentFiles: [] };
    expect(migrateSettings(stored)).toMatchObject({ ok: true, settings: { lastView: 'scenarios' } });
    expect(migrateSettings({ ...stored, lastView: 'targets' })).toMatchObject({ ok: true, settings: { lastView: 'targets' } });
    expect(migrateSettings({ ...stored, lastView: 'nowhere' })).toMatchObject({ ok: false, reason: expect.stringContaining('lastView') });
    expect(applySettingsPatch(defaultSettings, { lastView: 'compare' })).toMatchObject({ lastView: 'compare', language: 'system' });
    expect(settingsPatchSchema.safeParse({ lastView: 'nowhere' }).success).toBe(false);
  });

  it('keeps ten recent files, newest first, without duplicates', () => {
    let settings = defaultSettings;
    for (let i = 0; i < 12; i++) settings = withRecentFile(settings, { id: `w${i}`, name: `w${i}.sdesk`, modifiedAt: null });
    settings = withRecentFile(settings, { id: 'w5', name: 'w5.sdesk', modifiedAt: null });
    expect(settings.recentFiles.map((f) => f.id)).toEqual(['w5', 'w11', 'w10', 'w9', 'w8', 'w7', 'w6', 'w4', 'w3', 'w2']);
  });

  it('docs/settings.schema.json is up to date', () => {
    const onDisk = JSON.parse(readFileSync(new URL('../../docs/settings.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(onDisk).toEqual(settingsJsonSchema());
  });
});
