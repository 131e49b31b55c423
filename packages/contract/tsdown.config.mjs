// Dual build (ESM + CommonJS, each with its own declarations) by tsdown; see the root README,
// "Packages and module formats". The `scrub-contract` command is ESM only (a bin needs one format).
// The Arazzo flows of openapi/flows/ ship next to the build (dist/flows/), where `loadFlows` finds them
// outside this repository.
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
  {
    ...common,
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    format: 'esm',
    clean: true,
    copy: [{ from: '../../openapi/flows/*.arazzo.yaml', to: 'dist/flows' }],
  },
  { ...common, entry: { index: 'src/index.ts' }, format: 'cjs', clean: false },
]);
