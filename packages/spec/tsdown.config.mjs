// Dual build (ESM + CommonJS, each with its own declarations) by tsdown; see the root README,
// "Packages and module formats". The CommonJS build inlines the ESM-only @noble ciphers so that a
// `require()` graph stays CommonJS all the way down (Jest's CommonJS runtime, ts-node, old bundlers).
import { defineConfig } from 'tsdown';

const entry = {
  index: 'src/index.ts',
  helpers: 'src/helpers.js',
  rules: 'src/rules.ts',
  'recording/index': 'src/recording/index.ts',
  crypto: 'src/crypto.ts',
  'crypto-node': 'src/crypto-node.ts',
  'generated/idcheck': 'src/generated/idcheck.ts',
  'generated/text-assessment': 'src/generated/text-assessment.ts',
  'generated/idcheck.document': 'src/generated/idcheck.document.ts',
  'generated/text-assessment.document': 'src/generated/text-assessment.document.ts',
};

/** @type {import('tsdown').UserConfig} */
const common = {
  entry,
  platform: 'neutral',
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  report: false,
  deps: { neverBundle: [/^node:/] },
};

export default defineConfig([
  { ...common, format: 'esm', clean: true, dts: true },
  // declarations: scripts/cjs-declarations.mjs (see there why)
  { ...common, format: 'cjs', clean: false, dts: false, deps: { ...common.deps, alwaysBundle: [/^@noble\//] } },
]);
