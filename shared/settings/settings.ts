/**
 * User settings: one schema, one set of defaults, plain migration functions.
 * electron-store's own `migrations` option is not used (its README warns of known bugs);
 * `schemaVersion` plus `migrateSettings` replace it, and the same code serves the browser build.
 */
import { z } from 'zod';
import type { Lang } from '../units/names';

export const settingsSchemaVersion = 1;

export const languageSettingSchema = z.enum(['system', 'zh', 'en']);
export const themeSettingSchema = z.enum(['system', 'light', 'dark']);

/** The app's views, in sidebar order (Alt+1 … Alt+6). */
export const viewIds = ['data', 'scenarios', 'compare', 'targets', 'sensitivity', 'export'] as const;
export const viewIdSchema = z.enum(viewIds);
export type ViewId = z.infer<typeof viewIdSchema>;

export const windowBoundsSchema = z.strictObject({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});

export const recentFileSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(500),
  modifiedAt: z.string().nullable(),
});

export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(settingsSchemaVersion),
  language: languageSettingSchema,
  theme: themeSettingSchema,
  windowBounds: windowBoundsSchema.nullable(),
  recentFiles: z.array(recentFileSchema).max(20),
  /** The view the app reopens on. Added without a version bump: settings without it open on Scenarios. */
  lastView: viewIdSchema.default('scenarios'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type LanguageSetting = z.infer<typeof languageSettingSchema>;

/** The language a setting means: `system` follows the operating system's locale, Chinese for any zh-*, English otherwise. The window and the native menu both ask this. */
export function resolveLanguage(setting: LanguageSetting, osLocale: string): Lang {
  if (setting !== 'system') return setting;
  return osLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
export type ThemeSetting = z.infer<typeof themeSettingSchema>;

/** What the renderer may change. Recent files are the platform's to keep, not the renderer's. */
export const settingsPatchSchema = z.strictObject({
  language: languageSettingSchema.optional(),
  theme: themeSettingSchema.optional(),
  lastView: viewIdSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = {
  schemaVersion: settingsSchemaVersion,
  language: 'system',
  theme: 'system',
  windowBounds: null,
  recentFiles: [],
  lastView: 'scenarios',
};

export const maxRecentFiles = 10;

export type SettingsLoadResult = { ok: true; settings: Settings } | { ok: false; reason: string };

/**
 * Turns whatever was stored into current settings. Version 0 (no `schemaVersion`) is the
 * shape before versioning: the same fields, so it migrates by stamping the version.
 */
export function migrateSettings(stored: unknown): SettingsLoadResult {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { ok: false, reason: 'settings are not a JSON object' };
  }
  let candidate: Record<string, unknown> = { ...stored };
  const version = candidate['schemaVersion'] ?? 0;
  if (version === 0) {
    candidate = { ...defaultSettings, ...candidate, schemaVersion: settingsSchemaVersion };
  } else if (typeof version !== 'number' || version > settingsSchemaVersion) {
    return { ok: false, reason: `settings schema version ${String(version)} is newer than this app understands` };
  }
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: `${first?.path.join('.') || 'settings'}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, settings: parsed.data };
}

export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    ...(patch.language ? { language: patch.language } : {}),
    ...(patch.theme ? { theme: patch.theme } : {}),
    ...(patch.lastView ? { lastView: patch.lastView } : {}),
  };
}

/** Puts a just-used workspace first, without duplicates, capped at `maxRecentFiles`. */
export function withRecentFile(settings: Settings, entry: Settings['recentFiles'][number]): Settings {
  const rest = settings.recentFiles.filter((f) => f.id !== entry.id);
  return { ...settings, recentFiles: [entry, ...rest].slice(0, maxRecentFiles) };
}

/** The settings file's JSON Schema (docs/settings.schema.json), generated from the zod schema above. */
export function settingsJsonSchema(): unknown {
  return z.toJSONSchema(settingsSchema);
}
