import { describe, expect, it } from 'vitest';
import { maxUndoSteps, recordEdit, redo, startHistory, undo } from './history';

describe('undo history', () => {
  it('undoes and redoes edits in order', () => {
    let h = startHistory(15);
    h = recordEdit(h, 12, null, 0);
    h = recordEdit(h, 10, null, 5000);
    expect(h.present).toBe(10);
    h = undo(h);
    expect(h.present).toBe(12);
    h = undo(h);
    expect(h.present).toBe(15);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(12);
  });

  it('turns one slider drag into one undo step', () => {
    let h = startHistory(15);
    for (let step = 0; step < 30; step++) h = recordEdit(h, 15 - step * 0.1, 'rate:software', step * 16);
    expect(h.past).toEqual([15]);
    expect(undo(h).present).toBe(15);
  });

  it('starts a new step after a pause or for another field', () => {
    let h = startHistory(1);
    h = recordEdit(h, 2, 'a', 0);
    h = recordEdit(h, 3, 'a', 5000);
    h = recordEdit(h, 4, 'b', 5100);
    expect(h.past).toEqual([1, 2, 3]);
  });

  it('drops redo after a new edit and caps memory', () => {
    let h = startHistory(0);
    for (let i = 1; i <= maxUndoSteps + 50; i++) h = recordEdit(h, i, null, i * 10_000);
    expect(h.past.length).toBe(maxUndoSteps);
    h = undo(h);
    h = recordEdit(h, -1, null, 10 ** 9);
    expect(h.future).toEqual([]);
  });
});
