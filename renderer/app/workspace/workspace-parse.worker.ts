/// <reference lib="webworker" />
/**
 * Parses and validates a workspace's text off the main thread, so a large or hostile `.sdesk`
 * file cannot freeze the window; the page terminates this worker if it runs past the time limit
 * (`workspace-read.ts`). It says `parsing` first: the time limit counts from that message.
 */
import { parseWorkspace } from '../../../shared/workspace/parse';
import type { ParseReply, ParseRequest } from './workspace-read';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ParseRequest>) => {
  scope.postMessage({ type: 'progress', progress: 'parsing' } satisfies ParseReply);
  scope.postMessage({ type: 'result', result: parseWorkspace(event.data.text) } satisfies ParseReply);
};
