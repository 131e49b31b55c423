// Dual build (ESM + CommonJS, each with its own declarations) by tsdown; see the root README,
// "Packages and module formats". ky is ESM-only, so the CommonJS build inlines it: a `require()`
// graph stays CommonJS all the way down (Jest's CommonJS runtime, ts-node, old bundlers); and its lazy
// loads (encryption, `client.raw`) become `require()` rather than `import()`, which Jest's CommonJS
// runtime refuses without --experimental-vm-modules.
import { defineConfig } from 'tsdown';

/** @type {import('tsdown').UserConfig} */
const common = {
  entry: { index: 'src/index.ts' },
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  tsconfig: 'tsconfig.build.json',
  report: false,
  deps: { neverBundle: [/^node:/] },
};

export default defineConfig([
  { ...common, format: 'esm', clean: true },
  {
    ...common,
    format: 'cjs',
    clean: false,
    deps: { ...common.deps, alwaysBundle: ['ky'] },
    outputOptions: { dynamicImportInCjs: false },
  },
]);
