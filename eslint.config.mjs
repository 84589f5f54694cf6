// ESLint flat config: typescript-eslint's recommended rules everywhere, React's hook rules in the renderer.
// Not type-aware: `npm run typecheck` already runs the compiler over the same files, and on two shared cores the
// type-aware preset took 115 s of CPU against 40-47 s for this one, and reported 2,605 findings, nearly all
// no-unsafe-* on the loose JSON that tests and the renderer read on purpose (measured when this file was added).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'resources/migrations/**',
      'src-hq/migrations/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore is how this codebase drops a field (`{ cost: _c, ...rest }`) or an unused
      // parameter on purpose; everything else unused is still an error.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // The main process, the head-office server, scripts and tests run on Node.
    files: ['src-main/**', 'src-hq/**', 'scripts/**', 'tests/**', '*.{ts,mts,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // A CommonJS bootstrap (worker threads under tsx) can only load with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read answers as loose JSON (TestClient.ok returns any): the contract's zod schemas, not the
    // test's types, are what checks an answer's shape.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // These two React Compiler rules assume the compiler memoises components; Stockist does not use it.
      // set-state-in-effect flags the screens' deliberate "reset the form when its subject changes" effects,
      // and refs flags the latest-callback ref (useHotkeys) and PagedTable's page cache, which is read during
      // render by design (a reducer redraws when a page arrives). Rewriting them buys no behaviour.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
    },
  },
);
