/**
 * Undo/redo over immutable snapshots. Edits that share a coalescing key within a short
 * window (one slider drag, one typed number) become one undo step, and the history is
 * capped so a long session's memory stays bounded.
 */
export const maxUndoSteps = 200;
export const coalesceWindowMs = 1000;

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  lastKey: string | null;
  lastAt: number;
}

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

export function recordEdit<T>(history: History<T>, next: T, coalesceKey: string | null = null, now: number = Date.now()): History<T> {
  if (next === history.present) return history;
  const coalesce = coalesceKey !== null && coalesceKey === history.lastKey && now - history.lastAt <= coalesceWindowMs;
  if (coalesce) return { ...history, present: next, future: [], lastAt: now };
  const past = [...history.past, history.present];
  if (past.length > maxUndoSteps) past.splice(0, past.length - maxUndoSteps);
  return { past, present: next, future: [], lastKey: coalesceKey, lastAt: now };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null, lastAt: 0 };
}

export function redo<T>(history: History<T>): History<T> {
  const next = history.future[0];
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1), lastKey: null, lastAt: 0 };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}
