// The contract README's CI workflow, run as written against two local servers: the mock server and
// a stand-in for staging (the mock without its admin routes, holding the set-up's ids and data the
// suite was not given). `npx -y @scrub/<pkg>` runs this workspace's build of that package; the
// GitHub expressions become the values a CI would pass. A drifted staging makes the compare job fail.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningMockServer, startMockServer } from '@scrub/mock-server';
import { type Drift, startStaging as startStandIn } from '@scrub/test-support/staging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const README = readFileSync(join(ROOT, 'packages/contract/README.md'), 'utf8');
const block = (file: string) =>
  new RegExp(`<!-- file: ${file.replace(/\./g, '\\.')} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(README)?.[1];
const SECRETS = {
  ARGOS_STAGING_API_KEY: 'ci-key-0001',
  ARGOS_STAGING_LIMIT_API_KEY: 'ci-limit-key-0002',
  ELIT_STAGING_TOKEN: 'ci-token-0003',
};
const BINS: Record<string, string> = {
  '@scrub/contract': join(ROOT, 'packages/contract/dist/cli.js'),
  '@scrub/mock-server': join(ROOT, 'apps/mock-server/dist/cli.js'),
};

const submission = (id: string) => ({
  submission_id: id,
  email: `${id}@example.com`,
  data: { first_name: 'Ada', last_name: 'Lovelace' },
  image: { idImage: 'https://files.example.invalid/id.jpg' },
});
const stagingFixture = {
  idcheck: {
    projects: [
      {
        id: 'ci',
        apiKeys: [SECRETS.ARGOS_STAGING_API_KEY],
        encryption: false,
        submissions: [submission('ci-read-only'), submission('ci-disposable'), submission('someone-else')],
        projections: [],
      },
      {
        id: 'ci-limit',
        apiKeys: [SECRETS.ARGOS_STAGING_LIMIT_API_KEY],
        encryption: false,
        submissions: [],
        projections: [],
      },
    ],
    orphanApiKeys: [],
  },
  textAssessment: {
    accounts: [
      {
        id: 'ci-account',
        token: SECRETS.ELIT_STAGING_TOKEN,
        texts: [{ id: 'kept', author_id: 'a-learner', task_id: 't', text: 'Stays.' }],
      },
    ],
  },
};

/** The staging stand-in over the staging fixture (admin routes answering 404); `drift` rewrites answers. */
async function startStaging(drift?: Drift) {
  const inner = await startMockServer({ fixture: stagingFixture });
  return { ...(await startStandIn(inner, drift)), inner };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
}
const workflow = parse(block('.github/workflows/contract.yml') ?? '') as {
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};

/** Runs a job's `run` steps in one shell, as the runner would (background processes live on), then stops them. */
async function runJob(
  job: string,
  cwd: string,
  stagingUrl: string,
  port: number,
): Promise<{ code: number; out: string }> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(workflow.env))
    env[name] = value.replace(/\$\{\{\s*(vars|secrets)\.(\w+)\s*\}\}/g, (_m, kind: string, key: string) =>
      kind === 'vars' && key === 'STAGING_URL' ? stagingUrl : ((SECRETS as Record<string, string>)[key] ?? ''),
    );
  const script = workflow.jobs[job]!.steps.filter((s) => s.run)
    .map((s) =>
      s
        .run!.replace(/npx -y (@scrub\/[\w-]+)/g, (_m, pkg: string) => `"${process.execPath}" "${BINS[pkg]}"`)
        .replace(/4010/g, String(port)),
    )
    .join('\n');
  const child = spawn('bash', ['-e', '-c', script], { cwd, env: { ...process.env, ...env }, detached: true });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  try {
    process.kill(-child.pid!, 'SIGTERM'); // the mock server the job started in the background
  } catch {}
  return { code, out };
}

describe("the contract README's CI workflow", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scrub-contract-ci-'));
    writeFileSync(join(dir, 'contract.setup.mjs'), block('contract.setup.mjs')!);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the two jobs, reading secrets only from the environment', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['staging', 'mock-vs-staging']);
    expect(Object.keys(workflow.env)).toEqual([
      'STAGING_URL',
      'SCRUB_CONTRACT_API_KEY',
      'SCRUB_CONTRACT_LIMIT_API_KEY',
      'SCRUB_CONTRACT_TOKEN',
    ]);
    expect(block('contract.setup.mjs')).not.toMatch(/key|token/i);
  });

  it('staging: the suite passes against staging with --destructive and touches only what it was given', async () => {
    const staging = await startStaging();
    try {
      const r = await runJob('staging', dir, staging.url, await freePort());
      expect(
        r.code,
        r.out
          .split('\n')
          .filter((l) => /FAIL|^\s+\S/.test(l) && !/^\|/.test(l))
          .join('\n'),
      ).toBe(0);
      expect(readFileSync(join(dir, 'contract.xml'), 'utf8')).toMatch(
        /<testsuite name="idcheck" tests="\d+" failures="0"/,
      );
      // the flows step ran after the suite: steps reported, none failed
      const flows = readFileSync(join(dir, 'flows.xml'), 'utf8');
      expect(flows).toMatch(/<testsuite name="text-assessment\.arazzo\.yaml" tests="\d+" failures="0"/);
      expect(flows).not.toContain('<failure');
      for (const secret of Object.values(SECRETS))
        expect(r.out + readFileSync(join(dir, 'contract.xml'), 'utf8') + flows).not.toContain(secret);
      const state = (await (await fetch(`${staging.inner.url}/__mock/state`)).json()) as typeof stagingFixture;
      const [other] = state.idcheck.projects[0]!.submissions.filter((s) => s.submission_id === 'someone-else');
      expect(other).toEqual(submission('someone-else'));
      expect(state.idcheck.projects.map((p) => p.projections)).toEqual([[], []]);
      expect(state.textAssessment.accounts[0]!.texts.map((t) => t.id)).toEqual(['kept']);
    } finally {
      await staging.close();
    }
  }, 300_000);

  it('mock-vs-staging: the same answers pass; a drifted staging fails with the difference named', async () => {
    const same = await startStaging();
    try {
      const r = await runJob('mock-vs-staging', dir, same.url, await freePort());
      expect(
        r.code,
        r.out
          .split('\n')
          .filter((l) => /FAIL|^\s+\S/.test(l) && !/^\|/.test(l))
          .join('\n'),
      ).toBe(0);
      expect(readFileSync(join(dir, 'drift.md'), 'utf8')).toMatch(/\d+ cases the same, 0 different/);
    } finally {
      await same.close();
    }
    rmSync(join(dir, 'drift.md'));
    const drifted = await startStaging((x) =>
      x.path.startsWith('/v3/projection') ? { ...x, text: x.text.replace('"Get projection list success"', '"OK"') } : x,
    );
    try {
      const r = await runJob('mock-vs-staging', dir, drifted.url, await freePort());
      expect(r.code).toBe(1);
      const md = readFileSync(join(dir, 'drift.md'), 'utf8');
      expect(md).toContain(
        '| listProjections | 200 | lists the projections | message: "Get projection list success" vs "OK"',
      );
      expect(existsSync(join(dir, 'drift.xml'))).toBe(true);
    } finally {
      await drifted.close();
    }
  }, 300_000);
});

describe("the contract README's other snippets", () => {
  let dir: string;
  let mock: RunningMockServer;
  let mockUrl: string;
  let staging: Awaited<ReturnType<typeof startStaging>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scrub-contract-readme-'));
    writeFileSync(join(dir, 'contract.setup.mjs'), block('contract.setup.mjs')!);
    mock = await startMockServer();
    mockUrl = mock.url;
    staging = await startStaging();
  });
  afterAll(async () => {
    await Promise.all([mock.close(0), staging.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const blocks = (lang: string) =>
    [...README.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
  const local = (text: string) =>
    text
      .replace(/npx scrub-contract/g, `"${process.execPath}" "${BINS['@scrub/contract']}"`)
      .replace(/http:\/\/localhost:4010/g, () => mockUrl)
      .replace(/https:\/\/staging\.example/g, () => staging.url);

  it('every shell line runs against the mock and the staging stand-in (credentials as CI passes them)', async () => {
    // the spec-diff lines need a repository with two versions of a spec: spec-changes.test.ts runs them
    const lines = blocks('sh')
      .flatMap((b) => b.trim().split('\n'))
      .map((l) => l.replace(/\s+# .*$/, ''))
      .filter((l) => !l.startsWith('npx scrub-contract diff '));
    expect(lines).toHaveLength(9);
    // the traffic line checks a recording: one made against the mock
    const res = await fetch(`${mockUrl}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } });
    const entry = {
      request: {
        method: 'GET',
        url: `${mockUrl}/v3/projection`,
        headers: [{ name: 'x-api-key', value: 'test-api-key' }],
      },
      response: { status: res.status, headers: [], content: { mimeType: 'application/json', text: await res.text() } },
    };
    writeFileSync(join(dir, 'session.har'), JSON.stringify({ log: { version: '1.2', entries: [entry] } }));
    const env = {
      SCRUB_CONTRACT_API_KEY: SECRETS.ARGOS_STAGING_API_KEY,
      SCRUB_CONTRACT_LIMIT_API_KEY: SECRETS.ARGOS_STAGING_LIMIT_API_KEY,
      SCRUB_CONTRACT_TOKEN: SECRETS.ELIT_STAGING_TOKEN,
    };
    for (const line of lines) {
      const command = local(line).replace(
        /^(SCRUB_CONTRACT_\w+)=\.\.\. /,
        (_m, name: keyof typeof env) => `${name}=${env[name]} `,
      );
      const r = await new Promise<{ code: number; out: string }>((resolve) => {
        const child = spawn('bash', ['-c', command], {
          cwd: dir,
          env: { ...process.env, ...(/^npx scrub-contract (compare|flows)/.test(line) ? env : {}) },
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (c) => resolve({ code: c ?? 1, out }));
      });
      expect(r.code, `${line}\n${r.out.slice(-2000)}`).toBe(0);
    }
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toContain('"percent": 100');
    expect(readFileSync(join(dir, 'traffic.md'), 'utf8')).toContain('1 API calls: 1 ok, 0 failed');
    // the recording as a fixture: its own key, never the recorded one
    const fixture = readFileSync(join(dir, 'fixture.json'), 'utf8');
    expect(JSON.parse(fixture).idcheck.projects).toHaveLength(1);
    expect(fixture).not.toContain('test-api-key');
    // the staging flows ran with --destructive, step by step, and none failed
    const flows = readFileSync(join(dir, 'flows.xml'), 'utf8');
    expect(flows).not.toContain('<failure');
    expect(
      [...flows.matchAll(/<testsuite name="([^"]+)" tests="\d+" failures="(\d+)"/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ['idcheck-projections.arazzo.yaml', '0'],
      ['idcheck-submissions.arazzo.yaml', '0'],
      ['text-assessment.arazzo.yaml', '0'],
    ]);
    // staging was given no encrypted project: that flow is unreachable there, said so, not passed
    expect(flows).toContain('needs SCRUB_CONTRACT_SEALED_API_KEY');
    expect(readFileSync(join(dir, 'flows.md'), 'utf8')).toContain(
      '| text-assessment.arazzo.yaml | author-delete-repeat | passed | 4 steps         |',
    );
  }, 300_000);

  it('the library snippet runs', async () => {
    const [snippet] = blocks('ts');
    writeFileSync(join(ROOT, 'tests/integration/readme-contract.tmp.mjs'), local(snippet!));
    try {
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [join(ROOT, 'tests/integration/readme-contract.tmp.mjs')]);
        let text = '';
        child.stdout.on('data', (d) => (text += d));
        child.on('exit', (c) => (c === 0 ? resolve(text) : reject(new Error(`exit ${c}`))));
      });
      expect(out).toContain('77/77 documented responses hit (100%)');
      // the last line: coverageTable(report), report.ok, report.percent
      expect(out.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed true 100$/);
    } finally {
      rmSync(join(ROOT, 'tests/integration/readme-contract.tmp.mjs'), { force: true });
    }
  }, 300_000);
});
