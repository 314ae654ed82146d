import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite prefers graphql's ESM build while Pothos/Yoga `require` the CJS one; two copies of graphql
    // break instanceof checks. Node (tsx, production) always loads the CJS one, so tests do too.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts', 'console/src/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
