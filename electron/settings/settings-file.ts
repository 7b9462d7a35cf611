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
 * by defaults, so the app still starts and the user's file is kept for inspection. Something
 * that cannot be read at all (a directory, a file the user may not read) is moved to that name
 * instead, since it cannot be copied; it is never deleted. This throws only when the path can
 * neither be read nor moved aside; the main process then runs on defaults it keeps in memory.
 */
export async function loadSettingsFile(filePath: string, now: Date = new Date()): Promise<LoadedSettings> {
  const quarantineFileName = `${path.basename(filePath, '.json')}.quarantine-${now.toISOString().replace(/[:.]/g, '-')}.json`;
  const quarantinePath = path.join(path.dirname(filePath), quarantineFileName);
  const quarantined: LoadedSettings = { settings: defaultSettings, notices: [{ kind: 'settings-quarantined', quarantineFileName }] };
  const writeDefaults = () => writeFileAtomic(filePath, JSON.stringify(defaultSettings, null, 2), { keepBackup: false });

  let raw: Buffer;
  try {
    raw = await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings, notices: [] };
    await fs.rename(filePath, quarantinePath);
    await writeDefaults();
    return quarantined;
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

  await fs.copyFile(filePath, quarantinePath);
  await writeDefaults();
  return quarantined;
}
