/**
 * Two processes save the same workspaces at the same moment, 200 saves in all, and every file
 * (and its backup) must come out whole: valid JSON that is exactly one of the versions written.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FILES = 4;
/** Per process and file: 2 processes × 4 files × 25 = 200 saves, asked for in bursts of 5. */
const SAVES_PER_FILE = 25;
const BURST = 5;
const PADDING = 64 * 1024;

let dir = '';
let childScript = '';

/** What process `writer` writes in its `save`-th save of file `file` (the child builds the same text). */
const content = (writer: string, file: number, save: number): string => JSON.stringify({ writer, file, save, padding: 'x'.repeat(PADDING + save) });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-concurrent-'));
  const entry = path.join(dir, 'saver.ts');
  await writeFile(
    entry,
    `import { writeFileAtomic } from ${JSON.stringify(path.resolve('electron/persistence/atomic-write.ts'))};
     const content = ${content.toString()};
     const PADDING = ${PADDING};
     process.on('message', async ({ writer, files, saves, burst }) => {
       const jobs = [];
       // Bursts of saves asked for in the same instant, a millisecond apart: some start at once,
       // some wait behind a running save, some replace a waiting one.
       for (let save = 0; save < saves; save++) {
         files.forEach((file, index) => jobs.push(writeFileAtomic(file, content(writer, index, save)).then(() => null, (error) => String(error))));
         if (save % burst === burst - 1) await new Promise((resolve) => setTimeout(resolve, 1));
       }
       const failures = (await Promise.all(jobs)).filter((failure) => failure !== null);
       process.send({ failures }, () => process.exit(0));
     });
     process.send('ready');`,
  );
  childScript = path.join(dir, 'saver.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: childScript, logLevel: 'silent' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`saver exited with ${String(code)} before answering`)));
  });
}

describe('concurrent saves', () => {
  it('200 saves at once from two processes leave every file and backup whole, and no temporary file', async () => {
    const data = path.join(dir, 'data');
    await rm(data, { recursive: true, force: true });
    await mkdir(data);
    const files = Array.from({ length: FILES }, (_, index) => path.join(data, `plan-${index}.sdesk`));
    const initial = (file: number) => JSON.stringify({ writer: 'initial', file });
    await Promise.all(files.map((file, index) => writeFile(file, initial(index))));

    const children = ['A', 'B'].map(() => fork(childScript, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await Promise.all(children.map(nextMessage));
    const answers = children.map(nextMessage);
    children.forEach((child, index) => child.send({ writer: index === 0 ? 'A' : 'B', files, saves: SAVES_PER_FILE, burst: BURST }));
    const results = (await Promise.all(answers)) as Array<{ failures: string[] }>;

    expect(results.flatMap((result) => result.failures)).toEqual([]);
    for (let index = 0; index < FILES; index++) {
      const written = ['A', 'B'].flatMap((writer) => Array.from({ length: SAVES_PER_FILE }, (_, save) => content(writer, index, save)));
      const text = await readFile(files[index] as string, 'utf8');
      expect(() => JSON.parse(text) as unknown, `plan-${index}.sdesk is valid JSON`).not.toThrow();
      // Saves of one process run in call order, so whichever process renamed last left its last save.
      expect([content('A', index, SAVES_PER_FILE - 1), content('B', index, SAVES_PER_FILE - 1)]).toContain(text);
      const backup = await readFile(`${files[index] as string}.bak`, 'utf8');
      expect([initial(index), ...written]).toContain(backup);
    }
    expect((await readdir(data)).sort()).toEqual(files.flatMap((file) => [path.basename(file), `${path.basename(file)}.bak`]).sort());
  }, 60_000);
});
