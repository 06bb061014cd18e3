import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Astro components rendered with the Container API (its own config: it needs Astro's Vite plugins).
      'tests/components/vitest.config.ts',
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits for a condition; on a busy two-core machine a second is not enough.
          expect: { poll: { timeout: 20_000, interval: 50 } },
          // Two cores: one Chromium at a time keeps timings honest and memory low.
          fileParallelism: false,
        },
      },
      {
        // One municipality's own facts (settings, content, judged search queries). Another
        // municipality replaces tests/content/ with its own; see README "Tests".
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
