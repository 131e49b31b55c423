// The dependency rules hold for the workspace, and each rule fails on the import it forbids (shown on
// a small tree laid out like the workspace, so the real sources are never touched).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHECK = fileURLToPath(new URL('../check.mjs', import.meta.url));

function check(root?: string) {
  return new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile(process.execPath, [CHECK, ...(root ? ['--root', root] : [])], { timeout: 120_000 }, (error, stdout) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout }),
    ),
  );
}

/** A tree with the workspace's layout: `files` maps paths to their source. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'scrub-deps-'));
  writeFileSync(
    join(root, 'tsconfig.base.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowJs: true } }),
  );
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

const GOOD = {
  'packages/spec/src/index.ts': 'export const spec = 1;\n',
  'packages/sdk/src/index.ts': "import { spec } from '../../spec/src/index.js';\nexport const sdk = spec;\n",
  'packages/mocks/src/core/state.ts': "import { spec } from '../../../spec/src/index.js';\nexport const core = spec;\n",
  'packages/mocks/src/idcheck/index.ts': "import { core } from '../core/state.js';\nexport const area = core;\n",
  'packages/mocks/src/text-assessment/index.ts':
    "import { core } from '../core/state.js';\nexport const other = core;\n",
  'packages/mocks/src/index.ts':
    "import { area } from './idcheck/index.js';\n" +
    "import { other } from './text-assessment/index.js';\n" +
    'export const mocks = [area, other];\n',
  'packages/mocks/test/adapters.ts': "import { mocks } from '../src/index.js';\nexport const adapters = mocks;\n",
  'packages/contract/src/index.ts': "import { spec } from '../../spec/src/index.js';\nexport const contract = spec;\n",
  'apps/mock-server/src/cli.ts':
    "import { mocks } from '../../../packages/mocks/src/index.js';\n" +
    "import { sdk } from '../../../packages/sdk/src/index.js';\n" +
    'export const cli = [mocks, sdk];\n',
};

describe('dependency rules', () => {
  it('the workspace follows them', async () => {
    const { code, stdout } = await check();
    expect(stdout).toMatch(/ 0 violations/);
    expect(code).toBe(0);
  });

  it('a tree laid out like the workspace passes', async () => {
    const { code, stdout } = await check(tree(GOOD));
    expect(stdout).toContain('9 modules');
    expect(stdout).toMatch(/ 0 violations/);
    expect(code).toBe(0);
  });

  it.each([
    [
      'openapi-depends-on-nothing-of-ours',
      'openapi/test/bad.test.js',
      "import { spec } from '../../packages/spec/src/index.js';\nexport const bad = spec;\n",
    ],
    ['openapi-depends-on-nothing-of-ours', 'openapi/load.js', "export { deref } from '@scrub/spec/helpers';\n"],
    [
      'spec-depends-on-nothing-of-ours',
      'packages/spec/src/bad.ts',
      "import { sdk } from '../../sdk/src/index.js';\nexport const bad = sdk;\n",
    ],
    [
      'nothing-below-the-apps-imports-the-sdk',
      'packages/mocks/src/bad.ts',
      "import { sdk } from '../../sdk/src/index.js';\nexport const bad = sdk;\n",
    ],
    [
      'nothing-below-the-apps-imports-the-sdk',
      'packages/contract/src/bad.ts',
      "import { createIdCheckClient } from '@scrub/sdk';\nexport const bad = createIdCheckClient;\n",
    ],
    [
      'mocks-and-contract-are-independent',
      'packages/contract/src/bad.ts',
      "import { mocks } from '../../mocks/src/index.js';\nexport const bad = mocks;\n",
    ],
    [
      'mock-core-imports-no-area',
      'packages/mocks/src/core/bad.ts',
      "import { area } from '../idcheck/index.js';\nexport const bad = area;\n",
    ],
    [
      'areas-are-independent',
      'packages/mocks/src/idcheck/bad.ts',
      "import { other } from '../text-assessment/index.js';\nexport const bad = other;\n",
    ],
    [
      'packages-never-import-apps-or-tests',
      'packages/sdk/src/bad.ts',
      "import { cli } from '../../../apps/mock-server/src/cli.js';\nexport const bad = cli;\n",
    ],
    [
      'src-never-imports-test-code',
      'packages/mocks/src/bad.ts',
      "import { adapters } from '../test/adapters.js';\nexport const bad = adapters;\n",
    ],
    [
      'test-support-is-for-tests',
      'apps/mock-server/src/bad.ts',
      "import { launch } from '../../../tests/support/src/chromium.js';\nexport const bad = launch;\n",
    ],
    ['no-circular', 'packages/spec/src/loop.ts', "import { spec } from './index.js';\nexport const loop = spec;\n"],
  ])('%s: fails on %s', async (rule, path, source) => {
    const files: Record<string, string> = { ...GOOD, [path]: source };
    if (rule === 'test-support-is-for-tests') files['tests/support/src/chromium.ts'] = 'export const launch = 1;\n';
    if (rule === 'no-circular')
      files['packages/spec/src/index.ts'] =
        "import { loop } from './loop.js';\nexport const spec = 1;\nexport const again = loop;\n";
    const { code, stdout } = await check(tree(files));
    // the offending import is named: `rule: from -> to` (a cycle is named from either end)
    expect(stdout.split('\n').some((line) => line.startsWith(`${rule}: `) && line.includes(path))).toBe(true);
    expect(code).toBe(1);
  });
});
