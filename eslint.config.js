// Lint rules: typescript-eslint's type-checked recommendations for TypeScript,
// eslint-plugin-astro's for .astro files. `npm run lint` runs it, and so does `npm test`.
import eslintPluginAstro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', '.astro/', '.cache/', 'tests/.output/', 'bench/.output/', 'tmp/', 'dist.*/', 'node_modules/'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
    rules: {
      // `_name` marks a value left out on purpose (`const { now: _clock, ...settings } = site`).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  ...eslintPluginAstro.configs.recommended,
  {
    files: ['**/*.astro'],
    languageOptions: {
      // astro-eslint-parser reads `project: true` where the TypeScript files have `projectService`.
      parserOptions: { parser: tseslint.parser, project: true, projectService: false, extraFileExtensions: ['.astro'] },
    },
    rules: {
      // The TypeScript service behind ESLint cannot see the types of imported .astro components, so
      // they read as `any` here; `astro check` (run by npm test) type-checks .astro files instead.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests read JSON from built pages and feeds; `expect` checks its shape.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
