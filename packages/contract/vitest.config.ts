import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a check, not a timer: room for a loaded CI machine (a hang still fails)
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
