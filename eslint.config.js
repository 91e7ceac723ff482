// ESLint flat config: the recommended rules, plus the size limits that keep modules small.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/', '.venv/', 'bench/results/'] },
  js.configs.recommended,
  {
    files: ['static/js/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
    rules: {
      'max-lines': ['error', { max: 250 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['service-worker.js'],
    languageOptions: {
      sourceType: 'module',
      // The server fills these in when it serves the worker (lpb/shell/routes.py).
      globals: {
        ...globals.serviceworker,
        __APP_ROUTES__: 'readonly',
        __PRECACHE_URLS__: 'readonly',
      },
    },
  },
  {
    files: ['tests/**/*.js', 'eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'smart'],
      'prefer-const': 'error',
    },
  },
];
