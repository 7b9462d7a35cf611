import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../../shared/import/types';
import { runImport, type ImportWorker, type WorkerReply } from './import-runner';

class FakeWorker implements ImportWorker {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: WorkerReply): void {
    this.onmessage?.({ data } as MessageEvent<WorkerReply>);
  }
}

const file = { fileName: 'a.csv', bytes: new Uint8Array([1, 2, 3]) };
const okResult: ImportResult = { ok: true, indicators: [], warnings: [], rowCount: 0 };

afterEach(() => {
  vi.useRealTimers();
});

describe('runImport', () => {
  it('passes progress on and resolves with the worker’s result, then stops the worker', async () => {
    const worker = new FakeWorker();
    const progress: string[] = [];
    const run = runImport(file, { createWorker: () => worker, onProgress: (p) => progress.push(p.phase) });
    worker.reply({ type: 'progress', progress: { phase: 'reading', fraction: null } });
    worker.reply({ type: 'result', result: okResult });
    await expect(run.result).resolves.toEqual(okResult);
    expect(progress).toEqual(['reading']);
    expect(worker.terminated).toBe(true);
    // The caller's bytes are not the ones transferred away.
    expect([...file.bytes]).toEqual([1, 2, 3]);
  });

  it('terminates a worker that runs past the time limit and says so', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const run = runImport(file, { createWorker: () => worker, timeoutMs: 10_000, startTimeoutMs: 30_000 });
    // The parse time counts from the worker's first message, not while its script loads.
    vi.advanceTimersByTime(20_000);
    worker.reply({ type: 'progress', progress: { phase: 'checking', fraction: null } });
    vi.advanceTimersByTime(9_000);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1_001);
    const result = await run.result;
    expect(worker.terminated).toBe(true);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'timeout', messageZh: expect.stringContaining('10 秒') }] });
    // A late answer from the dead worker changes nothing.
    worker.reply({ type: 'result', result: okResult });
    await expect(run.result).resolves.toEqual(result);
  });

  it('gives up on a worker that never starts', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const run = runImport(file, { createWorker: () => worker, timeoutMs: 10_000, startTimeoutMs: 30_000 });
    vi.advanceTimersByTime(30_001);
    await expect(run.result).resolves.toMatchObject({ ok: false, errors: [{ code: 'timeout' }] });
    expect(worker.terminated).toBe(true);
  });

  it('turns a crashed worker into an error message', async () => {
    const worker = new FakeWorker();
    const run = runImport(file, { createWorker: () => worker });
    worker.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
    await expect(run.result).resolves.toMatchObject({ ok: false, errors: [{ code: 'internal' }] });
    expect(worker.terminated).toBe(true);
  });

  it('can be cancelled', async () => {
    const worker = new FakeWorker();
    const run = runImport(file, { createWorker: () => worker });
    run.cancel();
    await expect(run.result).resolves.toMatchObject({ ok: false });
    expect(worker.terminated).toBe(true);
  });
});
