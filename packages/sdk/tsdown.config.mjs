// Dual build (ESM + CommonJS, each with its own declarations) by tsdown; see the root README,
// "Packages and module formats". ky is ESM-only, so the CommonJS build inlines it: a `require()`
// graph stays CommonJS all the way down (Jest's CommonJS runtime, ts-node, old bundlers); and its lazy
// loads (encryption, `client.raw`) become `require()` rather than `import()`, which Jest's CommonJS
// runtime refuses without --experimental-vm-modules.
// The spec's route tables (`@scrub/spec/<area>`'s `operationRoutes`, method and path per operation) are
// copied in at build time, tree-shaken: imported from the spec at run time, a bundler that splits code
// would load the whole generated module (every documented error, which only the lazy refusals need)
// with the SDK. Their types stay imports of `@scrub/spec`.
import { defineConfig } from 'tsdown';

const ROUTE_TABLES = /^@scrub\/spec\/(idcheck|text-assessment)$/;
/** The route tables' JavaScript, not their declarations (an importer `*.d.ts` is the types build). */
const routeTables = (id, importer) => ROUTE_TABLES.test(id) && !/\.d\.[cm]?ts$/.test(importer ?? '');

/** @type {import('tsdown').UserConfig} */
const common = {
  entry: { index: 'src/index.ts' },
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  tsconfig: 'tsconfig.build.json',
  report: false,
  deps: { neverBundle: [/^node:/], alwaysBundle: routeTables },
};

export default defineConfig([
  { ...common, format: 'esm', clean: true },
  {
    ...common,
    format: 'cjs',
    clean: false,
    deps: { ...common.deps, alwaysBundle: (id, importer) => id === 'ky' || routeTables(id, importer) },
    outputOptions: { dynamicImportInCjs: false },
  },
]);
