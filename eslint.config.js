import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Browser code never reaches server code or the demo fixtures. */
const browserCodeBoundary = {
  group: ['@/mocks/*', '@/server/*', '@/app/*'],
  message: 'Shared and feature code stay free of mocks, server code and app wiring.',
};

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-*',
    'node_modules',
    'playwright-report',
    'test-results',
    '.ci-out',
    'bench/.out',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      reactHooks.configs.flat.recommended,
      pluginQuery.configs['flat/recommended'],
    ],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Browser code never reaches server code or the demo fixtures (except through main.tsx,
    // tests, and the demo-only list on the home page).
    files: ['src/features/**', 'src/components/**', 'src/lib/**', 'src/config/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [browserCodeBoundary],
        },
      ],
    },
  },
  // Each feature imports only itself: what two features share lives in components/ or lib/.
  ...readdirSync('src/features').map((feature) => ({
    files: [`src/features/${feature}/**`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            browserCodeBoundary,
            {
              group: ['@/features/*', `!@/features/${feature}`],
              message:
                'A feature does not import another; move what they share to components/ or lib/.',
            },
          ],
        },
      ],
    },
  })),
  {
    // Playwright fixtures hand over their value through a function named `use`; no React here.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
