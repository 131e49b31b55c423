// Dual build (ESM + CommonJS, each with its own declarations) by tsdown; see the root README,
// "Packages and module formats". Dependencies (@scrub/spec, the msw peer) stay external: both ship
// CommonJS too, so a `require()` graph stays CommonJS all the way down.
import { defineConfig } from 'tsdown';

/** @type {import('tsdown').UserConfig} */
const common = {
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    browser: 'src/browser.ts',
    handlers: 'src/handlers.ts',
    http: 'src/http.ts',
    'core/index': 'src/core/index.ts',
  },
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  tsconfig: 'tsconfig.build.json',
  report: false,
  deps: { neverBundle: [/^node:/] },
};

export default defineConfig([
  { ...common, format: 'esm', clean: true },
  { ...common, format: 'cjs', clean: false },
]);
