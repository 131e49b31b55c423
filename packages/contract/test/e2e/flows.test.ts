// `scrub-contract flows` as CI runs it: passes on the mock, fails on a server that is right for every
// single request but wrong across steps, naming both broken flows, their steps and the values.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { type Running, STAGING, startMock, startStaging } from '../support/servers.js';
import { startWrongAcrossStepsServer } from '../support/wrong-flows.js';

const FIXTURES = fileURLToPath(new URL('../flows/fixtures/', import.meta.url));
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
    expect(out).not.toContain('Lovelace');
    expect(out).not.toContain('contract-token');
    const xml = readFileSync(join(dir, 'wrong.xml'), 'utf8');
    expect(xml).toContain(
      '<testcase classname="authors.arazzo.yaml#repeatAuthorDelete" name="deleteAgain (deleteAuthorSubmissions)">' +
        '<failure message="timestamp: expected',
    );
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
