import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests beside the code, API integration tests over HTTP against a
// real SQLite file, and end-to-end tests in headless Chromium. `npm test` runs all three.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['functions/src/**/*.test.ts', 'tab/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts', 'test/contract/**/*.test.ts'],
          environment: 'node',
          // The demo municipality is seeded once into a template that each file copies.
          globalSetup: ['test/support/seeded-template.ts'],
          // Fails a file whose test servers answered with a body their route contract does not describe.
          setupFiles: ['test/support/contract-violations-setup.ts'],
          testTimeout: 20_000,
          // Starting a server (copying the template, opening SQLite, the Teams SDK) is quick
          // alone but shares two cores with the other files running in parallel.
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/seeded-template.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
