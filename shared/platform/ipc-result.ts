import { DeskError, type IpcResult } from './desk-api';

/** Turns an IPC result back into a value or a thrown DeskError, on the renderer's side. */
export function unwrapIpcResult<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new DeskError(result.error.code, result.error.message);
}

/**
 * contextBridge keeps only an Error's message, so the code travels as a prefix
 * (`[not-found] …`) and is read back here into a DeskError.
 */
export function deskErrorFromBridge(error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const match = /\[(invalid-payload|forbidden-sender|not-found|too-large|io-failed|unknown)\]\s*(.*)$/s.exec(message);
  if (match?.[1] && match[2] !== undefined) return new DeskError(match[1] as DeskError['code'], match[2]);
  return new DeskError('unknown', message);
}
