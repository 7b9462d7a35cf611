/**
 * The prototype snapshot catches every kind of change a polluting parser could make, restores the
 * prototypes afterwards, and the fuzz runner fails a property whose predicate pollutes.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fuzz } from './fuzz-runner';
import { snapshotPrototypes, type PrototypeSnapshot } from './prototype-snapshot';

const originalToString = Object.prototype.toString;
const originalMap = Array.prototype.map;
const originalCall = Function.prototype.call;

let guard: PrototypeSnapshot;
beforeEach(() => {
  guard = snapshotPrototypes();
});
afterEach(() => {
  // Whatever a failing test left behind, the next test (and file) starts clean.
  guard.restore();
  vi.restoreAllMocks();
});

describe('the prototype snapshot', () => {
  it('sees no difference when nothing changed', () => {
    const snapshot = snapshotPrototypes();
    expect(snapshot.diff()).toEqual([]);
    expect(() => snapshot.assertUnchanged()).not.toThrow();
  });

  it('catches (a) a new member, such as Object.prototype.polluted, and removes it', () => {
    const snapshot = snapshotPrototypes();
    (Object.prototype as Record<string, unknown>)['polluted'] = true;
    expect(snapshot.diff()).toEqual([expect.objectContaining({ object: 'Object.prototype', member: 'polluted', change: 'added' })]);
    expect(() => snapshot.assertUnchanged('case 7')).toThrow(/Object\.prototype\.polluted added.*\n[\s\S]*restored/);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(snapshot.diff()).toEqual([]);
  });

  it('catches (b) an overwritten existing member, such as Object.prototype.toString, which a list of names misses, and puts it back', () => {
    const snapshot = snapshotPrototypes();
    const namesBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
    Object.prototype.toString = () => 'pwned';
    // The old check compared names only: it saw nothing here.
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(namesBefore);
    // vitest's matchers call Object.prototype.toString themselves: look first, check after restoring.
    const differences = snapshot.diff();
    let thrown: unknown = null;
    try {
      snapshot.assertUnchanged();
    } catch (error) {
      thrown = error;
    }
    expect(Object.prototype.toString).toBe(originalToString);
    expect(differences).toEqual([
      { object: 'Object.prototype', member: 'toString', change: 'changed', detail: 'data(function toString, w-c) became data(function <anonymous>, w-c)' },
    ]);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/Object\.prototype\.toString changed/);
    expect(String({})).toBe('[object Object]');
  });

  it('catches (c) a changed descriptor with the same value, and restores the descriptor', () => {
    const snapshot = snapshotPrototypes();
    const before = Object.getOwnPropertyDescriptor(Array.prototype, 'map');
    Object.defineProperty(Array.prototype, 'map', { enumerable: true });
    expect(Array.prototype.map).toBe(originalMap);
    expect(snapshot.diff()).toEqual([expect.objectContaining({ object: 'Array.prototype', member: 'map', change: 'changed' })]);
    snapshot.restore();
    expect(Object.getOwnPropertyDescriptor(Array.prototype, 'map')).toEqual(before);

    Object.defineProperty(Function.prototype, 'call', { writable: false });
    expect(snapshot.diff()).toEqual([expect.objectContaining({ object: 'Function.prototype', member: 'call', change: 'changed' })]);
    snapshot.restore();
    expect(Object.getOwnPropertyDescriptor(Function.prototype, 'call')?.writable).toBe(true);
    expect(Function.prototype.call).toBe(originalCall);

    const getter = () => 1;
    Object.defineProperty(String.prototype, 'length2', { get: getter, configurable: true });
    Object.defineProperty(Number.prototype, 'toFixed', { get: () => originalToString, configurable: true });
    expect(snapshot.diff().map((d) => `${d.object}.${d.member} ${d.change}`)).toEqual(['String.prototype.length2 added', 'Number.prototype.toFixed changed']);
    snapshot.restore();
    expect((1.5).toFixed(1)).toBe('1.5');
    expect(snapshot.diff()).toEqual([]);
  });

  it('catches deleted members and symbol-keyed members', () => {
    const snapshot = snapshotPrototypes();
    const iterator = Array.prototype[Symbol.iterator];
    delete (Array.prototype as unknown as Record<symbol, unknown>)[Symbol.iterator];
    const marker = Symbol('marker');
    (Object.prototype as unknown as Record<symbol, unknown>)[marker] = 1;
    // Arrays are not iterable until restored: collect the findings first, check them after.
    const differences = snapshot.diff();
    const unrestored = snapshot.restore();
    expect(differences.map((d) => `${d.object}.${d.member} ${d.change}`).sort()).toEqual([
      'Array.prototype.Symbol(Symbol.iterator) removed',
      'Object.prototype.Symbol(marker) added',
    ]);
    expect(unrestored).toEqual([]);
    expect(Array.prototype[Symbol.iterator]).toBe(iterator);
    expect([...[1, 2]]).toEqual([1, 2]);
  });
});

describe('the fuzz runner', () => {
  it('fails a property whose code under test pollutes Object.prototype, with seed and path, and the suite survives', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A toy parser with the classic bug: a merge that follows "__proto__" into Object.prototype.
    const naiveMerge = (target: Record<string, unknown>, source: Record<string, unknown>): void => {
      for (const key of Object.keys(source)) {
        const value = source[key];
        if (value !== null && typeof value === 'object') {
          const inner = (target[key] ??= {}) as Record<string, unknown>;
          naiveMerge(inner, value as Record<string, unknown>);
        } else target[key] = value;
      }
    };
    const pollutingParse = (text: string): unknown => {
      const result = {};
      naiveMerge(result, JSON.parse(text) as Record<string, unknown>);
      return result;
    };
    const payload = fc.constantFrom('{"a":1}', '{"__proto__":{"polluted":true}}', '{"b":{"c":2}}');
    const run = fuzz('toy polluting parser', payload, (text) => void pollutingParse(text), { runs: 50, caseLimitMs: 1000 });
    await expect(run).rejects.toThrow(/seed: -?\d+, path: "\d+[:\d]*"[\s\S]*Object\.prototype\.polluted added/);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/toy polluting parser: case \d+ failed \(seed=-?\d+\); replay: FUZZ_SEED=-?\d+ FUZZ_PATH=\d+/));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('fails a property whose code under test overwrites an existing member', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const overwrite = (text: string): void => {
      if (text.includes('toString')) Object.assign(Object.prototype, { toString: () => 'hijacked' });
    };
    await expect(fuzz('toy overwriting parser', fc.constantFrom('x', 'toString'), overwrite, { runs: 20, caseLimitMs: 1000 })).rejects.toThrow(
      /Object\.prototype\.toString changed/,
    );
    expect(Object.prototype.toString).toBe(originalToString);
  });

  it('fails a case that takes longer than its limit', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const slow = (n: number): void => {
      const until = performance.now() + (n > 5 ? 60 : 0);
      while (performance.now() < until) {
        // busy: a synchronous case cannot be interrupted, only measured
      }
    };
    await expect(fuzz('toy slow parser', fc.integer({ min: 0, max: 10 }), slow, { runs: 30, caseLimitMs: 30, endOnFailure: true })).rejects.toThrow(
      /more than the 30 ms allowed/,
    );
  });

  it('passes a clean property and counts its cases', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const report = await fuzz('toy clean parser', fc.json(), (text) => void JSON.parse(text), { runs: 100, caseLimitMs: 1000 });
    expect(report).toMatchObject({ runs: 100, cases: 100 });
  });
});
