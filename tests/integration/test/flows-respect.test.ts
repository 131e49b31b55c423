// The Arazzo flows (openapi/flows) run by an executor that is not ours, `redocly respect`, against the
// mock server seeded with the contract's fixture: every workflow of every file passes. Then against
// a server that answers every single request correctly but breaks promises across steps (a repeated
// author delete with a fresh timestamp; a partial delete that also loses last_name on later reads):
// respect fails and names the step. A fresh mock per run, because the flows change state.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT_CREDENTIALS, contractFixture } from '@scrub/contract';
import { type RunningMockServer, startMockServer } from '@scrub/mock-server';
import { startStaging } from '@scrub/test-support/staging';
import { wrongAcrossSteps } from '@scrub/test-support/wrong-across-steps';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FLOWS = join(ROOT, 'openapi/flows');
const REDOCLY = join(ROOT, 'openapi/node_modules/.bin/redocly');
/** Polls answered `results_not_ready` before the results: the flows must retry twice. */
const NOT_READY_POLLS = 2;
/** Unique per test run (1-12 of [a-z0-9]): every name and id a flow creates is built from it. */
const RUN_ID = `r${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`.slice(0, 12);
const { orphanApiKey: _, ...credentials } = CONTRACT_CREDENTIALS;
const INPUTS = {
  ...credentials,
  deletableSubmissionId: CONTRACT_CREDENTIALS.submissionId,
  version: 'v2.3.0',
  runId: RUN_ID,
};

type Flow = { sourceDescriptions: { name: string }[]; workflows: { workflowId: string }[] };
const files = readdirSync(FLOWS).filter((f) => f.endsWith('.arazzo.yaml'));
const flowOf = (file: string) => parse(readFileSync(join(FLOWS, file), 'utf8')) as Flow;

const servers: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function startMock(): Promise<RunningMockServer> {
  const mock = await startMockServer({ fixture: contractFixture, resultsNotReadyPolls: NOT_READY_POLLS });
  servers.push(mock);
  return mock;
}

/** Runs `redocly respect` on one flow file with every source at `url`; the exit code and the plain output. */
function respect(file: string, url: string, extra: string[] = []): Promise<{ code: number; output: string }> {
  const sources = flowOf(file).sourceDescriptions.flatMap((s) => ['-S', `${s.name}=${url}`]);
  const inputs = Object.entries(INPUTS).flatMap(([name, value]) => ['--input', `${name}=${value}`]);
  const args = ['respect', join(FLOWS, file), ...sources, ...inputs, ...extra];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  return new Promise((resolve) => {
    execFile(REDOCLY, args, { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.replace(/\u001b\[[0-9;]*m/g, '') });
    });
  });
}

/** The mock behind a stand-in that is right for every single request and wrong across steps. */
async function startWrongServer(): Promise<{ url: string }> {
  // the stand-in closes the mock with itself
  const mock = await startMockServer({ fixture: contractFixture, resultsNotReadyPolls: NOT_READY_POLLS });
  const wrong = await startStaging(mock, wrongAcrossSteps());
  servers.push(wrong);
  return wrong;
}

describe('redocly respect runs every flow on the mock', () => {
  it('finds the flow files', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const total = flowOf(file).workflows.length;
    it(`${file}: ${total} of ${total} workflows pass`, async () => {
      const mock = await startMock();
      const { code, output } = await respect(file, mock.url);
      expect(output).toContain(`Workflows: ${total} passed, ${total} total`);
      expect(code, output).toBe(0);
    }, 90_000);
  }

  it('follows the retry of the polling step: results_not_ready twice, then the results', async () => {
    const mock = await startMock();
    const { code, output } = await respect('text-assessment.arazzo.yaml', mock.url, ['-w', 'results-after-not-ready']);
    expect(code, output).toBe(0);
    const polls = mock.state.requests({ operationId: 'getTextResults' });
    expect(polls.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(polls).toHaveLength(NOT_READY_POLLS + 2);
  }, 90_000);
});

describe('redocly respect fails the flows on a server wrong across steps', () => {
  it('seed 002: a repeated author delete with a fresh timestamp fails repeat-delete-author', async () => {
    const wrong = await startWrongServer();
    const { code, output } = await respect('text-assessment.arazzo.yaml', wrong.url, ['-w', 'author-delete-repeat']);
    expect(code).not.toBe(0);
    expect(output).toContain('Workflows: 1 failed, 1 total');
    expect(output).toMatch(
      /stepId - repeat-delete-author[\s\S]*\$response\.body#\/timestamp == \$steps\.delete-author/,
    );
  }, 90_000);

  it('seed 000: a partial delete that also loses last_name on later reads fails read-after', async () => {
    const wrong = await startWrongServer();
    const flow = 'partial-delete-keeps-unnamed-fields';
    const { code, output } = await respect('idcheck-submissions.arazzo.yaml', wrong.url, ['-w', flow]);
    expect(code).not.toBe(0);
    expect(output).toContain('Workflows: 1 failed, 1 total');
    expect(output).toMatch(/stepId - read-after[\s\S]*Items\/0\/data\/last_name/);
  }, 90_000);
});
