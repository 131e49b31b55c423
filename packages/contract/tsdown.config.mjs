// Dual build (ESM + CommonJS, each with its own declarations) by tsdown; see the root README,
// "Packages and module formats". The `scrub-contract` command is ESM only (a bin needs one format).
import { defineConfig } from 'tsdown';

/** @type {import('tsdown').UserConfig} */
const common = {
  platform: 'node',
  target: 'node20.19',
  dts: true,
  tsconfig: 'tsconfig.build.json',
  report: false,
  fixedExtension: false,
};

export default defineConfig([
  { ...common, entry: { index: 'src/index.ts', cli: 'src/cli.ts' }, format: 'esm', clean: true },
  { ...common, entry: { index: 'src/index.ts' }, format: 'cjs', clean: false },
]);
