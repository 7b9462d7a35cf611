// Lint, and the layering rules that keep the architecture honest:
//   shared/   pure TypeScript: no electron, no React, no DOM globals, no Node built-ins
//   renderer/ no electron and no Node built-ins: the platform is reached only through the bridge
//   electron/ nothing from renderer/
//   renderer/ one keyboard listener: the command registry's dispatcher
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
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
const noKeyListeners = [
  { selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.value=/^key(down|up|press)$/]", message: keyListenerMessage },
  { selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.type='TemplateLiteral']", message: 'Name the event with a string literal, so the key-listener rule can see it.' },
  { selector: 'AssignmentExpression[left.property.name=/^onkey(down|up|press)$/]', message: keyListenerMessage },
];

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'HTMLElement'].map((name) => ({
  name,
  message: 'shared/ must not touch the DOM: it runs in Node, the main process and Web Workers too.',
}));

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
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronImport, ...nodeImports] }],
      'no-restricted-syntax': ['error', ...noKeyListeners],
    },
  },
  {
    files: [keyboardDispatcher],
    rules: { 'no-restricted-syntax': 'off' },
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
);
