// The command (dist/cli.js, ES module only) and the library entry `startMockServer` (dist/index.js and
// dist/index.cjs, each with its declarations), by tsdown like the packages; see the root README,
// "Packages and module formats". @scrub/mocks and @scrub/spec stay external (they ship CommonJS too).
import { defineConfig } from 'tsdown';

/** @type {import('tsdown').UserConfig} */
const common = {
  platform: 'node',
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  report: false,
  // `import.meta.url` (where dist/docs is) in the CommonJS build too
  shims: true,
  // .js for the ES modules (the package is `"type": "module"`), .cjs for CommonJS, as in the packages
  fixedExtension: false,
};

export default defineConfig([
  { ...common, entry: { index: 'src/index.ts', cli: 'src/cli.ts' }, format: 'esm', dts: true, clean: true },
  { ...common, entry: { index: 'src/index.ts' }, format: 'cjs', dts: true, clean: false },
]);
