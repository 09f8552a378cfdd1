import { defineConfig } from 'vitest/config';

// Browser tests against a running server (scripts/e2e starts one and sets CF_BASE_URL).
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    sequence: { concurrent: false },
    reporters: ['verbose'],
  },
});
