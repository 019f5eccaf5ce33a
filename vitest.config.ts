import { defineConfig } from 'vitest/config';

/**
 * One runner, three kinds of tests:
 * - unit: pure modules, Markdown plugins and the editors' tools (fast, parallel);
 * - site: builds fixture sites with the real `astro build` and reads their HTML;
 * - browser: drives headless Chromium over the built fixture site.
 * The site and browser projects share one fixture build (tests/support/global-setup.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{lib,markdown,cli,i18n,integrations,ci}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/{build,browser,dev}/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // Files run side by side; Astro itself one process at a time (tests/support/astro-lock.ts).
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
