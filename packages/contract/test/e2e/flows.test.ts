// `scrub-contract flows` as CI runs it: passes on the mock, fails on a server that is right for every
// single request but wrong across steps, naming both broken flows, their steps and the values.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/index.js';
import { cli } from '../support/cli.js';
import { type Running, STAGING, startMock, startStaging } from '../support/servers.js';
import { startWrongAcrossStepsServer } from '../support/wrong-flows.js';

const FIXTURES = fileURLToPath(new URL('../flows/fixtures/', import.meta.url));
const REPO_FLOWS = fileURLToPath(new URL('../../../../openapi/flows/', import.meta.url));
const SHIPPED_FLOWS = fileURLToPath(new URL('../../dist/flows/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'scrub-contract-flows-'));
const flows = (args: string[], env: Record<string, string> = {}) =>
  cli(['flows', '--flows', FIXTURES, ...args], { cwd: dir, env });

let mock: Running;
let wrong: Running;
beforeAll(async () => {
  mock = await startMock();
  wrong = await startWrongAcrossStepsServer(mock.url);
});
afterAll(async () => {
  await wrong.stop();
  await mock.stop();
});

describe('scrub-contract flows', () => {
  it('passes on the mock: every workflow passed, exit 0, reports written', async () => {
    const { code, out, err } = await flows([
      '--target',
      mock.url,
      '--report',
      'ok.json',
      '--junit',
      'ok.xml',
      '--markdown',
      'ok.md',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('ok   authors.arazzo.yaml repeatAuthorDelete (3 steps)');
    expect(out).toContain('ok   submissions.arazzo.yaml partialDeleteKeepsTheRest (3 steps)');
    expect(out).toContain('4 passed, 0 failed, 0 skipped, 0 unreachable on this target');
    const report = JSON.parse(readFileSync(join(dir, 'ok.json'), 'utf8'));
    expect(report.ok).toBe(true);
    expect(report.flows.map((f: { state: string }) => f.state)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(readFileSync(join(dir, 'ok.xml'), 'utf8')).toContain('failures="0"');
    expect(readFileSync(join(dir, 'ok.md'), 'utf8')).toContain('| authors.arazzo.yaml     | repeatAuthorDelete');
  });

  it('fails on the wrong-across-steps server, naming both flows, their steps and values, with curl', async () => {
    const { code, out } = await flows(['--target', wrong.url, '--junit', 'wrong.xml']);
    expect(code).toBe(1);
    const timestamp = new RegExp(
      [
        'FAIL authors\\.arazzo\\.yaml repeatAuthorDelete',
        ' {7}step deleteAgain \\(deleteAuthorSubmissions\\):',
        " {9}timestamp: expected '(\\S+Z)' \\(from step delete\\), got '(\\S+Z)'",
        " {9}reproduce: curl -sS -i -X DELETE '[^']+/v2\\.3\\.0/account/contract-account/author/flow-[a-z0-9]+' " +
          '-H "authorization: Token token=\\$\\{SCRUB_CONTRACT_TOKEN\\}"',
      ].join('\n'),
    );
    const [, first, fresh] = timestamp.exec(out) ?? [];
    expect(first, out).toBeDefined();
    expect(Date.parse(fresh!)).toBeGreaterThan(Date.parse(first!));
    expect(out).toContain(
      [
        'FAIL submissions.arazzo.yaml partialDeleteKeepsTheRest',
        '       step readBack (getSubmission):',
        '         last_name: expected [redacted] (from step read), got missing',
        `         reproduce: curl -sS -i -X GET '${wrong.url}/v3/submission?submission_id=contract-s1' ` +
          `-H "x-api-key: \${SCRUB_CONTRACT_API_KEY}"`,
      ].join('\n'),
    );
    expect(out).toContain('ok   authors.arazzo.yaml resultsWhenReady');
    expect(out).toContain('ok   submissions.arazzo.yaml readSubmission');
    expect(out).toContain('2 passed, 2 failed, 0 skipped, 0 unreachable on this target');
    // each failing step shown once (the log), not again under the table
    expect(out.split('FAIL authors.arazzo.yaml repeatAuthorDelete').length).toBe(2);
    expect(out).not.toContain('Lovelace');
    expect(out).not.toContain('contract-token');
    const xml = readFileSync(join(dir, 'wrong.xml'), 'utf8');
    expect(xml).toContain(
      '<testcase classname="authors.arazzo.yaml#repeatAuthorDelete" name="deleteAgain (deleteAuthorSubmissions)">' +
        '<failure message="timestamp: expected',
    );
  });

  it('quiet: only the table, the failing steps under it and the summary', async () => {
    const { code, out } = await flows(['--target', wrong.url, '-q', '--markdown', 'quiet.md']);
    expect(code).toBe(1);
    expect(out).not.toContain('ok   ');
    expect(out).toContain('| submissions.arazzo.yaml | partialDeleteKeepsTheRest | failed');
    expect(out).toContain(
      'FAIL submissions.arazzo.yaml partialDeleteKeepsTheRest\n       step readBack (getSubmission):',
    );
    expect(readFileSync(join(dir, 'quiet.md'), 'utf8')).toBe(`${out.trim()}\n`);
  });

  it('runs only --workflow, and refuses an unknown one (exit 2)', async () => {
    const only = await flows(['--target', wrong.url, '--workflow', 'readSubmission']);
    expect(only.code).toBe(0);
    expect(only.out).toContain('1 passed, 0 failed');
    const unknown = await flows(['--target', mock.url, '--workflow', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('scrub-contract: --workflow: unknown workflow "nope" (known: repeatAuthorDelete,');
  });

  it('refuses a flow file outside the shared format (exit 2), naming file, workflow and step', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'scrub-flows-bad-'));
    const text = readFileSync(join(FIXTURES, 'submissions.arazzo.yaml'), 'utf8').replace(
      '$statusCode == 200\n          - condition: $response.body#/Items/0/submission_id',
      '$statusCode == 200\n          - context: $response.body\n' +
        '            condition: $response.body#/Items/0/submission_id',
    );
    writeFileSync(join(bad, 'x.arazzo.yaml'), text);
    const { code, err } = await cli(['flows', '--flows', bad, '--target', mock.url]);
    expect(code).toBe(2);
    expect(err).toContain(
      'scrub-contract: x.arazzo.yaml: workflow readSubmission, step read: ' +
        'successCriteria[1]: context is for the jsonpath absence test only',
    );
  });

  it('prints its help, and refuses bad usage with exit 2', async () => {
    const help = await cli(['flows', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: scrub-contract flows --target <url> [--workflow <id>]... [options]');
    const main = await cli(['--help']);
    expect(main.out).toContain('scrub-contract flows --target <url> [--workflow <id>]...');
    const noTarget = await cli(['flows']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.err).toContain('--target is required');
    const fuzz = await cli(['flows', '--target', mock.url, '--fuzz-runs', '1']);
    expect(fuzz.code).toBe(2);
  });

  it('on a real target: credentials from the environment, never printed; writes need --destructive', async () => {
    const staging = await startStaging();
    try {
      const setup = join(dir, 'setup.json');
      writeFileSync(setup, JSON.stringify(STAGING.setup));
      const safe = await flows(['--target', staging.url, '--setup', setup], STAGING.env);
      expect(safe.code).toBe(0);
      expect(safe.out).toContain(
        'skip authors.arazzo.yaml repeatAuthorDelete: creates or deletes data on the target: run with --destructive',
      );
      expect(safe.out).toContain('1 passed, 0 failed, 3 skipped, 0 unreachable on this target');
      const all = await flows(
        ['--target', staging.url, '--setup', setup, '--destructive', '--report', 'stg.json'],
        STAGING.env,
      );
      expect(all.code).toBe(0);
      expect(all.out).toContain('4 passed, 0 failed, 0 skipped, 0 unreachable on this target');
      for (const secret of Object.values(STAGING.env)) {
        expect(all.out).not.toContain(secret);
        expect(readFileSync(join(dir, 'stg.json'), 'utf8')).not.toContain(secret);
      }
    } finally {
      await staging.stop();
    }
  });
});

describe("the repository's flows (openapi/flows), found without --flows", () => {
  const arazzo = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.arazzo.yaml'));

  it('ship next to the build, as they are', () => {
    expect(arazzo(SHIPPED_FLOWS)).toEqual(arazzo(REPO_FLOWS));
    for (const file of arazzo(REPO_FLOWS))
      expect(readFileSync(join(SHIPPED_FLOWS, file), 'utf8'), file).toBe(readFileSync(join(REPO_FLOWS, file), 'utf8'));
  });

  it('all pass on the mock', async () => {
    const workflows = await loadFlows();
    const { code, out } = await cli(['flows', '--target', mock.url, '--report', 'repo.json'], { cwd: dir });
    expect(code, out).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'repo.json'), 'utf8'));
    expect(report.flows.map((f: { workflowId: string; state: string }) => `${f.workflowId} ${f.state}`)).toEqual(
      workflows.map((w) => `${w.workflowId} passed`),
    );
  });

  it('fail on the wrong-across-steps server exactly where it is wrong, naming flow, step and value', async () => {
    const { code, out } = await cli(['flows', '--target', wrong.url, '--report', 'repo-wrong.json'], { cwd: dir });
    expect(code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'repo-wrong.json'), 'utf8'));
    const failed = report.flows.filter((f: { state: string }) => f.state === 'failed');
    const lines: string[] = failed.flatMap((f: { steps: { failures: { line: string }[] }[] }) =>
      f.steps.flatMap((s) => s.failures.map((x) => x.line)),
    );
    const timestamp = /^timestamp: expected '(\S+Z)' \(from step [\w-]+\), got '(\S+Z)'$/;
    const lastName = /^last_name: expected \[redacted\] \(from step [\w-]+\), got missing$/;
    // both faults found, and nothing else reported
    expect(
      lines.some((l) => timestamp.test(l)),
      out,
    ).toBe(true);
    expect(
      lines.some((l) => lastName.test(l)),
      out,
    ).toBe(true);
    expect(lines.filter((l) => !timestamp.test(l) && !lastName.test(l))).toEqual([]);
    for (const f of failed) expect(out).toContain(`FAIL ${f.file} ${f.workflowId}\n       step `);
    expect(out).toMatch(/reproduce: curl -sS -i -X DELETE '[^']+\/author\/flow-[^']+' -H "authorization: Token token=/);
  });

  it('on a real target with --destructive: every reachable flow passes; only the given submission changed', async () => {
    const staging = await startStaging();
    try {
      const before = await staging.state();
      const setup = join(dir, 'setup-repo.json');
      writeFileSync(setup, JSON.stringify(STAGING.setup));
      const args = ['flows', '--target', staging.url, '--setup', setup, '--destructive', '--report', 'repo-stg.json'];
      const { code, out } = await cli(args, { cwd: dir, env: STAGING.env });
      expect(code, out).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, 'repo-stg.json'), 'utf8'));
      // the set-up names no submission created with a projection: that flow is unreachable, said so
      expect(
        report.flows
          .filter((f: { state: string }) => f.state !== 'passed')
          .map((f: { workflowId: string; state: string; reason: string }) => [f.workflowId, f.state, f.reason]),
      ).toEqual([
        [
          'projection-hides-fields-on-read',
          'unreachable',
          'not reachable on this target: needs idcheck.projectedSubmissionId in the set-up (a submission created with a projection)',
        ],
      ]);
      const after = await staging.state();
      // the texts as they were (the server remembers deletions and used ids: that is its own record)
      const texts = (state: any) => state.textAssessment.accounts.map((a: any) => a.texts);
      expect(texts(after)).toEqual(texts(before));
      // every projection and submission as it was, but the one the set-up gave to delete from
      const others = (state: any) =>
        state.idcheck.projects.map((p: any) => ({
          projections: p.projections,
          submissions: p.submissions.filter((x: any) => x.submission_id !== 'stg-delete'),
        }));
      expect(others(after)).toEqual(others(before));
    } finally {
      await staging.stop();
    }
  });
});
