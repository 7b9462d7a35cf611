// Mutation check of the main-process wiring: weakens one security call or flag at a time and
// shows that a unit test fails each time. Every mutation is made in a scratch copy of the
// sources under the system temp folder, never in the working tree, so other work in the tree
// (and test runs there) cannot see a mutated file.
//
//   node scripts/mutation-check-main.mjs            every mutation
//   node scripts/mutation-check-main.mjs sandbox    only mutations whose id contains "sandbox"
//
// Prints a table mutation → killed/survived with the failing tests, and exits 1 if any
// mutation survived or no longer applies (its source text was not found: update the list).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wiring = 'electron/app/start-main-process.ts';
const windowOptions = 'electron/security/window-options.ts';
const wiringTest = 'electron/app/start-main-process.test.ts';
const windowOptionsTest = 'electron/security/window-options.test.ts';

/** One edit: `from` must occur exactly once in `file`. */
const edit = (file, from, to) => ({ file, from, to });
const flip = (file, flag, from, to) => edit(file, `      ${flag}: ${from},\n`, `      ${flag}: ${to},\n`);

const flags = [
  ['sandbox', 'true', 'false'],
  ['contextIsolation', 'true', 'false'],
  ['nodeIntegration', 'false', 'true'],
  ['nodeIntegrationInWorker', 'false', 'true'],
  ['nodeIntegrationInSubFrames', 'false', 'true'],
  ['webSecurity', 'true', 'false'],
  ['allowRunningInsecureContent', 'false', 'true'],
  ['experimentalFeatures', 'false', 'true'],
  ['webviewTag', 'false', 'true'],
];

const mutations = [
  ...flags.flatMap(([flag, from, to]) => [
    { id: `restated ${flag}: ${from} → ${to} (at new BrowserWindow)`, edits: [flip(wiring, flag, from, to)], tests: [wiringTest] },
    { id: `secureWindowOptions ${flag}: ${from} → ${to}`, edits: [flip(windowOptions, flag, from, to)], tests: [wiringTest, windowOptionsTest] },
  ]),
  {
    id: 'sandbox: true → false in both secureWindowOptions and the restatement',
    edits: [flip(wiring, 'sandbox', 'true', 'false'), flip(windowOptions, 'sandbox', 'true', 'false')],
    tests: [wiringTest, windowOptionsTest],
  },
  { id: "restated disableBlinkFeatures 'Auxclick' removed", edits: [edit(wiring, "      disableBlinkFeatures: 'Auxclick',\n", '')], tests: [wiringTest] },
  {
    id: 'enableBlinkFeatures added at new BrowserWindow',
    edits: [edit(wiring, '      webviewTag: false,\n', "      webviewTag: false,\n      enableBlinkFeatures: 'CSSPseudoHas',\n")],
    tests: [wiringTest],
  },
  { id: 'preload path not passed on', edits: [edit(wiring, '    options.preloadPath,\n', "    '',\n")], tests: [wiringTest] },
  { id: 'app.enableSandbox() removed', edits: [edit(wiring, '  app.enableSandbox();\n', '')], tests: [wiringTest] },
  {
    id: 'app.enableSandbox() called only after ready',
    edits: [
      edit(wiring, '  app.enableSandbox();\n', ''),
      edit(wiring, "  const userData = app.getPath('userData');\n", "  app.enableSandbox();\n  const userData = app.getPath('userData');\n"),
    ],
    tests: [wiringTest],
  },
  {
    id: 'denyAllPermissions(session.defaultSession) removed',
    edits: [edit(wiring, '  denyAllPermissions(session.defaultSession);\n', '')],
    tests: [wiringTest],
  },
  {
    id: 'denyAllPermissions only after the page has loaded',
    edits: [
      edit(wiring, '  denyAllPermissions(session.defaultSession);\n', ''),
      edit(wiring, '  await mainWindow.loadURL(appEntryUrl);\n', '  await mainWindow.loadURL(appEntryUrl);\n  denyAllPermissions(session.defaultSession);\n'),
    ],
    tests: [wiringTest],
  },
  {
    id: 'web-contents-created hook removed',
    edits: [edit(wiring, "  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));\n", '')],
    tests: [wiringTest],
  },
  {
    id: 'web-contents-created hook installed after the window exists',
    edits: [
      edit(wiring, "  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));\n", ''),
      edit(
        wiring,
        '  window = mainWindow;\n',
        "  window = mainWindow;\n  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));\n",
      ),
    ],
    tests: [wiringTest],
  },
  {
    id: 'Content-Security-Policy header removed',
    edits: [
      edit(wiring, "{ 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' }", "{ 'X-Content-Type-Options': 'nosniff' }"),
    ],
    tests: [wiringTest],
  },
  {
    id: 'X-Content-Type-Options: nosniff removed',
    edits: [
      edit(
        wiring,
        "{ 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' }",
        "{ 'Content-Security-Policy': contentSecurityPolicy }",
      ),
    ],
    tests: [wiringTest],
  },
  {
    id: 'security headers missing on the 404 answer',
    edits: [edit(wiring, "headers: { ...securityHeaders, 'Content-Type'", "headers: { 'Content-Type'")],
    tests: [wiringTest],
  },
  {
    id: 'protocol.handle(app) removed',
    edits: [edit(wiring, '  protocol.handle(appScheme, (request) => serveRenderer(net, options.rendererRoot, request));\n', '')],
    tests: [wiringTest],
  },
  {
    id: 'app:// path guard bypassed (request URL used as a path)',
    edits: [
      edit(
        wiring,
        '  const filePath = resolveAppRequest(rendererRoot, request.url);\n',
        '  const filePath = resolveAppRequest(rendererRoot, request.url) ?? path.join(rendererRoot, new URL(request.url).pathname);\n',
      ),
    ],
    tests: [wiringTest],
  },
  {
    id: 'window loads a remote page',
    edits: [edit(wiring, '  await mainWindow.loadURL(appEntryUrl);\n', "  await mainWindow.loadURL('https://example.com/');\n")],
    tests: [wiringTest],
  },
  {
    id: 'sender frame URL → undefined',
    edits: [edit(wiring, 'dispatch(fn, event.senderFrame?.url, args)', 'dispatch(fn, undefined, args)')],
    tests: [wiringTest],
  },
  {
    id: 'sender frame URL → the trusted app URL (constant)',
    edits: [edit(wiring, 'dispatch(fn, event.senderFrame?.url, args)', 'dispatch(fn, appEntryUrl, args)')],
    tests: [wiringTest],
  },
  {
    id: 'one IPC channel not registered',
    edits: [edit(wiring, '  for (const fn of deskRequestNames) {\n', '  for (const fn of deskRequestNames.slice(1)) {\n')],
    tests: [wiringTest],
  },
  {
    id: 'every IPC channel dispatched to one function',
    edits: [edit(wiring, 'dispatch(fn, event.senderFrame?.url, args)', "dispatch('getAppInfo', event.senderFrame?.url, args)")],
    tests: [wiringTest],
  },
  {
    id: 'privileged scheme secure: true → false',
    edits: [edit(wiring, 'privileges: { standard: true, secure: true,', 'privileges: { standard: true, secure: false,')],
    tests: [wiringTest],
  },
  {
    id: 'privileged scheme standard: true → false',
    edits: [edit(wiring, 'privileges: { standard: true, secure: true,', 'privileges: { standard: false, secure: true,')],
    tests: [wiringTest],
  },
  { id: 'registerSchemesAsPrivileged skipped', edits: [edit(wiring, '  protocol.registerSchemesAsPrivileged(', '  void (')], tests: [wiringTest] },
  {
    id: 'registerSchemesAsPrivileged called only after ready',
    edits: [
      edit(
        wiring,
        '  protocol.registerSchemesAsPrivileged([{ scheme: appScheme',
        '  const registerScheme = () => protocol.registerSchemesAsPrivileged([{ scheme: appScheme',
      ),
      edit(
        wiring,
        '    .then(() => openMainWindow(modules, options, report))',
        '    .then(() => (registerScheme(), openMainWindow(modules, options, report)))',
      ),
    ],
    tests: [wiringTest],
  },
  {
    id: 'menu not rebuilt when the language changes',
    edits: [edit(wiring, '      language = nextLanguage;\n      installMenu();\n', '      language = nextLanguage;\n')],
    tests: [wiringTest],
  },
  {
    id: "menu language ignores the OS locale for 'system'",
    edits: [edit(wiring, "  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';", "  return 'en';")],
    tests: [wiringTest],
  },
  {
    id: 'menu commands not sent to the page',
    edits: [edit(wiring, 'window?.webContents.send(menuCommandChannel, command)', 'undefined')],
    tests: [wiringTest],
  },
  {
    id: 'close prompt not shown when the document is dirty',
    edits: [edit(wiring, 'if (documentState.dirty && !confirmCloseWithUnsavedChanges(', 'if (false && !confirmCloseWithUnsavedChanges(')],
    tests: [wiringTest],
  },
  { id: 'close prompt answer ignored (window closes on Cancel)', edits: [edit(wiring, '  return choice === 1;\n', '  return true;\n')], tests: [wiringTest] },
  {
    id: 'close prompt stays in the start-up language',
    edits: [edit(wiring, 'confirmCloseWithUnsavedChanges(dialog, mainWindow, language)', "confirmCloseWithUnsavedChanges(dialog, mainWindow, 'zh')")],
    tests: [wiringTest],
  },
  {
    id: 'window bounds not saved on close',
    edits: [edit(wiring, '    settings.write({ ...settings.read(), windowBounds:', '    void ({ ...settings.read(), windowBounds:')],
    tests: [wiringTest],
  },
  { id: 'saved maximized state not restored', edits: [edit(wiring, '  if (bounds?.maximized) mainWindow.maximize();\n', '')], tests: [wiringTest] },
  { id: 'window-all-closed → quit removed', edits: [edit(wiring, "  app.on('window-all-closed', () => app.quit());\n", '')], tests: [wiringTest] },
  { id: 'failed start does not exit', edits: [edit(wiring, '      app.exit(1);\n', '')], tests: [wiringTest] },
  {
    id: 'settings store failure stops the app (no in-memory fallback)',
    edits: [edit(wiring, '    return { store: storeOptions.defaults };\n', '    throw error;\n')],
    tests: [wiringTest],
  },
  {
    id: 'settings file: unreadable path rethrown (the old behaviour)',
    edits: [edit('electron/settings/settings-file.ts', "    return quarantine('move');\n", '    throw error;\n')],
    tests: ['electron/settings/settings-file.test.ts', wiringTest],
  },
  {
    id: 'app:// raw-path check removed (the old behaviour)',
    edits: [edit('electron/security/app-protocol.ts', '  if (hasEncodedPathTrick(requestUrl)) return null;\n', '')],
    tests: ['electron/security/app-protocol.test.ts', wiringTest],
  },
];

const filter = process.argv[2];
const selected = filter ? mutations.filter((m) => m.id.includes(filter)) : mutations;

const scratch = mkdtempSync(path.join(os.tmpdir(), 'sdesk-mutation-'));
const cleanUp = () => rmSync(scratch, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
for (const item of [
  'electron',
  'shared',
  'assets',
  'tests/contract',
  'tests/fixtures/import',
  'renderer/index.html',
  'vitest.config.ts',
  'tsconfig.json',
  'package.json',
]) {
  const from = path.join(repo, item);
  if (!existsSync(from)) continue;
  mkdirSync(path.dirname(path.join(scratch, item)), { recursive: true });
  cpSync(from, path.join(scratch, item), { recursive: true });
}
symlinkSync(path.join(repo, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');

const vitest = path.join(repo, 'node_modules', 'vitest', 'vitest.mjs');
function runTests(tests) {
  const report = path.join(scratch, 'vitest-report.json');
  rmSync(report, { force: true });
  const run = spawnSync(process.execPath, [vitest, 'run', '--root', scratch, '--reporter=json', `--outputFile=${report}`, ...tests], {
    encoding: 'utf8',
    cwd: scratch,
  });
  if (!existsSync(report)) return { passed: false, failed: [`(no report: vitest exited ${run.status})`], suiteErrors: [] };
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const failed = result.testResults.flatMap((file) =>
    file.assertionResults.filter((a) => a.status === 'failed').map((a) => `${path.basename(file.name)} › ${a.title}`),
  );
  const suiteErrors = result.testResults
    .filter((file) => file.status === 'failed' && file.assertionResults.length === 0)
    .map((file) => `${path.basename(file.name)}: ${file.message.split('\n')[0]}`);
  return { passed: run.status === 0 && failed.length === 0 && suiteErrors.length === 0, failed, suiteErrors };
}

/** A mutation that breaks start-up fails every test; three names say enough. */
function summarize(failed) {
  const shown = failed.slice(0, 3).join('; ');
  return failed.length > 3 ? `${shown}; (+${failed.length - 3} more)` : shown;
}

let exitCode = 0;
try {
  const baseline = runTests([...new Set(selected.flatMap((m) => m.tests))]);
  if (!baseline.passed) {
    console.error('The unmutated sources do not pass their tests; fix that first:', baseline.failed, baseline.suiteErrors);
    process.exit(1);
  }
  const rows = [];
  for (const mutation of selected) {
    const originals = new Map();
    let applied = true;
    for (const { file, from, to } of mutation.edits) {
      const target = path.join(scratch, file);
      const text = readFileSync(target, 'utf8');
      if (!originals.has(file)) originals.set(file, text);
      if (text.split(from).length !== 2) {
        applied = false;
        break;
      }
      writeFileSync(
        target,
        text.replace(from, () => to),
      );
    }
    let row;
    try {
      if (!applied) {
        row = { id: mutation.id, result: 'NOT APPLIED', detail: 'source text not found exactly once: update the mutation' };
      } else {
        const outcome = runTests(mutation.tests);
        if (outcome.passed) row = { id: mutation.id, result: 'SURVIVED', detail: `no test failed (${mutation.tests.join(', ')})` };
        else if (outcome.failed.length > 0) row = { id: mutation.id, result: 'killed', detail: summarize(outcome.failed) };
        else row = { id: mutation.id, result: 'killed (suite error)', detail: outcome.suiteErrors.join('; ') };
      }
    } finally {
      for (const [file, text] of originals) writeFileSync(path.join(scratch, file), text);
    }
    if (!row.result.startsWith('killed')) exitCode = 1;
    rows.push(row);
    console.error(`${row.result.padEnd(11)} ${row.id}`);
  }
  console.log('\n| Mutation | Result | Failing tests |\n| --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.id} | ${row.result} | ${row.detail.replaceAll('|', '\\|')} |`);
  const killed = rows.filter((row) => row.result.startsWith('killed')).length;
  console.log(`\n${killed} of ${rows.length} mutations killed.`);
} finally {
  cleanUp();
}
process.exit(exitCode);
