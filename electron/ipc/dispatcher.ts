import { DeskError, type IpcResult } from '../../shared/platform/desk-api';
import { ipcArgumentSchemas, type DeskChannel } from '../../shared/platform/ipc-channels';
import { isTrustedSenderUrl } from '../security/app-protocol';
import type { MainDeskHandlers } from './main-desk-api';

export type IpcDispatcher = (fn: DeskChannel, senderFrameUrl: string | null | undefined, args: unknown[]) => Promise<IpcResult<unknown>>;

/**
 * Checks the sender frame and the payload of every call before it reaches the implementation,
 * and turns every failure into a code and a short message: no stack and no path crosses IPC.
 */
export function createIpcDispatcher(api: MainDeskHandlers, isTrusted: (url: string | null | undefined) => boolean = isTrustedSenderUrl): IpcDispatcher {
  return async (fn, senderFrameUrl, args) => {
    if (!Object.hasOwn(ipcArgumentSchemas, fn)) {
      return { ok: false, error: { code: 'invalid-payload', message: 'Unknown bridge function.' } };
    }
    if (!isTrusted(senderFrameUrl)) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'This page may not use the app bridge.' } };
    }
    let parsed: ReturnType<(typeof ipcArgumentSchemas)[DeskChannel]['safeParse']>;
    try {
      parsed = ipcArgumentSchemas[fn].safeParse(args);
    } catch {
      // zod can throw instead of reporting: its length checks compare `value.length` with a number even when
      // the value is not a string, and an object without a prototype there cannot be converted.
      return { ok: false, error: { code: 'invalid-payload', message: `${fn}: arguments: not a valid payload` } };
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `argument ${issue.path.join('.')}` : 'arguments';
      return { ok: false, error: { code: 'invalid-payload', message: `${fn}: ${where}: ${issue?.message ?? 'invalid'}` } };
    }
    try {
      const implementation = api[fn] as (...a: unknown[]) => Promise<unknown>;
      const value = await implementation(...(parsed.data as unknown[]));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DeskError) return { ok: false, error: { code: error.code, message: error.message } };
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOENT') return { ok: false, error: { code: 'not-found', message: 'The file was not found.' } };
      if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'ENOSPC' || code === 'EROFS') {
        return { ok: false, error: { code: 'io-failed', message: `The file could not be read or written (${code}).` } };
      }
      return { ok: false, error: { code: 'unknown', message: 'Something went wrong in the app; nothing was changed.' } };
    }
  };
}
