import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layering, as in VS Code's code-layering rule: shared imports nothing platform-specific; the sides never import each other. */
const nodeModules = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'better-sqlite3', 'pdfkit', 'shevchenko'];

const ELECTRON_ONLY_IN_SHELL = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron; the rest runs in plain Node.' };
const NOT_THE_RENDERER = { group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' };
const NOT_REPOSITORIES = {
  group: ['**/repositories/*', '**/repositories/*.js'],
  message: 'Only electron/register/services reach the repositories: call a service (the exchange: register/services/replication.ts).',
};
const NOT_BENCH = { group: ['**/bench/*', '**/bench/*.js'], message: 'Production code never depends on the benchmark.' };
const NOT_CLI = { group: ['**/cli/*', '**/cli/*.js'], message: 'Nothing below the CLI imports it: the CLI calls down, never the other way.' };
const NOT_THE_TRANSPORT = { group: ['**/ipc/*', '**/ipc/*.js'], message: 'The register and the exchange do not depend on the transport (SessionUser is in register/services/session.ts).' };

/**
 * Files of the register's own machinery that sit below the services and must read rows
 * themselves: the signed checkpoints (written inside the services' transactions), the copy of a
 * whole register to PostgreSQL, and two modules that only name row types.
 */
const REGISTER_INTERNALS = [
  'electron/register/checkpoints/**',
  'electron/register/move-to-postgres.ts',
  'electron/register/chain-verifier.ts',
  'electron/register/search-text.ts',
];


function restrict(files, patterns, ignores = []) {
  return {
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON_ONLY_IN_SHELL], patterns }] },
  };
}

function electronLayers() {
  const shell = ['electron/main/**', 'electron/preload/**'];
  const below = ['electron/register/**', 'electron/exchange/**'];
  return [
    // The benchmark measures the repositories' queries themselves, and may use anything.
    restrict(['electron/bench/**/*.ts'], [NOT_THE_RENDERER]),
    restrict(['electron/register/services/**/*.ts', 'electron/register/repositories/**/*.ts', ...REGISTER_INTERNALS], [NOT_THE_RENDERER, NOT_BENCH, NOT_CLI, NOT_THE_TRANSPORT]),
    restrict(below.map((folder) => `${folder}/**/*.ts`), [NOT_THE_RENDERER, NOT_REPOSITORIES, NOT_BENCH, NOT_CLI, NOT_THE_TRANSPORT], [
      'electron/register/services/**',
      'electron/register/repositories/**',
      ...REGISTER_INTERNALS,
    ]),
    restrict(['electron/cli/**/*.ts'], [NOT_THE_RENDERER, NOT_REPOSITORIES, NOT_BENCH]),
    restrict(['electron/**/*.ts'], [NOT_THE_RENDERER, NOT_REPOSITORIES, NOT_BENCH, NOT_CLI], [...shell, ...below, 'electron/bench/**', 'electron/cli/**']),
    // The shell is the one place that imports Electron; the rest of the layering holds for it too.
    { files: shell.map((folder) => `${folder}/*.ts`), rules: { 'no-restricted-imports': ['error', { patterns: [NOT_THE_RENDERER, NOT_REPOSITORIES, NOT_BENCH, NOT_CLI] }] } },
  ];
}

/** Globals of the browser an electron/ or shared/ file would only find by mistake. */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'Node', 'DOMParser', 'location', 'alert'];
/** Globals of Node the renderer and shared/ never have. */
const NODE_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeModules], message: 'shared/ is pure TypeScript: no Electron, no Node.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' },
            { group: ['react', 'react-dom', '@mantine/*'], message: 'shared/ has no UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeModules], message: 'The renderer never sees Node or Electron: use the desk client.' },
            { group: ['**/electron/**'], message: 'The renderer talks to main only through the contract.' },
          ],
        },
      ],
    },
  },
  // electron/: who may import whom below the entry points. One rule object per folder group,
  // since a later `no-restricted-imports` replaces an earlier one for the same file.
  ...electronLayers(),
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'electron/ runs in Node: there is no DOM here.' }))],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...[...NODE_GLOBALS, ...DOM_GLOBALS].map((name) => ({ name, message: 'shared/ runs on both sides: neither Node nor the DOM.' }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...NODE_GLOBALS.map((name) => ({ name, message: 'The renderer never sees Node: use the desk client.' }))],
    },
  },
);
