/**
 * The dependency floors of docs/security.md ("Dependencies") hold in package-lock.json: every
 * package named by an `overrides` entry of package.json, and every advisory that the requesters'
 * own ranges already exclude, resolves only to patched versions; and the advisories that cannot be
 * patched stay exactly where they were reviewed. A lockfile change that brings a vulnerable
 * version back fails here, even where npm would have kept it without complaint.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { overrides?: Record<string, unknown> };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };

type Version = [number, number, number];
function parseVersion(text: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (!match) throw new Error(`not a plain x.y.z version: ${text}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
function atLeast(version: string, floor: string): boolean {
  const [a, b] = [parseVersion(version), parseVersion(floor)];
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** Every copy of a package in the lockfile: its folder and version. */
function installed(name: string): { where: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([where]) => where.endsWith(`node_modules/${name}`) && where.slice(0, -name.length).endsWith('node_modules/'))
    .map(([where, entry]) => ({ where, version: entry.version ?? '' }));
}

/** `name@^N` → { name, major: N }; `name` → { name }. */
function parseKey(key: string): { name: string; major?: number } {
  const at = key.lastIndexOf('@');
  if (at <= 0) return { name: key };
  const line = /^\^(\d+)$/.exec(key.slice(at + 1));
  if (!line) throw new Error(`override key ${key}: only "name" or "name@^MAJOR" are used here`);
  return { name: key.slice(0, at), major: Number(line[1]) };
}

/** Floors that need no override: the requesters' own ranges already exclude the affected versions. */
const floorsWithoutOverride: { name: string; major?: number; floor: string; advisory: string }[] = [
  { name: 'jszip', floor: '3.8.0', advisory: 'CVE-2022-48285' },
  { name: 'fstream', floor: '1.0.12', advisory: 'CVE-2019-13173' },
  { name: 'form-data', major: 4, floor: '4.0.4', advisory: 'CVE-2025-7783' },
  { name: 'semver', major: 5, floor: '5.7.2', advisory: 'CVE-2022-25883' },
  { name: 'semver', major: 6, floor: '6.3.1', advisory: 'CVE-2022-25883' },
  { name: 'semver', major: 7, floor: '7.5.2', advisory: 'CVE-2022-25883' },
  { name: 'braces', floor: '3.0.3', advisory: 'CVE-2024-4068' },
  { name: 'micromatch', floor: '4.0.8', advisory: 'CVE-2024-4067' },
  { name: '@babel/helpers', floor: '7.26.10', advisory: 'CVE-2025-27789' },
  { name: 'minimatch', major: 10, floor: '10.2.4', advisory: 'CVE-2026-26996, CVE-2026-27903, CVE-2026-27904' },
];

/** Reviewed and accepted in docs/security.md: no patched release exists in the line the requester accepts. */
const acceptedUnpatched: { name: string; below: string; onlyAt: string[]; advisory: string }[] = [
  {
    name: 'tar',
    below: '7.5.21',
    onlyAt: ['node_modules/@mapbox/node-pre-gyp/node_modules/tar'],
    advisory: 'CVE-2026-23745 and later node-tar advisories (no 6.x fix)',
  },
  { name: 'uuid', below: '11.1.1', onlyAt: ['node_modules/uuid'], advisory: 'CVE-2026-41907 (no 8.x fix)' },
];

describe('dependency floors in package-lock.json', () => {
  const overrides = Object.entries(manifest.overrides ?? {});

  it('package.json has overrides, each a flat "^x.y.z" floor', () => {
    expect(overrides.length).toBeGreaterThan(0);
    for (const [key, value] of overrides) {
      expect(typeof value, key).toBe('string');
      expect(value, key).toMatch(/^\^\d+\.\d+\.\d+$/);
      const { major } = parseKey(key);
      if (major !== undefined) expect(parseVersion(String(value).slice(1))[0], `${key} stays in its major line`).toBe(major);
    }
  });

  it.each(overrides)('override %s → %s: every copy in the lockfile is at or above the floor', (key, value) => {
    const { name, major } = parseKey(key);
    const floor = String(value).slice(1);
    const copies = installed(name).filter(({ version }) => major === undefined || parseVersion(version)[0] === major);
    expect(copies.length, `${key} matches no package in package-lock.json: remove the override or fix its key`).toBeGreaterThan(0);
    for (const { where, version } of copies) expect(atLeast(version, floor), `${where}@${version} is below ${floor}`).toBe(true);
  });

  it.each(floorsWithoutOverride)('$name $floor ($advisory): no vulnerable copy', ({ name, major, floor }) => {
    const copies = installed(name).filter(({ version }) => major === undefined || parseVersion(version)[0] === major);
    expect(copies.length).toBeGreaterThan(0);
    for (const { where, version } of copies) expect(atLeast(version, floor), `${where}@${version} is below ${floor}`).toBe(true);
  });

  it.each(acceptedUnpatched)('$name below $below ($advisory) stays only where it was reviewed', ({ name, below, onlyAt }) => {
    const vulnerable = installed(name).filter(({ version }) => !atLeast(version, below));
    expect(vulnerable.map(({ where }) => where).sort()).toEqual([...onlyAt].sort());
  });
});
