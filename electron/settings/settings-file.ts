import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defaultSettings, migrateSettings, type Settings } from '../../shared/settings/settings';
import type { SettingsNotice } from '../../shared/platform/desk-api';
import { writeFileAtomic } from '../persistence/atomic-write';

export interface LoadedSettings {
  settings: Settings;
  notices: SettingsNotice[];
}

/**
 * Reads the settings file before electron-store sees it. A file that is not valid JSON or
 * fails the schema is copied byte for byte to `settings.quarantine-<time>.json` and replaced
 * by defaults, so the app still starts and the user's file is kept for inspection.
 */
export async function loadSettingsFile(filePath: string, now: Date = new Date()): Promise<LoadedSettings> {
  let raw: Buffer;
  try {
    raw = await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings, notices: [] };
    throw error;
  }
  let stored: unknown;
  let parsedOk = true;
  try {
    stored = JSON.parse(raw.toString('utf8'));
  } catch {
    parsedOk = false;
  }
  const migrated = parsedOk ? migrateSettings(stored) : { ok: false as const, reason: 'not valid JSON' };
  if (migrated.ok) return { settings: migrated.settings, notices: [] };

  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const quarantineFileName = `${path.basename(filePath, '.json')}.quarantine-${stamp}.json`;
  await fs.copyFile(filePath, path.join(path.dirname(filePath), quarantineFileName));
  await writeFileAtomic(filePath, JSON.stringify(defaultSettings, null, 2), { keepBackup: false });
  return { settings: defaultSettings, notices: [{ kind: 'settings-quarantined', quarantineFileName }] };
}
