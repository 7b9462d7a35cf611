import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWorkerTask, type TaskReply, type TaskWorker } from './worker-task';

type Reply = TaskReply<string, number>;

class FakeWorker implements TaskWorker<string, Reply> {
  onmessage: ((event: MessageEvent<Reply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: Array<{ message: string; transfer: Transferable[] }> = [];
  postMessage(message: string, transfer: Transferable[]): void {
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: Reply): void {
    this.onmessage?.({ data } as MessageEvent<Reply>);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('runWorkerTask', () => {
  it('posts the request, passes progress on, resolves with the result and stops the worker', async () => {
    const worker = new FakeWorker();
    const progress: string[] = [];
    const buffer = new ArrayBuffer(4);
    const run = runWorkerTask({ createWorker: () => worker, request: 'job', transfer: [buffer], timeoutMs: 1_000, onProgress: (p) => progress.push(p) });
    expect(worker.posted).toEqual([{ message: 'job', transfer: [buffer] }]);
    worker.reply({ type: 'progress', progress: 'half' });
    worker.reply({ type: 'result', result: 42 });
    await expect(run.outcome).resolves.toEqual({ status: 'done', result: 42 });
    expect(progress).toEqual(['half']);
    expect(worker.terminated).toBe(true);
  });

  it('counts the time limit from the first message, then terminates the worker and reports the limit', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const run = runWorkerTask({ createWorker: () => worker, request: 'job', timeoutMs: 5_000, startTimeoutMs: 15_000 });
    vi.advanceTimersByTime(10_000);
    worker.reply({ type: 'progress', progress: 'started' });
    vi.advanceTimersByTime(4_999);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(2);
    await expect(run.outcome).resolves.toEqual({ status: 'timeout', stage: 'run', limitMs: 5_000 });
    expect(worker.terminated).toBe(true);
    // What the dead worker still sends reaches nobody.
    expect(worker.onmessage).toBeNull();
    worker.reply({ type: 'result', result: 1 });
    await expect(run.outcome).resolves.toMatchObject({ status: 'timeout' });
  });

  it('gives up on a worker that never answers, after the start limit (3 × the limit unless given)', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const run = runWorkerTask({ createWorker: () => worker, request: 'job', timeoutMs: 2_000 });
    vi.advanceTimersByTime(5_999);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(2);
    await expect(run.outcome).resolves.toEqual({ status: 'timeout', stage: 'start', limitMs: 6_000 });
    expect(worker.terminated).toBe(true);
  });

  it('reports a crashed worker and keeps the error off the page', async () => {
    const worker = new FakeWorker();
    const run = runWorkerTask({ createWorker: () => worker, request: 'job', timeoutMs: 1_000 });
    const preventDefault = vi.fn();
    worker.onerror?.({ preventDefault } as unknown as ErrorEvent);
    await expect(run.outcome).resolves.toEqual({ status: 'crashed' });
    expect(preventDefault).toHaveBeenCalled();
    expect(worker.terminated).toBe(true);
  });

  it('says so when no worker can be made', async () => {
    const error = new Error('no workers here');
    const run = runWorkerTask({
      createWorker: () => {
        throw error;
      },
      request: 'job',
      timeoutMs: 1_000,
    });
    await expect(run.outcome).resolves.toEqual({ status: 'no-worker', error });
  });

  it('can be cancelled, and then the worker is gone', async () => {
    const worker = new FakeWorker();
    const run = runWorkerTask({ createWorker: () => worker, request: 'job', timeoutMs: 1_000 });
    run.cancel();
    await expect(run.outcome).resolves.toEqual({ status: 'cancelled' });
    expect(worker.terminated).toBe(true);
  });
});
