// The workspace's dependency rules: imports point down only (openapi <- spec <- sdk, mocks, contract <-
// apps, tests; spec reads openapi's YAML, it imports nothing from it); the mock core imports no area;
// areas do not import each other or the adapters; published code never imports test code, and the
// tests' shared helpers (@scrub/test-support) are imported by tests only. Paths are relative to the
// repository root, where the check runs.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'openapi-depends-on-nothing-of-ours',
      comment:
        'The specs are the source @scrub/spec is generated from: ' +
        'openapi/ (its loader, lint and tests) imports no workspace package.',
      severity: 'error',
      from: { path: '^openapi/' },
      to: { path: ['^(packages|apps|tests|bench|tools|examples)/', '^@scrub/'] },
    },
    {
      name: 'spec-depends-on-nothing-of-ours',
      comment: '@scrub/spec is the lowest package: it imports no other workspace package.',
      severity: 'error',
      from: { path: '^packages/spec/' },
      to: { path: ['^(packages/(?!spec/)|apps/|tests/|bench/|tools/|openapi/)', '^@scrub/'] },
    },
    {
      name: 'nothing-below-the-apps-imports-the-sdk',
      comment: 'Only apps and tests use the SDK: spec, mocks and contract do not depend on it.',
      severity: 'error',
      from: { path: '^packages/(spec|mocks|contract)/' },
      to: { path: ['^packages/sdk/', '^@scrub/sdk($|/)'] },
    },
    {
      name: 'mocks-and-contract-are-independent',
      comment: 'The mock and the contract suite both stand on @scrub/spec only (contract tests may start a mock).',
      severity: 'error',
      from: { path: '^packages/(mocks|contract)/src/' },
      to: { path: '^packages/(mocks|contract)/', pathNot: '^packages/$1/' },
    },
    {
      name: 'mock-core-imports-no-area',
      comment: 'Areas register with the core (createState(areas, ...)); the core never imports them or an adapter.',
      severity: 'error',
      from: { path: '^packages/mocks/src/core/' },
      to: { path: '^packages/mocks/src/', pathNot: '^packages/mocks/src/core/' },
    },
    {
      name: 'areas-are-independent',
      comment: 'An area imports the core and the spec, never another area or an adapter.',
      severity: 'error',
      from: { path: '^packages/mocks/src/(idcheck|text-assessment)/' },
      to: { path: '^packages/mocks/src/', pathNot: ['^packages/mocks/src/$1/', '^packages/mocks/src/core/'] },
    },
    {
      name: 'packages-never-import-apps-or-tests',
      comment: 'Published packages stand alone (their own tests may use the shared test support and the mock server).',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/[^/]+/test/' },
      to: { path: '^(apps|tests|bench|tools)/' },
    },
    {
      name: 'src-never-imports-test-code',
      comment: 'Published code does not import its tests, fixtures of tests or test helpers.',
      severity: 'error',
      from: { path: '^(packages|apps)/[^/]+/src/' },
      to: { path: '(^(packages|apps)/[^/]+/test/)|\\.test\\.[cm]?[jt]s$' },
    },
    {
      name: 'test-support-is-for-tests',
      comment: '@scrub/test-support (tests/support) holds what tests share: no published or app code imports it.',
      severity: 'error',
      from: { path: '^(packages|apps)/[^/]+/src/' },
      to: { path: ['^tests/support/', '^@scrub/test-support($|/)'] },
    },
    {
      name: 'imports-resolve',
      comment:
        'An import that resolves to nothing (a package the importer does not depend on, a typo) hides where it points.',
      severity: 'error',
      from: { path: '^(packages|apps)/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'A cycle hides which way a dependency points.',
      severity: 'error',
      from: { path: '^(packages|apps)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '/dist/'] },
    exclude: { path: ['/dist/', '\\.d\\.m?ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
