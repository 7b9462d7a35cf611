/**
 * A member-by-member snapshot of the built-in prototypes, for the fuzz tests: after each case the
 * prototypes are compared with the snapshot taken before, and any difference is reported and undone.
 *
 * Compared for every watched object: its own property names and symbols, and for each member the
 * whole descriptor (value or get/set by identity, writable, enumerable, configurable); also its
 * [[Prototype]] and whether it is extensible. So it catches a new member (`Object.prototype.polluted`),
 * an overwritten existing one (`Object.prototype.toString = …`, which a check of names alone misses),
 * a deleted one, and a changed descriptor (a member made enumerable, read-only or an accessor).
 *
 * `restore()` puts back every member as it was and deletes new ones, so one polluting case does not
 * poison the rest of the suite. (A prototype made non-extensible, or a member made non-configurable,
 * cannot be undone in JavaScript; `restore()` then reports what it could not undo.)
 */

type Key = string | symbol;

// Captured once: a case that replaced Array.prototype.map or deleted Array.prototype[Symbol.iterator]
// must not break the code that notices it. The compare and restore paths below use only these and
// plain indexed loops (no for…of, spread or array methods on the watched prototypes).
const ownKeys = Reflect.ownKeys;
const getOwnDescriptor = Reflect.getOwnPropertyDescriptor;
const defineProperty = Reflect.defineProperty;
const deleteProperty = Reflect.deleteProperty;
const getPrototypeOf = Reflect.getPrototypeOf;
const setPrototypeOf = Reflect.setPrototypeOf;
const isExtensible = Reflect.isExtensible;
const apply = Reflect.apply;
const hasOwn = Object.hasOwn;
const same = Object.is;
const createNullObject = Object.create;
const symbolToString = Symbol.prototype.toString;

interface ObjectSnapshot {
  readonly name: string;
  readonly target: object;
  readonly prototype: object | null;
  readonly extensible: boolean;
  readonly keys: readonly Key[];
  /** Descriptors in the order of `keys`, for the fast path when nothing moved. */
  readonly descriptors: readonly PropertyDescriptor[];
  /** Null-prototype record: key → descriptor, looked up without touching any prototype. */
  readonly members: Record<Key, PropertyDescriptor>;
}

export interface PrototypeDifference {
  /** e.g. `Object.prototype` */
  readonly object: string;
  /** e.g. `toString`, `Symbol(Symbol.iterator)`, or `[[Prototype]]` */
  readonly member: string;
  readonly change: 'added' | 'removed' | 'changed' | 'prototype' | 'extensible';
  readonly detail: string;
}

export interface PrototypeSnapshot {
  /** Every difference between the watched objects now and when the snapshot was taken. */
  diff(): PrototypeDifference[];
  /** Undoes every difference it can; returns what it could not undo (empty when all is restored). */
  restore(): string[];
  /** Throws a readable error listing the differences (after restoring), naming `context` (e.g. the fuzz case). */
  assertUnchanged(context?: string): void;
}

/**
 * The objects watched by default: the three the issue names, the other built-in prototypes, a few
 * constructors, and the methods of Object.prototype and Array.prototype themselves (`{}[name][key] = …`
 * with `name` = `toString` writes onto that function). All cheap to compare.
 */
export function watchedPrototypes(): Record<string, object> {
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
  const methods: Record<string, object> = {};
  for (const [owner, target] of [
    ['Object.prototype', Object.prototype],
    ['Array.prototype', Array.prototype],
  ] as const) {
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (typeof descriptor?.value === 'function') methods[`${owner}.${keyText(key)}`] = descriptor.value as object;
    }
  }
  return {
    ...methods,
    'Object.prototype': Object.prototype,
    'Array.prototype': Array.prototype,
    'Function.prototype': Function.prototype,
    'String.prototype': String.prototype,
    'Number.prototype': Number.prototype,
    'Boolean.prototype': Boolean.prototype,
    'Symbol.prototype': Symbol.prototype,
    'BigInt.prototype': BigInt.prototype,
    'RegExp.prototype': RegExp.prototype,
    'Date.prototype': Date.prototype,
    'Error.prototype': Error.prototype,
    'Promise.prototype': Promise.prototype,
    'Map.prototype': Map.prototype,
    'Set.prototype': Set.prototype,
    'TypedArray.prototype': typedArrayPrototype,
    'Uint8Array.prototype': Uint8Array.prototype,
    'ArrayBuffer.prototype': ArrayBuffer.prototype,
    Object,
    Array,
    JSON,
    Reflect,
  };
}

function keyText(key: Key): string {
  return typeof key === 'symbol' ? (apply(symbolToString, key, []) as string) : key;
}

function functionName(fn: unknown): string {
  const name = getOwnDescriptor(fn as object, 'name')?.value as unknown;
  return typeof name === 'string' && name !== '' ? name : '<anonymous>';
}

function describeDescriptor(descriptor: PropertyDescriptor): string {
  const flags = `${descriptor.enumerable ? 'e' : '-'}${descriptor.configurable ? 'c' : '-'}`;
  if (hasOwn(descriptor, 'value') || hasOwn(descriptor, 'writable')) {
    const value = descriptor.value as unknown;
    const shown =
      typeof value === 'function'
        ? `function ${functionName(value)}`
        : typeof value === 'object' && value !== null
          ? 'object'
          : typeof value === 'symbol'
            ? keyText(value)
            : typeof value === 'string'
              ? JSON.stringify(value)
              : `${value as number}`;
    return `data(${shown}, ${descriptor.writable ? 'w' : '-'}${flags})`;
  }
  return `accessor(get ${descriptor.get ? 'fn' : 'none'}, set ${descriptor.set ? 'fn' : 'none'}, ${flags})`;
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    same(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    // A data descriptor's `writable` is a boolean, an accessor's is absent: this also tells the two kinds apart.
    a.configurable === b.configurable
  );
}

function takeObject(name: string, target: object): ObjectSnapshot {
  const keys = ownKeys(target);
  const members = createNullObject(null) as Record<Key, PropertyDescriptor>;
  const descriptors: PropertyDescriptor[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as Key;
    const descriptor = getOwnDescriptor(target, key) as PropertyDescriptor;
    descriptors[i] = descriptor;
    defineProperty(members, key, { value: descriptor, enumerable: true, writable: true, configurable: true });
  }
  return { name, target, prototype: getPrototypeOf(target), extensible: isExtensible(target), keys, descriptors, members };
}

/** The common case, cheaply: the same keys in the same order, each with the same descriptor. */
function unchanged(before: ObjectSnapshot): boolean {
  const { target, keys, descriptors } = before;
  const nowKeys = ownKeys(target);
  if (nowKeys.length !== keys.length) return false;
  for (let i = 0; i < nowKeys.length; i++) {
    const key = nowKeys[i] as Key;
    if (key !== keys[i]) return false;
    const now = getOwnDescriptor(target, key);
    if (now === undefined || !sameDescriptor(descriptors[i] as PropertyDescriptor, now)) return false;
  }
  return getPrototypeOf(target) === before.prototype && isExtensible(target) === before.extensible;
}

function diffObject(before: ObjectSnapshot, differences: PrototypeDifference[]): void {
  if (unchanged(before)) return;
  const { name, target } = before;
  const push = (difference: PrototypeDifference): void => {
    defineProperty(differences, differences.length, { value: difference, enumerable: true, writable: true, configurable: true });
  };
  const nowKeys = ownKeys(target);
  const present = createNullObject(null) as Record<Key, true>;
  let added = false;
  for (let i = 0; i < nowKeys.length; i++) {
    const key = nowKeys[i] as Key;
    defineProperty(present, key, { value: true, enumerable: true, writable: true, configurable: true });
    const now = getOwnDescriptor(target, key);
    if (now === undefined) continue;
    const was = hasOwn(before.members, key) ? before.members[key] : undefined;
    if (was === undefined) {
      added = true;
      push({ object: name, member: keyText(key), change: 'added', detail: `new member ${describeDescriptor(now)}` });
    } else if (!sameDescriptor(was, now))
      push({ object: name, member: keyText(key), change: 'changed', detail: `${describeDescriptor(was)} became ${describeDescriptor(now)}` });
  }
  if (added || nowKeys.length !== before.keys.length) {
    for (let i = 0; i < before.keys.length; i++) {
      const key = before.keys[i] as Key;
      if (!hasOwn(present, key)) push({ object: name, member: keyText(key), change: 'removed', detail: 'member deleted' });
    }
  }
  if (getPrototypeOf(target) !== before.prototype) push({ object: name, member: '[[Prototype]]', change: 'prototype', detail: 'prototype replaced' });
  if (isExtensible(target) !== before.extensible) push({ object: name, member: '[[Extensible]]', change: 'extensible', detail: 'made non-extensible' });
}

function restoreObject(before: ObjectSnapshot, failures: string[]): void {
  const { name, target } = before;
  const fail = (text: string): void => {
    defineProperty(failures, failures.length, { value: text, enumerable: true, writable: true, configurable: true });
  };
  const nowKeys = ownKeys(target);
  for (let i = 0; i < nowKeys.length; i++) {
    const key = nowKeys[i] as Key;
    if (!hasOwn(before.members, key) && !deleteProperty(target, key)) fail(`${name}.${keyText(key)}: cannot delete (non-configurable)`);
  }
  for (let i = 0; i < before.keys.length; i++) {
    const key = before.keys[i] as Key;
    const descriptor = before.members[key];
    if (descriptor === undefined) continue;
    const now = getOwnDescriptor(target, key);
    if (now !== undefined && sameDescriptor(descriptor, now)) continue;
    if (!defineProperty(target, key, descriptor)) fail(`${name}.${keyText(key)}: cannot restore (non-configurable)`);
  }
  if (getPrototypeOf(target) !== before.prototype && !setPrototypeOf(target, before.prototype)) fail(`${name}: cannot restore its prototype`);
  if (before.extensible && !isExtensible(target)) fail(`${name}: cannot be made extensible again`);
}

export function formatDifferences(differences: readonly PrototypeDifference[]): string {
  return differences.map((d) => `${d.object}.${d.member} ${d.change}: ${d.detail}`).join('\n');
}

export function snapshotPrototypes(targets: Record<string, object> = watchedPrototypes()): PrototypeSnapshot {
  const names = Object.keys(targets);
  const snapshots: ObjectSnapshot[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    snapshots[i] = takeObject(name, targets[name] as object);
  }
  const diff = (): PrototypeDifference[] => {
    const differences: PrototypeDifference[] = [];
    for (let i = 0; i < snapshots.length; i++) diffObject(snapshots[i] as ObjectSnapshot, differences);
    return differences;
  };
  const restore = (): string[] => {
    const failures: string[] = [];
    for (let i = 0; i < snapshots.length; i++) restoreObject(snapshots[i] as ObjectSnapshot, failures);
    return failures;
  };
  return {
    diff,
    restore,
    assertUnchanged(context?: string) {
      const differences = diff();
      if (differences.length === 0) return;
      // Restore first: the message below uses Array.prototype.map and join, which the case may have replaced.
      const unrestored = restore();
      const where = context === undefined ? '' : ` after ${context}`;
      const tail = unrestored.length > 0 ? `\nNot restored:\n${unrestored.join('\n')}` : '\n(restored for the remaining cases)';
      throw new Error(`Built-in prototypes were modified${where}:\n${formatDifferences(differences)}${tail}`);
    },
  };
}
