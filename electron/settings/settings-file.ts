import { promises as fs } from 'node:fs';
import { defaultSettings, migrateSettings, type Settings } from '../../shared/settings/settings';
import type { SettingsNotice } from '../../shared/platform/desk-api';
import { writeFileAtomic } from '../persistence/atomic-write';
import { quarantineFileName, setAside } from '../persistence/set-aside';

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
  // Set aside under a free name (an earlier copy of the same moment is never replaced), then defaults.
  const quarantine = async (how: 'copy' | 'move'): Promise<LoadedSettings> => {
    const fileName = await setAside(filePath, how, (attempt) => quarantineFileName(filePath, now, attempt));
    await writeFileAtomic(filePath, JSON.stringify(defaultSettings, null, 2), { keepBackup: false });
    return { settings: defaultSettings, notices: [{ kind: 'settings-quarantined', quarantineFileName: fileName }] };
  };

  let raw: Buffer;
  try {
    raw = await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings, notices: [] };
    return quarantine('move');
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

  return quarantine('copy');
}
