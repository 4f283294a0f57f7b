// ESLint for the whole tree: TypeScript (typescript-eslint) and Svelte
// (eslint-plugin-svelte). Formatting is Prettier's job (.prettierrc.json).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'dist/', 'web/build/', 'test-artifacts/', 'web/src/lib/graphql/generated.ts', 'test/fixtures/'] },
  // Resolver types written by `npm run codegen:api`.
  { ignores: ['api/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused values are mistakes; a leading underscore marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Plain CommonJS preloads (node --require) are allowed require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    rules: {
      // Reactive state lives in $state fields of the *.svelte.ts classes; the Maps, Sets and URLs this rule
      // flags are temporaries built and dropped inside one function, which need no reactivity.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
);
