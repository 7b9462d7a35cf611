import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskApi, WorkspaceDraft } from '../../../shared/platform/desk-api';
import { parseWorkspace } from '../../../shared/workspace/parse';
import { STARTER_WORKSPACE_TEXT } from '../../../shared/workspace/starter';
import wrongTypes from '../../../tests/fixtures/workspace/wrong-types.sdesk?raw';
import { loadInitialWorkspace } from './WorkspaceProvider';
import { readWorkspaceText, workspaceReadLimits, type ParseReply, type ParseRequest, type ParseWorker } from './workspace-read';

/**
 * Stands in for the real worker (workspace-parse.worker.ts): says `parsing`, then parses, on a later
 * task as a worker would. `hang` makes it say `parsing` and never finish, like a parse that runs away.
 */
class FakeParseWorker implements ParseWorker {
  onmessage: ((event: MessageEvent<ParseReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: ParseRequest[] = [];
  constructor(private readonly behaviour: 'parse' | 'hang' | 'crash' = 'parse') {}
  postMessage(message: ParseRequest): void {
    this.received.push(message);
    setTimeout(() => {
      if (this.behaviour === 'crash') {
        this.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
        return;
      }
      this.onmessage?.({ data: { type: 'progress', progress: 'parsing' } } as MessageEvent<ParseReply>);
      if (this.behaviour === 'parse') this.onmessage?.({ data: { type: 'result', result: parseWorkspace(message.text) } } as MessageEvent<ParseReply>);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('readWorkspaceText', () => {
  it('parses on the worker and stops it afterwards', async () => {
    const worker = new FakeParseWorker();
    const read = readWorkspaceText(STARTER_WORKSPACE_TEXT, 'starter.sdesk', { createWorker: () => worker });
    const result = await read.result;
    expect(result.ok).toBe(true);
    expect(result.ok && result.workspace.scenarios.length).toBeGreaterThan(0);
    expect(worker.received).toEqual([{ text: STARTER_WORKSPACE_TEXT }]);
    expect(worker.terminated).toBe(true);
  });

  it('hands the parser’s problems on for a file with wrong values', async () => {
    const result = await readWorkspaceText(wrongTypes, 'wrong.sdesk', { createWorker: () => new FakeParseWorker() }).result;
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      problems: expect.arrayContaining([expect.objectContaining({ path: '$.scenarios[0].unknownField' })]),
    });
  });

  it('has a 5 s time limit; past it the worker is terminated and the message names the file and the limit in both languages', async () => {
    expect(workspaceReadLimits.timeoutMs).toBe(5_000);
    vi.useFakeTimers();
    const worker = new FakeParseWorker('hang');
    const read = readWorkspaceText(STARTER_WORKSPACE_TEXT, 'plan.sdesk', { createWorker: () => worker });
    vi.advanceTimersByTime(1);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(4_998);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(2);
    const result = await read.result;
    expect(worker.terminated).toBe(true);
    expect(result).toEqual({
      ok: false,
      reason: 'timeout',
      limitMs: 5_000,
      problems: [
        {
          path: '$',
          code: 'timeout',
          message: 'reading "plan.sdesk" took longer than the 5 s allowed and was stopped; the file was not changed',
          messageZh: '读取“plan.sdesk”超过允许的 5 秒，已停止；文件未作改动',
        },
      ],
    });
  });

  it('refuses text over the size limit before any worker starts', async () => {
    const createWorker = vi.fn(() => new FakeParseWorker());
    const result = await readWorkspaceText(' '.repeat(workspaceReadLimits.maxChars + 1), 'huge.sdesk', { createWorker }).result;
    expect(createWorker).not.toHaveBeenCalled();
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      problems: [{ code: 'too-large', message: expect.stringContaining('"huge.sdesk"'), messageZh: expect.stringContaining('20 MB') }],
    });
  });

  it('turns a crashed worker into a message naming the file', async () => {
    const worker = new FakeParseWorker('crash');
    const result = await readWorkspaceText(STARTER_WORKSPACE_TEXT, 'plan.sdesk', { createWorker: () => worker }).result;
    expect(result).toMatchObject({ ok: false, reason: 'failed', problems: [{ code: 'worker-failed', message: expect.stringContaining('"plan.sdesk"') }] });
    expect(worker.terminated).toBe(true);
  });

  it('parses on the main thread only where no worker can run', async () => {
    expect((await readWorkspaceText(STARTER_WORKSPACE_TEXT, 'a.sdesk', { createWorker: null }).result).ok).toBe(true);
    const refused = () => {
      throw new Error('workers are switched off');
    };
    expect((await readWorkspaceText(STARTER_WORKSPACE_TEXT, 'a.sdesk', { createWorker: refused }).result).ok).toBe(true);
  });

  it('can be cancelled: the worker stops and nothing is reported', async () => {
    const worker = new FakeParseWorker('hang');
    const read = readWorkspaceText(STARTER_WORKSPACE_TEXT, 'plan.sdesk', { createWorker: () => worker });
    read.cancel();
    await expect(read.result).resolves.toEqual({ ok: false, reason: 'cancelled', problems: [] });
    expect(worker.terminated).toBe(true);
  });
});

function draftPlatform(draft: WorkspaceDraft | null) {
  const setAsideDraft = vi.fn(async () => ({ fileName: 'draft.quarantine-2026-12-02T03-30-00-000Z.sdesk.json' }));
  const platform = { loadDraft: async () => draft, setAsideDraft } as unknown as DeskApi;
  return { platform, setAsideDraft };
}

describe('loadInitialWorkspace on the worker', () => {
  it('restores a readable draft through the worker', async () => {
    const worker = new FakeParseWorker();
    const { platform, setAsideDraft } = draftPlatform({ text: STARTER_WORKSPACE_TEXT, entry: null, dirty: true });
    const initial = await loadInitialWorkspace(platform, { createWorker: () => worker });
    expect(worker.received).toHaveLength(1);
    expect(initial).toMatchObject({ dirty: true, autosaveDraft: true, unreadableDraft: null });
    expect(setAsideDraft).not.toHaveBeenCalled();
  });

  it('sets a draft aside that takes longer than the limit to read, and says why', async () => {
    vi.useFakeTimers();
    const worker = new FakeParseWorker('hang');
    const { platform, setAsideDraft } = draftPlatform({ text: STARTER_WORKSPACE_TEXT, entry: null, dirty: true });
    const loading = loadInitialWorkspace(platform, { createWorker: () => worker });
    await vi.advanceTimersByTimeAsync(workspaceReadLimits.timeoutMs + 10);
    const initial = await loading;
    expect(worker.terminated).toBe(true);
    expect(setAsideDraft).toHaveBeenCalledTimes(1);
    expect(initial.autosaveDraft).toBe(true);
    expect(initial.unreadableDraft).toMatchObject({
      outcome: 'set-aside',
      text: STARTER_WORKSPACE_TEXT,
      problems: [{ code: 'timeout', messageZh: '读取“draft.sdesk.json”超过允许的 5 秒，已停止；文件未作改动' }],
    });
  });
});
