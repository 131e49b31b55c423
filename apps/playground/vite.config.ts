import { defineConfig } from 'vite';

export default defineConfig({
  // relative asset URLs: the built console works from any path (e.g. behind the mock server)
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
} as never);
