// The layer rule from docs/architecture.md, enforced: each folder may import only the layers below it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layers = ['core', 'db', 'store', 'services', 'api', 'server', 'cli', 'web', 'config'];

/** Forbids relative imports that reach any layer not in `allowed`. */
function onlyLayers(allowed, message) {
  const forbidden = layers.filter((layer) => !allowed.includes(layer));
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `(^|/)\\.\\./(.*/)?(${forbidden.join('|')})(\\.js|/|$)`,
            message,
          },
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'test-output'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union instead of an enum.' },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      ...onlyLayers(['core'], 'core is pure: it imports nothing of ours outside core.'),
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'core has no I/O and no environment.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core has no clock: take the time as an argument.' },
      ],
    },
  },
  { files: ['src/db/**'], rules: onlyLayers(['db', 'core'], 'db imports only core.') },
  { files: ['src/store/**'], rules: onlyLayers(['store', 'core', 'db'], 'store imports core and db only.') },
  {
    files: ['src/services/**'],
    rules: onlyLayers(['services', 'core', 'store'], 'services import core and store only.'),
  },
  {
    files: ['src/api/**'],
    rules: onlyLayers(['api'], 'api is the shared contract: it imports nothing of ours.'),
  },
  {
    files: ['src/server/**', 'src/cli/**'],
    ignores: ['src/server/main.ts', 'src/cli/main.ts', 'src/cli/open-database.ts'],
    rules: onlyLayers(
      ['server', 'cli', 'services', 'api', 'config'],
      'server and cli call services; only main.ts opens the database.',
    ),
  },
  { files: ['src/web/**'], rules: onlyLayers(['web', 'api'], 'web imports src/api only.') },
  // The web app runs in the browser: its globals, and React's rules of hooks (with the compiler's checks).
  {
    ...reactHooks.configs.flat.recommended,
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
