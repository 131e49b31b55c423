import { defineConfig } from 'vitest/config';

export default defineConfig({
  // a check, not a timer: room for a loaded CI machine (a hang still fails)
  test: { include: ['test/**/*.test.{js,ts}'], testTimeout: 120_000, hookTimeout: 60_000 },
});
