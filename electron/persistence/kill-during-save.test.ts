/**
 * Kills a process in the middle of saving, many times at random moments, and checks that the
 * workspace on disk is always either the whole old content or the whole new content.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const rounds = Number(process.env['KILL_DURING_SAVE_ROUNDS'] ?? 200);
let dir = '';
let childScript = '';

// Two versions big enough (≈3 MB) that a write takes long enough to be interrupted part-way.
const versionA = `{"formatVersion":2,"name":"A","padding":"${'a'.repeat(3_000_000)}"}`;
const versionB = `{"formatVersion":2,"name":"B","padding":"${'b'.repeat(3_000_000)}"}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-kill-'));
  const entry = path.join(dir, 'saver.ts');
  await writeFile(
    entry,
    `import { writeFileAtomic } from ${JSON.stringify(path.resolve('electron/persistence/atomic-write.ts'))};
     const [target, a, b] = process.argv.slice(2);
     const { readFileSync } = await import('node:fs');
     const contents = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
     process.stdout.write('ready\\n');
     for (let i = 0; ; i++) await writeFileAtomic(target, contents[i % 2]);`,
  );
  childScript = path.join(dir, 'saver.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: childScript, logLevel: 'silent' });
  await writeFile(path.join(dir, 'a.txt'), versionA);
  await writeFile(path.join(dir, 'b.txt'), versionB);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function saveThenKill(target: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, target, path.join(dir, 'a.txt'), path.join(dir, 'b.txt')], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.once('exit', () => resolve());
  });
}

describe('atomic save under SIGKILL', () => {
  it(`never leaves a half-written workspace or backup (${rounds} kills)`, async () => {
    const target = path.join(dir, 'plan.sdesk');
    await writeFile(target, versionA);
    const seen = new Set<string>();
    for (let round = 0; round < rounds; round++) {
      await saveThenKill(target, Math.random() * 40);
      const content = await readFile(target, 'utf8');
      const whole = content === versionA || content === versionB;
      if (!whole) throw new Error(`round ${round}: the file holds ${content.length} characters that are neither version`);
      seen.add(content.slice(0, 40));
      const backup = await readFile(`${target}.bak`, 'utf8').catch(() => null);
      if (backup !== null && backup !== versionA && backup !== versionB) throw new Error(`round ${round}: the backup is damaged`);
    }
    // Both versions were observed, so kills really landed between and during saves.
    expect(seen.size).toBe(2);
  }, 600_000);
});
