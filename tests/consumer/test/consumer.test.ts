// The packages as users get them: `pnpm release:dry` tarballs installed with npm into an empty
// project, then imported, required, type-checked and run on Node 20, 22 and 24 (the other runtimes:
// runtimes.test.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ok, run } from './support/process.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const { work, tarballs, nodes } = inject('release');
const app = join(work, 'app');

const ENTRIES = [
  '@scrub/spec',
  '@scrub/spec/crypto',
  '@scrub/spec/idcheck',
  '@scrub/spec/text-assessment',
  '@scrub/spec/idcheck/document',
  '@scrub/spec/text-assessment/document',
  '@scrub/spec/rules',
  '@scrub/spec/recording',
  '@scrub/sdk',
  '@scrub/mocks',
  '@scrub/mocks/node',
  '@scrub/mocks/core',
  '@scrub/mocks/http',
  '@scrub/mocks/handlers',
  '@scrub/contract',
  '@scrub/mock-server',
];

const EXAMPLE = `
import { setupServer } from 'msw/node';
import { createHandlers, createMockState } from '@scrub/mocks';
import { createIdCheckClient, createTextAssessmentClient, isAPIError } from '@scrub/sdk';

const state = createMockState();
const server = setupServer(...createHandlers(state));
server.listen({ onUnhandledRequest: 'error' });
const idcheck = createIdCheckClient({ apiKey: 'test-api-key' });
const deleted = await idcheck.submissions.partialDelete({
  submissionId: 's1', fields: ['data', 'id_image'], dataFields: ['first_name'],
});
const after = await idcheck.submissions.get('s1');
const { projection_id } = await idcheck.projections.create({ name: 'hide_names', fields: ['first_name', 'last_name'] });
const elit = createTextAssessmentClient({ accountId: 'demo-account', token: 'demo-token' });
await elit.texts.submit('essay-1', { text: 'My text.', author_id: 'learner-1', task_id: 'task-1' });
const results = await elit.texts.waitForResults('essay-1', { interval: 10 });
let code;
try { await idcheck.projections.get('nope'); } catch (e) { if (isAPIError(e, 'getProjection')) code = e.code; }
server.close();
console.log(JSON.stringify({
  deleted, firstName: after.data?.first_name ?? null, lastName: after.data?.last_name,
  projection_id, type: results.type, code,
}));
`;

// The SDK against the mock from a CommonJS TypeScript project: compiled by tsc to `require()` calls.
const EXAMPLE_CJS = `
import { setupServer } from 'msw/node';
import { createHandlers, createMockState, encrypt } from '@scrub/mocks';
import { createIdCheckClient, isAPIError, InternalServerError } from '@scrub/sdk';
import { checkPartialDelete } from '@scrub/spec/rules';

async function main() {
  const state = createMockState();
  const server = setupServer(...createHandlers(state));
  server.listen({ onUnhandledRequest: 'error' });
  const idcheck = createIdCheckClient({ apiKey: 'test-api-key', maxRetries: 0 });
  const deleted = await idcheck.submissions.partialDelete({
    submissionId: 's1', fields: ['data'], dataFields: ['first_name'],
  });
  let refused: string | undefined;
  try {
    await idcheck.submissions.partialDelete({ submissionId: 's1', fields: ['email'], dataFields: ['first_name'] });
  } catch (e) {
    if (isAPIError(e, 'partialDeleteSubmission')) refused = e.code;
  }
  state.arm({ operationId: 'listProjections', status: 500 });
  const failed = await idcheck.projections.list().catch((e: unknown) => e instanceof InternalServerError);
  // client.raw loads openapi-fetch on first use: through require() in this build (its data type also
  // allows the encryption option's sealed body, hence the cast below)
  const listed = await idcheck.raw.GET('/v3/projection');
  server.close();
  const rule = checkPartialDelete(new URLSearchParams({ submission_id: 's1' }));
  console.log(JSON.stringify({
    deleted: deleted.message, refused, failed, raw: (listed.data as { message?: string } | undefined)?.message,
    journal: state.requests().length,
    rule: rule.ok ? 'ok' : rule.message, encrypted: encrypt('k', 'x').length > 0,
  }));
}
main(); // a rejection ends the process with exit code 1
`;

const CONSUMER_TS = `
import { createIdCheckClient, isAPIError, type ErrorMessages, type SubmissionField } from '@scrub/sdk';
import { createHandlers, createMockState, type Fixture } from '@scrub/mocks';
import { runContract, type Report } from '@scrub/contract';
import type { paths } from '@scrub/spec/idcheck';

const field: SubmissionField = 'OCR_raw';
const client = createIdCheckClient({ apiKey: 'k' });
const pending: Promise<{ message: 'success' | string }> =
  client.submissions.partialDelete({ submissionId: 's1', fields: [field] });
// @ts-expect-error not a documented field
client.submissions.partialDelete({ submissionId: 's1', fields: ['ocr_raw'] });
const code: ErrorMessages['createProjection'] = 'Projection count limit exceeded';
const handlers = createHandlers(createMockState());
const fixture: Fixture | undefined = undefined;
const report: Promise<Report> | undefined = undefined as never;
type Path = keyof paths;
const p: Path = '/v3/submission/partial';
export { pending, code, handlers, fixture, report, p, isAPIError, runContract };
`;

beforeAll(async () => {
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  await ok(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files, 'msw@2.15.0', 'typescript@5.9.3'],
    app,
  );
  writeFileSync(join(app, 'example.mjs'), EXAMPLE);
  writeFileSync(join(app, 'consumer.ts'), CONSUMER_TS);
  writeFileSync(
    join(app, 'entries.mjs'),
    `for (const e of ${JSON.stringify(ENTRIES)}) {
  const m = await import(e);
  if (!Object.keys(m).length) throw new Error(e + ' exports nothing');
}
console.log('esm ok');`,
  );
  // every `require` lands on a CommonJS file (not on an ES module through Node's require(esm))
  writeFileSync(
    join(app, 'entries.cjs'),
    `for (const e of ${JSON.stringify(ENTRIES)}) {
  if (!require.resolve(e).endsWith('.cjs')) throw new Error(e + ' resolves to ' + require.resolve(e));
  const m = require(e);
  if (!Object.keys(m).length) throw new Error(e + ' exports nothing');
}
console.log('cjs ok');`,
  );
  mkdirSync(join(app, 'cjs'));
  writeFileSync(
    join(app, 'cjs/package.json'),
    JSON.stringify({ name: 'consumer-cjs', private: true, type: 'commonjs' }),
  );
  writeFileSync(join(app, 'cjs/consumer.ts'), CONSUMER_TS);
  writeFileSync(join(app, 'cjs/example.ts'), EXAMPLE_CJS);
});

describe('release tarballs', () => {
  it('hold only the package: dist, README, LICENSE, package.json; no tests or test fixtures', async () => {
    for (const file of readdirSync(tarballs)) {
      const list = (await ok('tar', ['tzf', join(tarballs, file)], work)).trim().split('\n');
      const server = file.startsWith('scrub-mock-server-');
      expect(list, file).toContain('package/README.md');
      expect(list, file).toContain('package/LICENSE');
      // the dual build: an ES module and a CommonJS file per entry, each with its declarations
      // (the mock server's entry is `startMockServer`; its command is dist/cli.js)
      for (const built of ['index.js', 'index.d.ts', 'index.cjs', 'index.d.cts'])
        expect(list, file).toContain(`package/dist/${built}`);
      if (server) {
        expect(list, file).toContain('package/dist/cli.js');
        expect(list, file).toContain('package/dist/docs/index.html'); // the API reference it serves at /docs
      }
      for (const entry of list) {
        expect(entry, file).toMatch(
          server
            ? /^package\/(package\.json|README\.md|LICENSE|dist\/[\w/.-]+\.(js|cjs|d\.ts|d\.cts|html))$/
            : /^package\/(package\.json|README\.md|LICENSE|dist\/[\w/.-]+\.(js|cjs|d\.ts|d\.cts|json)|dist\/flows\/[\w-]+\.arazzo\.yaml)$/,
        );
        expect(entry, file).not.toMatch(/(^|\/)(tests?|__tests__|fixtures-test)\/|\.(test|spec)\.|\.map$/);
      }
    }
    expect(readdirSync(tarballs).sort()).toEqual([
      'scrub-contract-0.1.0.tgz',
      'scrub-mock-server-0.1.0.tgz',
      'scrub-mocks-0.1.0.tgz',
      'scrub-sdk-0.1.0.tgz',
      'scrub-spec-0.1.0.tgz',
    ]);
  });

  it('pass publint (strict) and attw (default profile: node10, node16 from CJS and from ESM, bundler)', async () => {
    const publint = join(ROOT, 'tests/consumer/node_modules/publint/src/cli.js');
    const attw = join(ROOT, 'tests/consumer/node_modules/@arethetypeswrong/cli/dist/index.js');
    for (const pkg of ['spec', 'sdk', 'mocks', 'contract', 'mock-server']) {
      const out = await ok(process.execPath, [publint, 'run', join(app, 'node_modules/@scrub', pkg), '--strict'], app);
      expect(out, pkg).not.toMatch(/warning|error/i);
      const out2 = await ok(
        process.execPath,
        [attw, join(tarballs, `scrub-${pkg}-0.1.0.tgz`), '--format', 'ascii'],
        app,
      );
      expect(out2, pkg).toContain('node10: 🟢');
      expect(out2, pkg).not.toMatch(/❌|💀|⚠️|🥴|🎭|🐛|❗️|🚭/u);
    }
  });
});

describe.each(['20', '22', '24'])('on Node %s', (major) => {
  it('imports (ESM) and requires (CJS) every public entry point', async () => {
    expect(await ok(nodes[major]!, ['entries.mjs'], app)).toContain('esm ok');
    expect(await ok(nodes[major]!, ['entries.cjs'], app)).toContain('cjs ok');
  });

  it('runs the mock server through npx from the installed tarball, answers from its --fixture, records through it', async () => {
    writeFileSync(
      join(app, 'server-fixture.json'),
      JSON.stringify({
        idcheck: {
          projects: [
            { id: 'p', apiKeys: ['k1'], encryption: false, submissions: [{ submission_id: 'x1' }], projections: [] },
          ],
          orphanApiKeys: [],
        },
        textAssessment: { accounts: [] },
      }),
    );
    const { spawn } = await import('node:child_process');
    // through npx, as a user runs it; the bin's `#!/usr/bin/env node` finds this Node first on the PATH
    const env = { ...process.env, PATH: `${dirname(nodes[major]!)}:${process.env.PATH}` };
    expect((await ok('bash', ['-c', 'node --version'], app, { PATH: env.PATH })).trim()).toMatch(
      new RegExp(`^v${major}\\.`),
    );
    // detached: the signal at the end reaches npx and the server it started alike
    const child = spawn('npx', ['@scrub/mock-server', '--port', '0', '--fixture', 'server-fixture.json', '--quiet'], {
      cwd: app,
      detached: true,
      env,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const found = /listening on (http:\/\/\S+) \(fixture: server-fixture\.json\)/.exec(out)?.[1];
          if (found) resolve(found);
        });
        child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
      });
      const r = await fetch(`${url}/v3/submission?submission_id=x1`, { headers: { 'x-api-key': 'k1' } });
      expect([r.status, await r.json()]).toEqual([200, { Items: [{ submission_id: 'x1' }] }]);
      expect((await fetch(`${url}/docs/`)).status).toBe(200);
      await recordsThroughNpx(url, env);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });

  /** `npx @scrub/mock-server record` in front of `upstream`: one call, SIGTERM, both files with fresh keys. */
  async function recordsThroughNpx(upstream: string, env: NodeJS.ProcessEnv) {
    const { spawn } = await import('node:child_process');
    const out = `recording-${major}`;
    const args = ['@scrub/mock-server', 'record', '--upstream', upstream, '--out', out, '--port', '0', '--quiet'];
    const recorder = spawn('npx', args, {
      cwd: app,
      detached: true,
      env: { ...env, SCRUB_REDACT_KEY: 'consumer-key-00001' },
    });
    const exited = new Promise((resolve) => recorder.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let said = '';
      recorder.stdout!.on('data', (d) => {
        said += d;
        const found = /listening on (http:\/\/[^\s,]+)/.exec(said)?.[1];
        if (found) resolve(found);
      });
      recorder.on('exit', (code) => reject(new Error(`the recorder exited with ${code}: ${said}`)));
    });
    const r = await fetch(`${url}/v3/submission?submission_id=x1`, { headers: { 'x-api-key': 'k1' } });
    expect([r.status, await r.json()]).toEqual([200, { Items: [{ submission_id: 'x1' }] }]);
    process.kill(-recorder.pid!, 'SIGTERM');
    await exited;
    // npx may exit before the recorder it started has written (seen under load): wait for the fixture,
    // renamed into place whole after the HAR
    const written = join(app, out, 'fixture.json');
    for (let waited = 0; !existsSync(written) && waited < 60_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const fixture = JSON.parse(readFileSync(written, 'utf8'));
    expect(fixture.idcheck.projects[0].apiKeys[0]).toMatch(/^rec-key-/);
    expect(fixture.idcheck.projects[0].submissions).toHaveLength(1);
    expect(readFileSync(join(app, out, 'recording.har'), 'utf8')).not.toContain('"k1"');
  }

  it.each([
    ['node10', { module: 'commonjs', moduleResolution: 'node10' }],
    ['node16', { module: 'node16', moduleResolution: 'node16', skipLibCheck: true }], // msw's declarations, as above
  ])('runs a CommonJS TypeScript program (%s) compiled to require() calls', async (name, options) => {
    const outDir = `out-${name}-${major}`;
    writeFileSync(
      join(app, 'cjs', `tsconfig.run-${name}-${major}.json`),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          strict: true,
          outDir,
          skipLibCheck: false,
          lib: ['es2022', 'dom'],
          types: [],
          ...options,
        },
        files: ['example.ts'],
      }),
    );
    await ok(
      process.execPath,
      [join(app, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.run-${name}-${major}.json`],
      join(app, 'cjs'),
    );
    expect(readFileSync(join(app, 'cjs', outDir, 'example.js'), 'utf8')).toContain('require("@scrub/sdk")');
    const out = JSON.parse(
      (await ok(nodes[major]!, [join(outDir, 'example.js')], join(app, 'cjs'))).trim().split('\n').pop()!,
    );
    expect(out).toEqual({
      deleted: 'success',
      refused: 'data_fields parameter is not allowed when fields does not include data',
      failed: true,
      raw: 'Get projection list success',
      journal: 3,
      rule: 'fields parameter is required and cannot be empty',
      encrypted: true,
    });
  });

  it('runs the SDK README example against MSW from @scrub/mocks', async () => {
    const out = JSON.parse((await ok(nodes[major]!, ['example.mjs'], app)).trim().split('\n').pop()!);
    expect(out).toMatchObject({
      deleted: {
        message: 'success',
        submission_id: 's1',
        deleted: { fields: ['data', 'id_image'], data_fields: ['first_name'] },
      },
      firstName: null,
      lastName: 'Park',
      type: 'success',
      code: 'Projection not found',
    });
    expect(out.projection_id).toMatch(/^[a-z0-9]{13}$/);
  });
});

describe('consumers', () => {
  // the five resolution modes attw names: node16 from ESM and bundler in the ESM project; node10
  // (`module: commonjs`, the long-time default) and node16 from CJS in a `"type": "commonjs"` package
  it.each([
    ['node16 (ESM package)', '.', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler (ESM package)', '.', { module: 'esnext', moduleResolution: 'bundler' }],
    ['node10 (module commonjs)', 'cjs', { module: 'commonjs', moduleResolution: 'node10' }],
    // skipLibCheck: msw's own declarations import the ESM-only rettime and type-fest, which TypeScript
    // refuses from CommonJS under node16 (TS1479 inside node_modules/msw); ours are checked in full under
    // node10 here and by attw's node16-from-CJS resolution
    ['node16 (CommonJS package)', 'cjs', { module: 'node16', moduleResolution: 'node16', skipLibCheck: true }],
    // and TypeScript's current Node mode, which allows require() of ES modules
    ['nodenext (CommonJS package)', 'cjs', { module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: true }],
  ])('type-check under %s', async (name, dir, options) => {
    const config = `tsconfig.${name.split(' ')[0]}.json`;
    writeFileSync(
      join(app, dir, config),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          lib: ['es2022', 'dom'],
          types: [],
          ...options,
        },
        files: ['consumer.ts'],
      }),
    );
    await ok(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', config], join(app, dir));
  });

  it('runs the contract CLI and its flows via npx against a server from @scrub/mocks/http', async () => {
    writeFileSync(
      join(app, 'server.mjs'),
      `import { createMockHttpServer, createMockState } from '@scrub/mocks/http';
const server = createMockHttpServer({ state: createMockState() });
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));`,
    );
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['server.mjs'], { cwd: app });
    const url = await new Promise<string>((resolve) => child.stdout.on('data', (d) => resolve(String(d).trim())));
    try {
      const out = await ok(
        'npx',
        ['scrub-contract', '--target', url, '--require-coverage', '100', '--quiet', '--fuzz-runs', '5'],
        app,
      );
      expect(out).toContain('77/77 documented responses hit (100%)');
      // the flows ship in the package: every workflow runs and passes on the mock
      const flows = await ok('npx', ['scrub-contract', 'flows', '--target', url, '--quiet'], app);
      expect(flows).toMatch(/^10 passed, 0 failed, 0 skipped, 0 unreachable on this target$/m);
    } finally {
      child.kill();
    }
  });

  it('judges a spec change with the contract CLI via npx (scrub-contract diff from the tarball)', async () => {
    const spec = (extra: string) =>
      `openapi: 3.1.0\ninfo: {title: Items, version: '1'}\npaths:\n  /items:\n    get:\n      operationId: listItems\n` +
      `      parameters:\n        - {name: page, in: query, schema: {type: integer}}\n${extra}` +
      `      responses:\n        '200': {description: ok}\n`;
    writeFileSync(join(app, 'v1.yaml'), spec(''));
    writeFileSync(join(app, 'v2.yaml'), spec('        - {name: size, in: query, schema: {type: integer}}\n'));
    const out = await ok('npx', ['scrub-contract', 'diff', '--base', 'v1.yaml', '--head', 'v2.yaml'], app);
    expect(out).toMatch(
      /compatible parameter-added-optional GET \/items +query parameter size: optional parameter added/,
    );
    expect(out.trim().split('\n').pop()).toBe('verdict: compatible');
  });

  it('works with the oldest msw the peer range allows (2.11.0)', async () => {
    await ok('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'msw@2.11.0'], app);
    const out = JSON.parse((await ok(process.execPath, ['example.mjs'], app)).trim().split('\n').pop()!);
    expect(out.code).toBe('Projection not found');
    expect(out.firstName).toBeNull();
  });
});

/** The guide's files: each code block preceded by `<!-- file: path -->` (Vitest), `<!-- jest-file: path -->`
 * (Jest, ESM), `<!-- jest-cjs-file: path -->` (Jest, CommonJS) or `<!-- jest-cjs-imports: path -->` (the
 * CommonJS lines that replace the `import` lines of the ESM Jest file of that path). */
function guideFiles(marker: 'file' | 'jest-file' | 'jest-cjs-file' | 'jest-cjs-imports'): Record<string, string> {
  const guide = readFileSync(join(ROOT, 'docs/testing.md'), 'utf8');
  const files: Record<string, string> = {};
  for (const m of guide.matchAll(new RegExp(`<!-- ${marker}: (\\S+) -->\\n\`\`\`(?:ts|js)\\n([\\s\\S]*?)\`\`\``, 'g')))
    files[m[1]!] = m[2]!;
  return files;
}

/** The sdk and mocks README snippets as test files (the code blocks of each README, in order). */
function readmeFiles(): Record<string, string> {
  const blocks = (pkg: string) =>
    [...readFileSync(join(ROOT, 'packages', pkg, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
      (m) => m[1]!,
    );
  const split = (code: string) => {
    const lines = code.split('\n');
    return {
      imports: lines.filter((l) => l.startsWith('import ')).join('\n'),
      body: lines.filter((l) => !l.startsWith('import ')).join('\n'),
    };
  };
  const [setup, arms] = blocks('mocks');
  const sdk = split(blocks('sdk')[0]!);
  return {
    // the setup block as written, then the arm block inside a test
    'test/readme-mocks.test.ts': `${setup}
import { expect, it } from 'vitest';
it('the mocks README arms', () => {
${arms}
  expect(state.arms.map((a) => [a.operationId, a.times])).toEqual([
    ['createProjection', 1], ['listProjections', 2], ['deleteProjection', 1],
  ]);
});
`,
    // the SDK example against the mock, its credentials from the environment as the README shows
    'test/readme-sdk.test.ts': `${sdk.imports}
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createHandlers, createMockState, defaultFixture } from '@scrub/mocks';

process.env.ARGOS_API_KEY = 'test-api-key';
process.env.ELIT_TOKEN = 'elit-token';
const fixture = structuredClone(defaultFixture);
fixture.textAssessment.accounts.push({ id: 'my-account', token: 'elit-token', texts: [] });
const mock = setupServer(...createHandlers(createMockState(fixture)));
beforeAll(() => mock.listen());
afterAll(() => mock.close());

it('the SDK README example runs', async () => {
${sdk.body}
  expect(projection_id).toMatch(/^[a-z0-9]{13}$/);
  expect(results.type).toBe('success');
}, 30_000);
`,
  };
}

describe('the "Testing with Scrub" guide and the package READMEs, as a fresh Vitest project', () => {
  it.each([
    ['msw 2 on Node 20', '2.15.0', '20'],
    ['msw 3 on Node 22', '3.0.5', '22'],
  ])('its snippets pass and type-check (%s)', async (_name, msw, major) => {
    const dir = join(work, `guide-msw${msw}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'guide', private: true, type: 'module' }));
    const files = { ...guideFiles('file'), ...readmeFiles() };
    expect(Object.keys(files).sort()).toEqual([
      'src/privacy.ts',
      'test/fixture.test.ts',
      'test/global-setup.ts',
      'test/mock.ts',
      'test/overrides.test.ts',
      'test/privacy.test.ts',
      'test/readme-mocks.test.ts',
      'test/readme-sdk.test.ts',
      'test/server.test.ts',
      'vitest.config.ts',
    ]);
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          lib: ['es2022', 'dom'],
          types: ['node'],
        },
        include: ['src', 'test'],
      }),
    );
    const tarballFiles = readdirSync(tarballs).map((f) => join(tarballs, f));
    // a plain npm install: the peer range must take this msw without --legacy-peer-deps
    await ok(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        ...tarballFiles,
        `msw@${msw}`,
        'vitest@4.1.12',
        'typescript@5.9.3',
        '@types/node@20.19.43',
      ],
      dir,
    );
    await ok(nodes[major]!, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], dir);
    const out = (
      await ok(nodes[major]!, ['node_modules/vitest/vitest.mjs', 'run'], dir, { CI: 'true', NO_COLOR: '1' })
    ).replace(/\x1b\[[0-9;]*m/g, '');
    expect(out).toMatch(/Tests\s+10 passed \(10\)/); // test/server.test.ts against the globalSetup's startMockServer
  });
});

describe('the "Testing with Scrub" guide, as a fresh Jest 30 project (ESM, jsdom)', () => {
  it('its Jest snippets pass', async () => {
    const dir = join(work, 'guide-jest');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'guide-jest', private: true, type: 'module' }));
    const files = guideFiles('jest-file');
    expect(Object.keys(files).sort()).toEqual(['jest.config.js', 'test/frontend.test.js']);
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    const tarballFiles = readdirSync(tarballs).map((f) => join(tarballs, f));
    await ok(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        ...tarballFiles,
        'msw@2.15.0',
        'jest@30.5.2',
        'jest-environment-jsdom@30.5.2',
        'jest-fixed-jsdom@0.0.11',
      ],
      dir,
    );
    const r = await run(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--ci'], dir);
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(r.stderr).toMatch(/Tests:\s+5 passed, 5 total/);
  });
});

describe('the "Testing with Scrub" guide, as a fresh Jest 30 project (CommonJS, jsdom)', () => {
  // the guide's two ways: msw 2.11.1 (no ESM-only dependency) with plain `jest` on Node 20; the newest
  // msw on Node 24 with --experimental-vm-modules (Jest's require(esm), for msw's `rettime`)
  it.each([
    ['msw 2.11.1, Node 20, plain jest', '2.11.1', '20', []],
    ['msw 2.15.0, Node 24, --experimental-vm-modules', '2.15.0', '24', ['--experimental-vm-modules']],
  ])('its Jest snippets pass with require() (%s)', async (name, msw, major, flags) => {
    const dir = join(work, `guide-jest-cjs-${msw}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'guide-jest-cjs', private: true, type: 'commonjs' }),
    );
    const esm = guideFiles('jest-file');
    const imports = guideFiles('jest-cjs-imports');
    expect(Object.keys(imports)).toEqual(['test/frontend.test.js']);
    const test = esm['test/frontend.test.js']!.split('\n')
      .filter((l) => !l.startsWith('import '))
      .join('\n');
    const files = { ...guideFiles('jest-cjs-file'), 'test/frontend.test.js': imports['test/frontend.test.js'] + test };
    expect(Object.keys(files).sort()).toEqual(['jest.config.js', 'test/frontend.test.js']);
    expect(files['test/frontend.test.js']).not.toMatch(/^import /m);
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    const tarballFiles = readdirSync(tarballs).map((f) => join(tarballs, f));
    await ok(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        ...tarballFiles,
        `msw@${msw}`,
        'jest@30.5.2',
        'jest-environment-jsdom@30.5.2',
        'jest-fixed-jsdom@0.0.11',
      ],
      dir,
    );
    const r = await run(nodes[major]!, [...flags, 'node_modules/jest/bin/jest.js', '--ci'], dir);
    expect(r.code, `${name}\n${r.stderr.slice(-3000)}`).toBe(0);
    expect(r.stderr).toMatch(/Tests:\s+5 passed, 5 total/);
  });
});

describe.each(['22', '24'])('workspace suites on Node %s', (major) => {
  it.each(['packages/spec', 'packages/sdk', 'packages/mocks'])('%s passes', async (dir) => {
    const out = await ok(nodes[major]!, [join(ROOT, dir, 'node_modules/vitest/vitest.mjs'), 'run'], join(ROOT, dir), {
      CI: 'true',
      NO_COLOR: '1',
    });
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed \(\d+\)/);
  });
});
