// ESLint flat config: the recommended, non-stylistic rule sets of ESLint,
// typescript-eslint and eslint-plugin-astro. Formatting is Prettier's job
// (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-base/', '.astro/', 'node_modules/', 'tmp/', 'tests/fixtures/', 'bench-results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
