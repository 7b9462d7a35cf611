// Lint, and the layering rules that keep the architecture honest (docs/architecture.md):
//   by folder  shared/ imports shared/ only; renderer/ imports renderer/ and shared/;
//              electron/ imports electron/ and shared/; cli/ imports cli/ and shared/;
//              a feature imports renderer/app, renderer/features/charts and its own folder;
//              no import cycles anywhere
//   shared/   pure TypeScript: no electron, no React, no DOM globals, no Node built-ins
//   renderer/ no electron and no Node built-ins: the platform is reached only through the bridge
//   electron/ nothing from renderer/
//   renderer/ one keyboard listener: the command registry's dispatcher
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`]);

const electronImport = { name: 'electron', message: 'Only electron/ may import electron; use the DeskApi bridge.' };
const nodeImports = nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins here: this code also runs in the browser and a Web Worker.' }));
const reactImports = ['react', 'react-dom', 'react-dom/client', 'react-i18next', 'recharts'].map((name) => ({
  name,
  message: 'shared/ is UI-free: React belongs in renderer/.',
}));

// Keyboard shortcuts have one dispatcher (the command registry's); widgets keep React
// `onKeyDown` props for navigation inside themselves, which are not listeners on the page.
const keyboardDispatcher = 'renderer/app/commands/keyboard-dispatcher.ts';
const keyListenerMessage = `Shortcuts are registry commands (shared/commands/catalog.ts, useCommand); the only key listener is ${keyboardDispatcher}.`;
// Percent is converted in shared/units (rates.ts) only: a hand-written ×100 or ÷100 elsewhere is how
// the same conversion came to be written in fifteen files. Tests are free to compute by hand.
const handPercentMessage = 'Convert percent with shared/units (percentToFraction, fractionToPercent, growthFactor, percentOf, …), not by hand with 100.';
const noHandPercent = [
  { selector: "BinaryExpression[operator=/^[*\\/]$/][right.type='Literal'][right.value=100]", message: handPercentMessage },
  { selector: "BinaryExpression[operator='*'][left.type='Literal'][left.value=100]", message: handPercentMessage },
  { selector: "AssignmentExpression[operator=/^[*\\/]=$/][right.type='Literal'][right.value=100]", message: handPercentMessage },
];
const appSources = '{shared,renderer,electron,cli}/**/*.{ts,tsx}';
const testSources = '**/*.test.{ts,tsx}';
const noKeyListeners = [
  { selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.value=/^key(down|up|press)$/]", message: keyListenerMessage },
  {
    selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.type='TemplateLiteral']",
    message: 'Name the event with a string literal, so the key-listener rule can see it.',
  },
  { selector: 'AssignmentExpression[left.property.name=/^onkey(down|up|press)$/]', message: keyListenerMessage },
];

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'HTMLElement'].map((name) => ({
  name,
  message: 'shared/ must not touch the DOM: it runs in Node, the main process and Web Workers too.',
}));

// Layering by folder. Paths are resolved, so `../../renderer/x` and `./x` are judged alike;
// packages resolve into node_modules and are governed by the package rules above.
const sourceFolders = ['shared', 'renderer', 'electron', 'cli'];
// assets/ is data (the article, the dataset, the starter workspace), which every layer may read.
const otherFolders = ['scripts', 'tests', 'docs', 'dist'];
const folderZone = (folder, allowed, alsoFrom = []) => ({
  target: `./${folder}`,
  from: [...sourceFolders, ...otherFolders].filter((f) => f !== folder && !allowed.includes(f) && !alsoFrom.includes(f)).map((f) => `./${f}`),
  message: `${folder}/ imports ${[folder, ...allowed].map((f) => `${f}/`).join(' and ')} only (docs/architecture.md).`,
});
// A helper that two features need moves down into renderer/app (or shared/), so features never
// depend on each other; charts is the one feature every view draws with.
const featureNames = readdirSync(new URL('./renderer/features', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const featureZones = featureNames.map((name) => ({
  target: `./renderer/features/${name}`,
  from: './renderer/features',
  except: name === 'charts' ? ['./charts'] : [`./${name}`, './charts'],
  message: `A feature imports renderer/app, renderer/features/charts and its own folder only: move what ${name}/ shares with another feature down into renderer/app or shared/.`,
}));
const layerZones = (alsoFrom) => [
  folderZone('shared', [], alsoFrom),
  folderZone('renderer', ['shared'], alsoFrom),
  folderZone('electron', ['shared'], alsoFrom),
  folderZone('cli', ['shared'], alsoFrom),
  ...featureZones,
];
const layering = {
  files: ['{shared,renderer,electron,cli}/**/*.{ts,tsx}'],
  plugins: { 'import-x': importX },
  settings: {
    'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    // Without these the plugin does not parse TypeScript dependencies, and no-cycle sees no edges.
    'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
  },
  rules: {
    'import-x/no-restricted-paths': ['error', { zones: layerZones([]) }],
    'import-x/no-cycle': ['error', { ignoreExternal: true }],
  },
};
// A colocated test may also use the fixtures under tests/; tests that cross layers live in tests/.
const testLayering = {
  files: ['{shared,renderer,electron,cli}/**/*.test.{ts,tsx}'],
  rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones(['tests']) }] },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', 'docs/**', 'bench/**/*.json', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: [appSources],
    ignores: [testSources, 'shared/units/**'],
    rules: { 'no-restricted-syntax': ['error', ...noHandPercent] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronImport, ...nodeImports] }],
      'no-restricted-syntax': ['error', ...noKeyListeners, ...noHandPercent],
    },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...noKeyListeners] },
  },
  {
    files: [keyboardDispatcher],
    rules: { 'no-restricted-syntax': ['error', ...noHandPercent] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport, ...reactImports, ...nodeImports] }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport, ...reactImports] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '../renderer/*'], message: 'electron/ must not import from renderer/.' }] }],
    },
  },
  layering,
  testLayering,
);
