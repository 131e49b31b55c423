// Real-target mode against a stand-in for a staging deployment (the mock without its admin routes,
// holding data the suite was not given): credentials from the environment, ids from a set-up, data
// changes only with --destructive, and nothing touched that the run was not given.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { credentialsFromEnv, runContract } from '../../src/index.js';
import { cli as runCli } from '../support/cli.js';
import { type Running, STAGING, startStaging } from '../support/servers.js';

const dir = mkdtempSync(join(tmpdir(), 'scrub-contract-real-'));
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: dir, env });
const SECRETS = Object.values(STAGING.env);
const CONTROLS_ONLY = [
  'partialDeleteSubmission 500 Internal server error',
  'getSubmission 500 Internal server error',
  'createProjection 500 Internal server error',
  'listProjections 500 Internal server error',
  'getProjection 500 Internal server error',
  'deleteProjection 500 Internal server error',
  'deleteAuthorSubmissions 500 internal server error',
  'submitText 500 internal server error',
  'getTextResults 500 internal server error',
];

describe('against a deployment that is not the mock', () => {
  let staging: Running & { state(): Promise<any> };
  beforeEach(async () => {
    staging = await startStaging();
  });
  afterEach(() => staging.stop());

  it(
    'without --destructive: reads only, ' + 'skips every case that changes data, and leaves the data as it was',
    async () => {
      const before = await staging.state();
      const report = await runContract({ target: staging.url, env: STAGING.env, setup: STAGING.setup, fuzzRuns: 5 });
      expect(report.mockControls).toBe(false);
      expect(report.results.filter((r) => r.state === 'failed')).toEqual([]);
      const skipped = report.results.filter((r) => r.state === 'skipped');
      expect(skipped.map((r) => r.reason)).toEqual(
        skipped.map(() => 'creates or deletes data on the target: run with --destructive'),
      );
      expect(skipped.map((r) => `${r.operationId} ${r.response}`).sort()).toEqual([
        'createProjection 200',
        'createProjection 409 Projection count limit exceeded',
        'createProjection 409 Projection name already exists',
        'deleteAuthorSubmissions 200',
        'deleteProjection 200',
        'getProjection 200',
        'getTextResults 200',
        'partialDeleteSubmission 200',
        'submitText 200',
        'submitText 400 id already used',
      ]);
      expect(await staging.state()).toEqual(before);
      expect(report.cleanup).toEqual([]);
      expect(report.ok).toBe(true);
    },
  );

  it(
    'with --destructive: every response but the Prefer ones is hit; only the given submission changed, ' +
      'everything the run created is gone',
    async () => {
      const before = await staging.state();
      const report = await runContract({
        target: staging.url,
        env: STAGING.env,
        setup: STAGING.setup,
        destructive: true,
        fuzzRuns: 5,
      });
      expect(report.results.filter((r) => r.state === 'failed')).toEqual([]);
      expect(
        report.coverage
          .filter((r) => r.state !== 'hit')
          .map((r) => `${r.operationId} ${r.response}`)
          .sort(),
      ).toEqual([...CONTROLS_ONLY].sort());
      expect(report.coverage.filter((r) => r.state === 'unreachable')).toHaveLength(CONTROLS_ONLY.length);
      expect(report.cleanup).toEqual([
        expect.stringMatching(/^deleted the texts of author scrub-contract-[a-z0-9]+ \(this run's own\)$/),
      ]);

      const after = await staging.state();
      const expected = structuredClone(before);
      const deletable = expected.idcheck.projects[0].submissions.find(
        (s: { submission_id: string }) => s.submission_id === 'stg-delete',
      );
      delete deletable.data.first_name;
      delete deletable.image.idImage;
      // the data is as before but for the given submission; the records of what happened name only it
      // and the run's own authors
      const data = (state: any) => ({
        projects: state.idcheck.projects.map((p: any) => ({
          id: p.id,
          submissions: p.submissions,
          projections: p.projections,
        })),
        texts: state.textAssessment.accounts.map((a: any) => a.texts),
      });
      expect(data(after)).toEqual(data(expected));
      expect(after.idcheck.projects[0].auditLog.map((e: any) => [e.submission_id, e.fields, e.data_fields])).toEqual([
        ['stg-delete', ['data', 'id_image'], ['first_name']],
      ]);
      expect(
        Object.keys(after.textAssessment.accounts[0].authorDeletions).every((a) => a.startsWith('scrub-contract-')),
      ).toBe(true);
      expect(after.idcheck.projects[0].projections.map((p: { name: string }) => p.name)).toEqual(['keep_me']);
      expect(after.textAssessment.accounts[0].texts.map((t: { id: string }) => t.id)).toEqual(['real-text-1']);
    },
  );

  it('--only and --skip pick operations by id', async () => {
    const only = await runContract({
      target: staging.url,
      env: STAGING.env,
      setup: STAGING.setup,
      only: ['getSubmission', 'listProjections'],
      fuzzRuns: 0,
    });
    expect([...new Set(only.results.map((r) => r.operationId))].sort()).toEqual(['getSubmission', 'listProjections']);
    expect([...new Set(only.coverage.map((r) => r.operationId))].sort()).toEqual(['getSubmission', 'listProjections']);
    const skip = await runContract({
      target: staging.url,
      env: STAGING.env,
      setup: STAGING.setup,
      areas: ['idcheck'],
      skip: ['createProjection', 'getSubmission'],
      fuzzRuns: 0,
    });
    expect(skip.results.some((r) => r.operationId === 'createProjection' || r.operationId === 'getSubmission')).toBe(
      false,
    );
    expect(skip.results.some((r) => r.operationId === 'listProjections')).toBe(true);
  });

  it(
    'the CLI takes credentials from the environment and a set-up module with a before hook; no report ' +
      'holds a credential',
    async () => {
      writeFileSync(
        join(dir, 'contract.setup.mjs'),
        `export default {
  textAssessment: { accountId: 'stg-account' },
  // ids can come from a hook too (say, after creating a submission through another API)
  async before({ target, destructive }) {
    if (!target.startsWith('http://127.0.0.1:') || destructive) throw new Error('unexpected context');
    return { idcheck: { submissionId: 'stg-read' } };
  },
};
`,
      );
      const r = await cli(
        [
          '--target',
          staging.url,
          '--setup',
          'contract.setup.mjs',
          '--fuzz-runs',
          '3',
          '--report',
          'r.json',
          '--junit',
          'r.xml',
          '--markdown',
          'r.md',
        ],
        STAGING.env,
      );
      expect(r.code, r.out + r.err).toBe(0);
      expect(r.out).toMatch(/ok {3}getSubmission 200 \(reads one submission\)/);
      const written = ['r.json', 'r.xml', 'r.md'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
      for (const secret of SECRETS) expect(r.out + r.err + written).not.toContain(secret);
    },
  );

  it.each([
    [
      { idcheck: { apiKey: 'k' } },
      /"idcheck\.apiKey" looks like a credential; credentials come from the environment \(SCRUB_CONTRACT_API_KEY/,
    ],
    [{ textAssessment: { token: 'x' } }, /"textAssessment\.token" looks like a credential/],
    [{ idchek: {} }, /unknown key "idchek" \(expected idcheck, textAssessment, before, after\)/],
    [{ idcheck: { submissionId: 3 } }, /"idcheck\.submissionId" must be a non-empty string/],
  ])('a set-up %j is refused (exit 2)', async (setup, message) => {
    writeFileSync(join(dir, 'bad.setup.json'), JSON.stringify(setup));
    const r = await cli(['--target', staging.url, '--setup', 'bad.setup.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it.each([
    [
      ['--target', 'http://127.0.0.1:9', '--only', 'getProjections'],
      /--only: unknown operation id "getProjections" \(known: partialDeleteSubmission, getSubmission/,
    ],
    [['--target', 'http://127.0.0.1:9', '--fuzz-path', '1:2'], /--fuzz-path needs the --seed it was printed with/],
    [['compare', '--target', 'http://127.0.0.1:9'], /compare needs two --target, got 1/],
    [['traffic'], /traffic needs a HAR file/],
    [['--target', 'http://127.0.0.1:9', '--only', 'constructor'], /--only: unknown operation id "constructor"/],
    [
      ['compare', '--target', 'http://127.0.0.1:9', '--target', 'http://127.0.0.1:8', '--admin', 'http://127.0.0.1:7'],
      /--admin is for run, not compare/,
    ],
    [['--target', 'http://127.0.0.1:9', '--admin', 'mock'], /--admin is not an http\(s\) URL/],
  ])('%j exits 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('nothing is deleted that the run was not given or did not create', () => {
  it(
    'every DELETE of a destructive run with negative properties names the given submission, or what ' +
      'the run created, or nothing that exists',
    async () => {
      const deletes: string[] = [];
      const staging = await startStaging((x) => {
        if (x.method === 'DELETE') deletes.push(x.url);
        return x;
      });
      try {
        const report = await runContract({
          target: staging.url,
          env: STAGING.env,
          setup: STAGING.setup,
          destructive: true,
          fuzzRuns: 30,
        });
        expect(report.ok).toBe(true);
        expect(deletes.length).toBeGreaterThan(30); // cases, spec-breaking requests and the clean-up
        const allowed = [
          /^\/v3\/submission\/partial\?(.*&)?submission_id=(stg-delete|scrub-contract-[^&]*)(&|$)/,
          /^\/v3\/submission\/partial\?(?!.*submission_id=)/, // none named: refused before any lookup
          /^\/v3\/projection\/(zzzzzzzzzzzzz|scrubcontract1)$/,
          /\/author\/scrub-contract-/,
        ];
        const others = deletes.filter((d) => !allowed.some((re) => re.test(d)));
        // the rest are projections: each one this run created (and so no longer in the staging state)
        const projections = (await staging.state()).idcheck.projects.flatMap(
          (p: { projections: { projection_id: string }[] }) => p.projections.map((x) => x.projection_id),
        );
        expect(projections).toEqual(['keepme0000001']);
        for (const d of others) expect(d, d).toMatch(/^\/v3\/projection\/[a-z0-9]{13}$/);
        expect(others.some((d) => d.endsWith('keepme0000001'))).toBe(false);
      } finally {
        await staging.stop();
      }
    },
  );

  it('a projection id the server hands back is deleted only while it still names what the run created', async () => {
    // a wrong server that "creates" an accepted spec-breaking projection under the id of one that exists
    const staging = await startStaging((x) =>
      x.status === 400 && x.text.includes('Invalid mode:')
        ? { ...x, status: 200, text: '{"message":"Create projection success","projection_id":"keepme0000001"}' }
        : x,
    );
    try {
      const report = await runContract({
        target: staging.url,
        env: STAGING.env,
        setup: STAGING.setup,
        only: ['createProjection'],
        fuzzRuns: 0,
      });
      expect((await staging.state()).idcheck.projects[0].projections.map((p: { name: string }) => p.name)).toEqual([
        'keep_me',
      ]);
      expect(report.cleanup).toEqual([
        'could not delete projection keepme0000001 ("contract_mode"), created by this run: delete it by hand',
      ]);
      expect(report.ok).toBe(false);
    } finally {
      await staging.stop();
    }
  });

  it('credentials from the environment are trimmed (a pasted newline), so redaction finds them', () => {
    expect(credentialsFromEnv({ SCRUB_CONTRACT_API_KEY: ' stg-key-0001\n', SCRUB_CONTRACT_TOKEN: '  ' })).toEqual({
      apiKey: 'stg-key-0001',
    });
  });
});

describe('failures come with a reproduction', () => {
  let staging: Running & { state(): Promise<any> };
  beforeAll(async () => {
    // two faults: a lower-case 404 message, and a projection body with an unknown mode accepted
    staging = await startStaging((x) => {
      if (x.status === 404 && x.text.includes('Projection not found'))
        return { ...x, text: x.text.replace('Projection not found', 'projection not found') };
      // an error body that echoes the key just where a report would cut the quote
      if (x.status === 403)
        return {
          ...x,
          status: 401,
          text: JSON.stringify({ message: 'x'.repeat(180) + STAGING.env.SCRUB_CONTRACT_API_KEY }),
        };
      if (x.status === 400 && x.text.includes('Invalid mode:'))
        return { ...x, status: 200, text: '{"message":"Create projection success","projection_id":"zzzzzzzzzzzzz"}' };
      return x;
    });
  });
  afterAll(() => staging.stop());

  it(
    'a failed case prints a curl command that, ' + 'run with the credentials in the environment, shows the same answer',
    async () => {
      const r = await cli(['--target', staging.url, '--only', 'getProjection', '--fuzz-runs', '0'], STAGING.env);
      expect(r.code).toBe(1);
      expect(r.out).toContain('expected status 403, got 401');
      expect(r.out).not.toContain('stg-key-'); // the echoed key, not even cut off at the quote's end
      const command = /reproduce: (curl .*\$\{SCRUB_CONTRACT_API_KEY\}.*)/.exec(r.out)?.[1];
      expect(command).toBe(
        `curl -sS -i -X GET '${staging.url}/v3/projection/zzzzzzzzzzzzz' -H "x-api-key: \${SCRUB_CONTRACT_API_KEY}"`,
      );
      for (const secret of SECRETS) expect(r.out + r.err).not.toContain(secret);
      const replayed = await new Promise<string>((resolve) =>
        execFile('bash', ['-c', command!], { env: { ...process.env, ...STAGING.env } }, (_e, stdout) =>
          resolve(stdout),
        ),
      );
      expect(replayed).toMatch(/^HTTP\/1\.1 404/);
      expect(replayed).toContain('{"message":"projection not found"}');
    },
  );

  it(
    'a failed negative property prints its seed and path, ' + 'and --seed/--fuzz-path replay exactly that failure',
    async () => {
      const first = await runContract({
        target: staging.url,
        env: STAGING.env,
        setup: STAGING.setup,
        only: ['createProjection'],
        fuzzRuns: 60,
        seed: 424242,
      });
      const failure = first.fuzz.find((f) => f.failure)!;
      expect(failure).toMatchObject({
        operationId: 'createProjection',
        seed: 424242,
        failure: expect.stringContaining('got 200, not a 4xx'),
      });
      expect(failure.path).toMatch(/^\d+(:\d+)*$/);
      expect(failure.reproduce).toMatch(
        new RegExp(
          String.raw`^curl -sS -i -X POST '.*/v3/projection' -H "x-api-key: \$\{SCRUB_CONTRACT_API_KEY\}" ` +
            "-H 'content-type: application/json' --data-binary '.*'$",
        ),
      );
      const again = await runContract({
        target: staging.url,
        env: STAGING.env,
        setup: STAGING.setup,
        only: ['createProjection'],
        fuzzRuns: 60,
        seed: failure.seed,
        fuzzPath: failure.path,
      });
      expect(again.fuzz.find((f) => f.failure)?.failure).toBe(failure.failure);
      const r = await cli(
        ['--target', staging.url, '--only', 'createProjection', '--fuzz-runs', '60', '--seed', '424242'],
        STAGING.env,
      );
      expect(r.out).toContain(`replay: --only createProjection --seed 424242 --fuzz-path ${failure.path}`);
    },
  );
});
