/**
 * Fuzzing every IPC channel through the real dispatcher (`createIpcDispatcher`), over a recording
 * fake of the main-process API and fake sender frames, as electron/ipc/dispatcher.test.ts does.
 *
 * Payloads are what a compromised page could send: structured clones of anything (the IPC transport
 * copies values that way), valid payloads mutated (wrong types, extra or missing arguments, extra
 * keys, `__proto__` keys, strings one past their limit, boxed strings, typed arrays of the wrong kind),
 * and valid payloads. Whatever arrives, the dispatcher answers with a typed result and never throws;
 * it calls the API only from a trusted frame, only for a channel of the contract, and only with a
 * payload that a hand-written check of the contract (independent of the zod schemas) accepts; and it
 * lets every such payload through.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import type { MainDeskHandlers } from '../../electron/ipc/main-desk-api';
import { DeskError, deskRequestNames, payloadLimits, type DeskErrorCode, type DeskRequest, type IpcResult } from '../../shared/platform/desk-api';
import { ipcArgumentSchemas } from '../../shared/platform/ipc-channels';
import { viewIds } from '../../shared/settings/settings';
import { FUZZ_TEST_TIMEOUT_MS, fuzz } from './fuzz-runner';

const CASE_LIMIT_MS = 2000;
const trustedUrl = 'app://scenario-desk/index.html';
const knownCodes = new Set<DeskErrorCode>(['invalid-payload', 'forbidden-sender', 'not-found', 'too-large', 'io-failed', 'unknown']);

// ---------------------------------------------------------------------------------------------
// The contract, written out by hand from shared/platform/desk-api.ts (not from the zod schemas).

type Check = (value: unknown) => boolean;

const isPlainRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Lengths in code points, as the contract's zod schemas count them (a surrogate pair is one character). */
function codePoints(v: string): number {
  let count = 0;
  for (let i = 0; i < v.length; i++, count++) {
    const unit = v.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < v.length && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return count;
}
// A string never has more code points than units, nor fewer than half of them: count only when that leaves doubt.
const text =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'string' && (v.length >= 2 * min || codePoints(v) >= min) && (v.length <= max || codePoints(v) <= max);
const oneOf =
  (...allowed: string[]): Check =>
  (v) =>
    typeof v === 'string' && allowed.includes(v);
const bool: Check = (v) => typeof v === 'boolean';
const nullable =
  (inner: Check): Check =>
  (v) =>
    v === null || inner(v);
const workspaceId: Check = (v) => typeof v === 'string' && v.length >= 1 && v.length <= 100 && /^[A-Za-z0-9_-]+$/.test(v);
const workspaceText = text(0, payloadLimits.workspaceTextChars);

/** An object with exactly these keys (optional ones may be missing or undefined), each valid. */
function exactObject(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (value) => {
    if (!isPlainRecord(value)) return false;
    for (const key of Object.keys(value)) if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) return false;
    for (const [key, check] of Object.entries(required)) if (!Object.hasOwn(value, key) || !check(value[key])) return false;
    for (const [key, check] of Object.entries(optional)) if (Object.hasOwn(value, key) && value[key] !== undefined && !check(value[key])) return false;
    return true;
  };
}

const settingsPatch = exactObject({}, { language: oneOf('system', 'zh', 'en'), theme: oneOf('system', 'light', 'dark'), lastView: oneOf(...viewIds) });
const exportRequest = exactObject({
  suggestedName: text(1, payloadLimits.nameChars),
  kind: oneOf('xlsx', 'png', 'svg', 'csv', 'json'),
  bytes: (v) => v instanceof Uint8Array && v.byteLength <= payloadLimits.exportBytes,
});
const importKinds: Check = (v) =>
  Array.isArray(v) &&
  v.length >= 1 &&
  v.length <= 3 &&
  Array.from({ length: v.length }, (_, i) => i).every((i) => Object.hasOwn(v, i) && oneOf('csv', 'xlsx', 'sdesk')(v[i]));
const draft = exactObject({
  text: workspaceText,
  entry: nullable(exactObject({ id: workspaceId, name: text(1, 500), modifiedAt: nullable(text(0, 40)) })),
  dirty: bool,
});
const documentState = exactObject({ title: text(0, 300), dirty: bool });

/** The argument list each channel accepts: exactly these arguments, each valid. */
const contract: Record<DeskRequest, readonly Check[]> = {
  getAppInfo: [],
  getSettings: [],
  setSettings: [settingsPatch],
  listWorkspaces: [],
  openWorkspace: [],
  openRecentWorkspace: [workspaceId],
  openWorkspaceBackup: [workspaceId],
  saveWorkspace: [workspaceId, workspaceText],
  saveWorkspaceAs: [text(1, payloadLimits.nameChars), workspaceText],
  saveExport: [exportRequest],
  pickImportFile: [importKinds],
  loadDraft: [],
  saveDraft: [draft],
  setAsideDraft: [],
  setDocumentState: [documentState],
};

function contractAccepts(fn: DeskRequest, args: unknown): boolean {
  const checks = contract[fn];
  if (!Array.isArray(args) || args.length !== checks.length) return false;
  return checks.every((check, index) => Object.hasOwn(args, index) && check(args[index]));
}

/** Same as the contract sees it: own keys whose value is undefined are as good as missing. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (!isPlainRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    if (v !== undefined) Object.defineProperty(out, key, { value: withoutUndefined(v), enumerable: true, writable: true, configurable: true });
  return out;
}

/** The sender rule, as the security checklist states it: the app's own page, `app://scenario-desk/…`. */
function senderTrusted(url: unknown): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'app:' && parsed.hostname === 'scenario-desk' && parsed.port === '';
}

// ---------------------------------------------------------------------------------------------
// The fake main process: records every call and answers as the case says.

type Behaviour =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'desk-error'; readonly code: DeskErrorCode; readonly message: string }
  | { readonly kind: 'errno'; readonly code: string }
  | { readonly kind: 'throw'; readonly value: unknown };

const secretPath = '/home/analyst/secret/plan.sdesk';

function recordingApi(behaviour: Behaviour): { api: MainDeskHandlers; calls: { fn: string; args: unknown[] }[] } {
  const calls: { fn: string; args: unknown[] }[] = [];
  const answer =
    (fn: string) =>
    async (...args: unknown[]): Promise<never> => {
      calls.push({ fn, args });
      switch (behaviour.kind) {
        case 'value':
          return behaviour.value as never;
        case 'desk-error':
          throw new DeskError(behaviour.code, behaviour.message);
        case 'errno':
          throw Object.assign(new Error(`${behaviour.code}: failed, open '${secretPath}'`), { code: behaviour.code });
        case 'throw':
          throw behaviour.value;
      }
    };
  const api = Object.fromEntries(deskRequestNames.map((fn) => [fn, answer(fn)])) as unknown as MainDeskHandlers;
  return { api, calls };
}

const behaviourArbitrary: fc.Arbitrary<Behaviour> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('value' as const), value: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 })) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('desk-error' as const),
      code: fc.constantFrom(...knownCodes),
      message: fc.constantFrom('That workspace is not in the recent list.', 'The workspace file is larger than 20 MB.'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('errno' as const),
      code: fc.constantFrom('ENOENT', 'EACCES', 'EPERM', 'EBUSY', 'ENOSPC', 'EROFS', 'EISDIR', 'EMFILE', 'ELOOP'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('throw' as const),
      value: fc.constantFrom<unknown>(
        null,
        undefined,
        0,
        '',
        `boom at ${secretPath}:10:5`,
        { code: 'ENOENT' },
        { code: 42 },
        new TypeError(`Cannot read properties of undefined at /opt/app/main.mjs:10:5`),
        new RangeError('Maximum call stack size exceeded'),
      ),
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// Payloads.

const oddKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
  'length',
  '0',
  '',
  'language',
  'text',
  'bytes',
  'entry',
  'dirty',
);

/** Values of every kind a structured clone can carry, and some it cannot (a raw call of the dispatcher must survive those too). */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.anything({
      maxDepth: 3,
      maxKeys: 4,
      key: fc.oneof(oddKey, fc.string({ maxLength: 6 })),
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withUnicodeString: true,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      NaN,
      -0,
      Infinity,
      -Infinity,
      1e308,
      5e-324,
      2 ** 53,
      -1,
      0,
      1,
      true,
      false,
      null,
      undefined,
      '',
      ' ',
      'en',
      'zh',
      'system',
      'light',
      'dark',
      'csv',
      'xlsx',
      'sdesk',
      'exe',
      'a'.repeat(100),
      'a'.repeat(101),
      'n'.repeat(200),
      'n'.repeat(201),
      't'.repeat(300),
      't'.repeat(301),
      'e'.repeat(500),
      'e'.repeat(501),
      'm'.repeat(40),
      'm'.repeat(41),
      '𝟙'.repeat(200),
      '𝟙'.repeat(201),
      '𝟙'.repeat(300),
      '𝟙'.repeat(301),
      `${'n'.repeat(199)}\ud800`,
      `${'n'.repeat(199)}\ud800\udc00`,
      '\udc00'.repeat(201),
      { length: Object.create(null) },
      { length: 1 },
      { length: '1' },
      { length: 10n },
      'id with spaces',
      '../../etc/passwd',
      'C:\\Windows\\win.ini',
      'ok-id_1',
      '\u0000',
      '\ud800',
      'ｉｄ',
      'ǅ',
      new String('en'),
      new Number(1),
      new Boolean(true),
      [],
      [null],
      ['en'],
      {},
      { length: 1, 0: 'csv' },
      new Uint8Array(3),
      new Uint8ClampedArray(3),
      new Int8Array(3),
      new Uint16Array(2),
      new ArrayBuffer(4),
      new DataView(new ArrayBuffer(4)),
      new Map([['language', 'en']]),
      new Set(['csv']),
      new Date(0),
      new Date(NaN),
      /en/,
      10n,
      Object.create(null),
    ),
  },
);

const idArbitrary = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/), fc.constantFrom('a', 'x'.repeat(100), 'ws_0123-abc'));
const nameArbitrary = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
  fc.constantFrom('plan.sdesk', 'n'.repeat(payloadLimits.nameChars)),
);
/** Two 20 MB strings, made once: at and one past the limit. */
const maxText = 'w'.repeat(payloadLimits.workspaceTextChars);
const overMaxText = `${maxText}w`;
const textArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('', '{"formatVersion":2}', maxText) },
);
const bytesArbitrary = fc.oneof(
  fc.uint8Array({ maxLength: 32 }),
  fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)),
);
const entryArbitrary = fc.option(
  fc.record({ id: idArbitrary, name: fc.string({ minLength: 1, maxLength: 30 }), modifiedAt: fc.option(fc.string({ maxLength: 40 }), { nil: null }) }),
  { nil: null },
);

/** A valid argument list for each channel. */
const validArgs: Record<DeskRequest, fc.Arbitrary<unknown[]>> = {
  getAppInfo: fc.constant([]),
  getSettings: fc.constant([]),
  setSettings: fc
    .record(
      { language: fc.constantFrom('system', 'zh', 'en'), theme: fc.constantFrom('system', 'light', 'dark'), lastView: fc.constantFrom(...viewIds) },
      { requiredKeys: [] },
    )
    .map((patch) => [patch]),
  listWorkspaces: fc.constant([]),
  openWorkspace: fc.constant([]),
  openRecentWorkspace: idArbitrary.map((id) => [id]),
  openWorkspaceBackup: idArbitrary.map((id) => [id]),
  saveWorkspace: fc.tuple(idArbitrary, textArbitrary),
  saveWorkspaceAs: fc.tuple(nameArbitrary, textArbitrary),
  saveExport: fc
    .record({ suggestedName: nameArbitrary, kind: fc.constantFrom('xlsx', 'png', 'svg', 'csv', 'json'), bytes: bytesArbitrary })
    .map((request) => [request]),
  pickImportFile: fc.array(fc.constantFrom('csv', 'xlsx', 'sdesk'), { minLength: 1, maxLength: 3 }).map((kinds) => [kinds]),
  loadDraft: fc.constant([]),
  saveDraft: fc.record({ text: textArbitrary, entry: entryArbitrary, dirty: fc.boolean() }).map((d) => [d]),
  setAsideDraft: fc.constant([]),
  setDocumentState: fc.record({ title: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('t'.repeat(300))), dirty: fc.boolean() }).map((s) => [s]),
};

type ValueMutation =
  | { readonly type: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly type: 'add-key'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly type: 'delete'; readonly at: number }
  | { readonly type: 'extra-argument'; readonly value: unknown }
  | { readonly type: 'drop-argument' }
  | { readonly type: 'one-more-char'; readonly at: number }
  | { readonly type: 'box'; readonly at: number };

const valueMutation: fc.Arbitrary<ValueMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('replace' as const), at: fc.nat(), value: oddValue }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('add-key' as const), at: fc.nat(), key: oddKey, value: oddValue }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('extra-argument' as const), value: oddValue }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('drop-argument' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('one-more-char' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('box' as const), at: fc.nat() }) },
);

interface Slot {
  readonly holder: Record<string | number, unknown> | unknown[];
  readonly key: string | number;
}

/** Every (container, key) in a payload, arrays and plain objects only, a few levels deep. */
function slots(root: unknown[]): Slot[] {
  const out: Slot[] = [];
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > 4) continue;
    if (Array.isArray(value)) value.forEach((child, index) => (out.push({ holder: value, key: index }), stack.push({ value: child, depth: depth + 1 })));
    else if (isPlainRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
      for (const key of Object.keys(value)) {
        out.push({ holder: value, key });
        stack.push({ value: value[key], depth: depth + 1 });
      }
    }
  }
  return out;
}

function setOwn(holder: object, key: string | number, value: unknown): void {
  // defineProperty, not assignment: `__proto__` becomes an own key, as JSON.parse and a structured clone make it.
  // (Reflect's returns false rather than throwing where the key cannot be defined, e.g. an index of a boxed string.)
  Reflect.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
}

function structuredCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(structuredCopy) as T;
  if (value instanceof Uint8Array) return (Buffer.isBuffer(value) ? Buffer.from(value) : new Uint8Array(value)) as T;
  if (isPlainRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const out = {};
    for (const key of Object.keys(value)) setOwn(out, key, structuredCopy(value[key]));
    return out as T;
  }
  return value;
}

function applyMutations(args: unknown[], mutations: readonly ValueMutation[]): unknown[] {
  const payload = structuredCopy(args);
  for (const m of mutations) {
    const all = slots(payload);
    const slot = 'at' in m && all.length > 0 ? all[m.at % all.length] : undefined;
    switch (m.type) {
      case 'replace':
        if (slot) setOwn(slot.holder, slot.key, m.value);
        else if (payload.length === 0) payload.push(m.value);
        break;
      case 'add-key': {
        const isPlain = (h: unknown): h is Record<string, unknown> => isPlainRecord(h) && Object.getPrototypeOf(h) === Object.prototype;
        const objects = all.map((s) => s.holder).filter(isPlain);
        const first = payload[0];
        const target = objects.length > 0 ? objects[m.at % objects.length] : isPlain(first) ? first : undefined;
        if (target) setOwn(target, m.key, m.value);
        break;
      }
      case 'delete':
        if (slot && Array.isArray(slot.holder)) slot.holder.splice(slot.key as number, 1);
        else if (slot) delete (slot.holder as Record<string, unknown>)[slot.key];
        break;
      case 'extra-argument':
        payload.push(m.value);
        break;
      case 'drop-argument':
        payload.pop();
        break;
      case 'one-more-char': {
        const strings = all.filter((s) => typeof (s.holder as Record<string | number, unknown>)[s.key] === 'string');
        const target = strings.length > 0 ? strings[m.at % strings.length] : undefined;
        if (target) {
          const current = (target.holder as Record<string | number, unknown>)[target.key] as string;
          setOwn(target.holder, target.key, current === maxText ? overMaxText : `${current}x`);
        }
        break;
      }
      case 'box': {
        const strings = all.filter((s) => typeof (s.holder as Record<string | number, unknown>)[s.key] === 'string');
        const target = strings.length > 0 ? strings[m.at % strings.length] : undefined;
        if (target) setOwn(target.holder, target.key, new String((target.holder as Record<string | number, unknown>)[target.key] as string));
        break;
      }
    }
  }
  return payload;
}

/** What the IPC transport delivers: a structured clone (own `__proto__` keys survive; prototypes, functions and symbols do not). */
function overIpc(payload: unknown): unknown {
  try {
    return structuredClone(payload);
  } catch {
    return payload;
  }
}

const senderArbitrary: fc.Arbitrary<string | null | undefined> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      trustedUrl,
      'app://scenario-desk/',
      'app://scenario-desk',
      'app://scenario-desk/index.html?x=1#top',
      'app://scenario-desk/a/b/../index.html',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | null | undefined>(
      null,
      undefined,
      '',
      ' app://scenario-desk/',
      'app://scenario-desk.evil.com/',
      'app://evil/',
      'app://scenario-desk:443/',
      'app://scenario-desk:/',
      'APP://scenario-desk/',
      'app://SCENARIO-DESK/',
      'app://scenario%2Ddesk/',
      'app:scenario-desk',
      'app:///scenario-desk/',
      'http://scenario-desk/',
      'https://scenario-desk/',
      'file:///opt/app/index.html',
      'https://example.com/',
      'devtools://devtools/',
      'about:blank',
      'data:text/html,x',
      'app://scenario-desk\\@evil/',
      'app://evil\\@scenario-desk/',
      'app://xn--scenario-desk/',
      'javascript:alert(1)',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })) },
);

const unknownChannel = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'onMenuCommand', 'getappinfo', 'desk:getAppInfo', '', 'invoke'),
  fc.string({ maxLength: 16 }),
);

interface IpcCase {
  fn: string;
  sender: string | null | undefined;
  payload: unknown;
  cloned: boolean;
  behaviour: Behaviour;
}

function caseFor(fn: DeskRequest): fc.Arbitrary<IpcCase> {
  const payload = fc.oneof(
    { weight: 3, arbitrary: validArgs[fn] },
    {
      weight: 5,
      arbitrary: fc.tuple(validArgs[fn], fc.array(valueMutation, { minLength: 1, maxLength: 3 })).map(([args, list]) => applyMutations(args, list)),
    },
    { weight: 2, arbitrary: fc.array(oddValue, { maxLength: 3 }) },
    { weight: 1, arbitrary: oddValue },
  );
  return fc.record({ fn: fc.constant(fn), sender: senderArbitrary, payload, cloned: fc.boolean(), behaviour: behaviourArbitrary });
}

type Outcome = 'unknown-channel' | 'forbidden-sender' | 'invalid-payload' | 'called';

async function checkDispatch(c: IpcCase): Promise<Outcome> {
  const { api, calls } = recordingApi(c.behaviour);
  const dispatch = createIpcDispatcher(api);
  const payload = c.cloned ? overIpc(c.payload) : c.payload;
  // Never a rejection: whatever the input, a typed result.
  const result: IpcResult<unknown> = await dispatch(c.fn as DeskRequest, c.sender, payload as unknown[]);
  const known = Object.hasOwn(contract, c.fn);
  const trusted = senderTrusted(c.sender);
  const valid = known && contractAccepts(c.fn as DeskRequest, payload);

  if (!result.ok) {
    if (!knownCodes.has(result.error.code)) throw new Error(`unknown error code ${JSON.stringify(result.error.code)}`);
    if (typeof result.error.message !== 'string' || result.error.message.trim() === '') throw new Error('an error without a message');
    const shown = JSON.stringify(result);
    if (shown.includes('/home/analyst') || shown.includes('/opt/app') || /\bat \S+:\d+:\d+/.test(shown))
      throw new Error(`a path or stack crossed IPC: ${shown}`);
  }
  if (!known || !trusted || !valid) {
    // Refused before the API: nothing reached the main process.
    expect(calls).toEqual([]);
    expect(result.ok).toBe(false);
    const expected: DeskErrorCode = !known ? 'invalid-payload' : !trusted ? 'forbidden-sender' : 'invalid-payload';
    expect(result.ok ? null : result.error.code).toBe(expected);
    if (known && trusted && !result.ok) expect(result.error.message.startsWith(`${c.fn}: `)).toBe(true);
    return !known ? 'unknown-channel' : !trusted ? 'forbidden-sender' : 'invalid-payload';
  }
  // A valid call reaches the API once, with a payload the contract accepts and equal to what was sent.
  expect(calls).toHaveLength(1);
  const [call] = calls;
  expect(call?.fn).toBe(c.fn);
  expect(contractAccepts(c.fn as DeskRequest, call?.args)).toBe(true);
  expect(isDeepStrictEqual(withoutUndefined(call?.args), withoutUndefined(payload))).toBe(true);
  expect(ipcArgumentSchemas[c.fn as DeskRequest].safeParse(call?.args).success).toBe(true);
  const b = c.behaviour;
  if (b.kind === 'value') {
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBe(b.value);
  } else if (b.kind === 'desk-error') {
    expect(result).toEqual({ ok: false, error: { code: b.code, message: b.message } });
  } else if (b.kind === 'errno') {
    const code = b.code === 'ENOENT' ? 'not-found' : ['EACCES', 'EPERM', 'EBUSY', 'ENOSPC', 'EROFS'].includes(b.code) ? 'io-failed' : 'unknown';
    expect(result.ok ? null : result.error.code).toBe(code);
  } else {
    const code = (b.value as { code?: unknown } | null | undefined)?.code === 'ENOENT' ? 'not-found' : 'unknown';
    expect(result.ok ? null : result.error.code).toBe(code);
  }
  return 'called';
}

/** Runs the cases and logs how they ended, so a generator that stopped reaching the API (or stopped being refused) shows. */
async function fuzzDispatch(target: string, arbitrary: fc.Arbitrary<IpcCase>, runs: number): Promise<Record<Outcome, number>> {
  const outcomes: Record<Outcome, number> = { 'unknown-channel': 0, 'forbidden-sender': 0, 'invalid-payload': 0, called: 0 };
  await fuzz(target, arbitrary, async (c) => void outcomes[await checkDispatch(c)]++, { runs, caseLimitMs: CASE_LIMIT_MS });
  console.log(`fuzz ${target}: outcomes ${JSON.stringify(outcomes)}`);
  return outcomes;
}

describe('fuzz: every IPC channel through the real dispatcher', () => {
  it('has a hand-written contract and a generator for every channel of ipcArgumentSchemas', () => {
    expect(Object.keys(contract).sort()).toEqual(Object.keys(ipcArgumentSchemas).sort());
    expect(Object.keys(validArgs).sort()).toEqual(Object.keys(ipcArgumentSchemas).sort());
  });

  for (const fn of deskRequestNames) {
    it(
      `${fn}: arbitrary payloads from any frame get a typed answer; only valid ones from the app reach the API, unchanged`,
      async () => {
        const outcomes = await fuzzDispatch(`IPC ${fn}`, caseFor(fn), 300);
        // Both sides are exercised: valid calls that go through, and refusals of bad payloads and frames.
        expect(outcomes.called).toBeGreaterThan(0);
        expect(outcomes['invalid-payload']).toBeGreaterThan(0);
        expect(outcomes['forbidden-sender']).toBeGreaterThan(0);
      },
      FUZZ_TEST_TIMEOUT_MS,
    );
  }

  it(
    'channels outside the contract, and payloads that are not argument lists at all',
    async () => {
      const arbitrary = fc.record({
        fn: fc.oneof(unknownChannel, fc.constantFrom(...deskRequestNames)),
        sender: senderArbitrary,
        payload: fc.oneof(oddValue, fc.array(oddValue, { maxLength: 3 })),
        cloned: fc.boolean(),
        behaviour: behaviourArbitrary,
      });
      const outcomes = await fuzzDispatch('IPC unknown channels and non-list payloads', arbitrary, 500);
      expect(outcomes['unknown-channel']).toBeGreaterThan(0);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it('a payload with an own __proto__ key, as JSON.parse and a structured clone make it, is refused on every channel with an object argument and pollutes nothing', async () => {
    const withProto = (fields: Record<string, unknown>): unknown => {
      const value = {};
      for (const [key, field] of Object.entries(fields)) setOwn(value, key, field);
      setOwn(value, '__proto__', { polluted: true });
      return structuredClone(value);
    };
    const { api, calls } = recordingApi({ kind: 'value', value: null });
    const dispatch = createIpcDispatcher(api);
    const cases: Array<[DeskRequest, unknown[]]> = [
      ['setSettings', [withProto({ language: 'en' })]],
      ['saveExport', [withProto({ suggestedName: 'x', kind: 'png', bytes: new Uint8Array(1) })]],
      ['saveDraft', [withProto({ text: '', entry: null, dirty: false })]],
      ['setDocumentState', [withProto({ title: 't', dirty: false })]],
    ];
    for (const [fn, args] of cases) {
      expect(Object.hasOwn(args[0] as object, '__proto__')).toBe(true);
      expect(await dispatch(fn, trustedUrl, args)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
