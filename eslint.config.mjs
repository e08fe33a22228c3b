// Lint rules that hold the layer boundaries of DESIGN.md, not only style.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The only files allowed to import `electron` (thin glue, type-checked, never imported by tests). */
export const electronGlueFiles = ['src/main/electron/**/*.ts', 'src/preload/**/*.ts'];
/** The only file allowed to import `keytar`. */
export const keytarFiles = ['src/core/secrets/keytar-backend.ts'];
/**
 * The renderer-safe half of each target folder (preset, checklist data): src/shared/targets.ts
 * hands them to the renderer, so they may import only src/shared and the shared preset parts.
 */
export const rendererSafeTargetFiles = ['src/core/targets/*/preset.ts', 'src/core/targets/common/preset-parts.ts'];

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const electronRule = {
  name: 'electron',
  message:
    'Only the Electron glue in src/main/electron and src/preload may import electron (importing it in plain Node starts a binary download).',
};
const keytarRule = {
  name: 'keytar',
  message: 'Only src/core/secrets/keytar-backend.ts may import keytar; use SecretStore.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'coverage/**',
      'test/fixtures/lint/**',
      'test/output/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronRule, keytarRule] }],
    },
  },
  {
    files: electronGlueFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [keytarRule] }] },
  },
  {
    files: keytarFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [electronRule] }] },
  },
  {
    files: rendererSafeTargetFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronRule, keytarRule],
          patterns: [
            {
              regex: '^(?!(\\.\\./)+shared/[\\w-]+$|\\.\\./common/preset-parts$)',
              message:
                "A target's preset and checklist are bundled into the renderer: import only from src/shared or ../common/preset-parts (no Node built-ins, packages or other core modules).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronRule, keytarRule],
          patterns: [
            {
              group: ['node:*'],
              message: 'The renderer runs sandboxed: no Node built-ins. Ask main through the IPC contract.',
            },
            {
              group: nodeBuiltins,
              message: 'The renderer runs sandboxed: no Node built-ins. Ask main through the IPC contract.',
            },
            {
              group: ['**/core/**', '**/main/**', '**/preload/**'],
              message: 'The renderer talks to core only through the IPC contract in src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
