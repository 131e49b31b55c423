import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadFlows, parseFlowFile } from '../../src/flows/load.js';
import type { Workflow } from '../../src/flows/model.js';
import { inputsOf, runFlows, selectFlows } from '../../src/flows/run.js';
import { CREDS } from '../support/fake.js';
import { type Running, STAGING, startMock, startStaging } from '../support/servers.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const noWait = { sleep: async () => {} };

/** A text-assessment workflow of the given steps (all its inputs required). */
function textFlow(workflowId: string, steps: Record<string, unknown>[]): Workflow {
  const names = ['token', 'accountId', 'version', 'runId'];
  const properties = Object.fromEntries(names.map((k) => [k, { type: 'string' }]));
  return parseFlowFile(
    stringify({
      arazzo: '1.0.1',
      info: { title: 't', version: '1' },
      sourceDescriptions: [{ name: 'text-assessment', url: 'x', type: 'openapi' }],
      workflows: [{ workflowId, inputs: { type: 'object', required: names, properties }, steps }],
    }),
    'inline.arazzo.yaml',
  )[0]!;
}
const auth = [
  { name: 'version', in: 'path', value: '$inputs.version' },
  { name: 'account_id', in: 'path', value: '$inputs.accountId' },
  { name: 'authorization', in: 'header', value: 'Token token={$inputs.token}' },
];
const submit = {
  stepId: 'submit',
  operationId: '$sourceDescriptions.text-assessment.submitText',
  parameters: [...auth, { name: 'id', in: 'path', value: 'flow-{$inputs.runId}-1' }],
  requestBody: {
    contentType: 'application/json',
    payload: { text: 'x', author_id: 'flow-{$inputs.runId}', task_id: 't' },
  },
  successCriteria: [{ condition: '$statusCode == 200' }],
};
const deleteAuthor = (id: string) => ({
  stepId: 'delete',
  operationId: '$sourceDescriptions.text-assessment.deleteAuthorSubmissions',
  parameters: [...auth, { name: 'id', in: 'path', value: id }],
  successCriteria: [{ condition: '$statusCode == 200' }],
});

describe('inputsOf and selectFlows', () => {
  it("gives a workflow the run's credentials and ids, and its run id", () => {
    expect(inputsOf({ ...CREDS, sealedApiKey: undefined }, 'r1')).toEqual({
      apiKey: 'unit-api-key',
      limitApiKey: 'unit-limit-key',
      token: 'unit-token',
      accountId: 'unit-account',
      version: 'v2.3.0',
      submissionId: 'unit-s1',
      deletableSubmissionId: 'unit-s2',
      projectedSubmissionId: 'unit-s3',
      runId: 'r1',
    });
  });

  it('selects workflows by id, refusing unknown ones', async () => {
    const flows = await loadFlows(FIXTURES);
    expect(selectFlows(flows).length).toBe(4);
    expect(selectFlows(flows, ['readSubmission']).map((w) => w.workflowId)).toEqual(['readSubmission']);
    expect(() => selectFlows(flows, ['nope'])).toThrow(
      'unknown workflow "nope" ' +
        '(known: repeatAuthorDelete, resultsWhenReady, readSubmission, partialDeleteKeepsTheRest)',
    );
  });
});

describe('runFlows on the mock', () => {
  let mock: Running;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.stop());

  it('runs every workflow on the seeded fixture and puts the state back', async () => {
    const before = await (await fetch(`${mock.url}/__mock/state`)).json();
    const lines: string[] = [];
    const report = await runFlows({
      target: mock.url,
      dir: FIXTURES,
      runId: 'unit',
      log: (l) => lines.push(l),
      walk: noWait,
    });
    expect(report).toMatchObject({ mockControls: true, runId: 'unit', cleanup: [], ok: true });
    expect(report.flows.map((f) => `${f.workflowId} ${f.state}`)).toEqual([
      'repeatAuthorDelete passed',
      'resultsWhenReady passed',
      'readSubmission passed',
      'partialDeleteKeepsTheRest passed',
    ]);
    expect(lines[0]).toBe('ok   authors.arazzo.yaml repeatAuthorDelete (3 steps)');
    // each workflow its own run id: the repeat's author is flow-unit00
    expect(report.flows[0]!.steps[1]!.request).toBe('DELETE /v2.3.0/account/contract-account/author/flow-unit00');
    expect(await (await fetch(`${mock.url}/__mock/state`)).json()).toEqual(before);
  });

  it('refuses a run id the flows cannot build names from', async () => {
    for (const runId of ['', 'Upper', 'with-dash', '12345678901'])
      await expect(runFlows({ target: mock.url, dir: FIXTURES, runId })).rejects.toThrow(
        `runId must be 1-10 of [a-z0-9] (a workflow's adds two), got "${runId}"`,
      );
  });

  it('runs only the named workflows', async () => {
    const report = await runFlows({ target: mock.url, dir: FIXTURES, workflow: ['readSubmission'] });
    expect(report.flows.map((f) => f.workflowId)).toEqual(['readSubmission']);
  });
});

describe('runFlows on a deployment that is not the mock', () => {
  let staging: Running & { state(): Promise<any> };
  beforeEach(async () => {
    staging = await startStaging();
  });
  afterEach(() => staging.stop());

  it('without --destructive: runs the reads, skips the workflows that write, changes nothing', async () => {
    const before = await staging.state();
    const report = await runFlows({ target: staging.url, dir: FIXTURES, env: STAGING.env, setup: STAGING.setup });
    expect(report.flows.map((f) => `${f.workflowId} ${f.state} ${f.reason ?? ''}`.trim())).toEqual([
      'repeatAuthorDelete skipped creates or deletes data on the target: run with --destructive',
      'resultsWhenReady skipped creates or deletes data on the target: run with --destructive',
      'readSubmission passed',
      'partialDeleteKeepsTheRest skipped creates or deletes data on the target: run with --destructive',
    ]);
    expect(report.ok).toBe(true);
    expect(await staging.state()).toEqual(before);
  });

  it('reports workflows whose inputs were not given as unreachable, never passed', async () => {
    const report = await runFlows({ target: staging.url, dir: FIXTURES, env: {}, destructive: true });
    expect(report.flows.map((f) => `${f.workflowId} ${f.state}`)).toEqual([
      'repeatAuthorDelete unreachable',
      'resultsWhenReady unreachable',
      'readSubmission unreachable',
      'partialDeleteKeepsTheRest unreachable',
    ]);
    expect(report.flows[2]!.reason).toBe('not reachable on this target: needs SCRUB_CONTRACT_API_KEY (or --api-key)');
    expect(report.flows[0]!.reason).toContain('needs textAssessment.accountId in the set-up');
  });

  it('with --destructive: runs every workflow; only the given submission changed, nothing left', async () => {
    const before = await staging.state();
    const report = await runFlows({
      target: staging.url,
      dir: FIXTURES,
      env: STAGING.env,
      setup: STAGING.setup,
      destructive: true,
      walk: noWait,
    });
    expect(report.flows.filter((f) => f.state !== 'passed')).toEqual([]);
    expect(report.ok).toBe(true);
    const after = await staging.state();
    const texts = (s: any) => s.textAssessment.accounts[0].texts.map((t: any) => t.id);
    expect(texts(after)).toEqual(texts(before));
    const submissions = (s: any) => s.idcheck.projects[0].submissions;
    expect(submissions(after).filter((x: any) => x.submission_id !== 'stg-delete')).toEqual(
      submissions(before).filter((x: any) => x.submission_id !== 'stg-delete'),
    );
  });

  it('never sends a DELETE of what the run was not given, and cleans up what a flow left', async () => {
    const flows = [textFlow('leavesTexts', [submit]), textFlow('deletesTheirs', [deleteAuthor('real-learner')])];
    const report = await runFlows({
      target: staging.url,
      flows,
      env: STAGING.env,
      setup: STAGING.setup,
      destructive: true,
      runId: 'unitrun',
    });
    expect(report.flows.map((f) => `${f.workflowId} ${f.state}`)).toEqual([
      'leavesTexts passed',
      'deletesTheirs failed',
    ]);
    expect(report.flows[1]!.steps[0]!.failures[0]!.line).toBe(
      "an answer: expected 'an answer', " +
        "got 'refused to send a delete of author real-learner, whom this run did not create'",
    );
    expect(report.cleanup).toEqual(["deleted the texts of author flow-unitrun00 (this run's own)"]);
    const texts = (await staging.state()).textAssessment.accounts[0].texts;
    expect(texts.map((t: any) => t.author_id)).toEqual(['real-learner']);
    expect(JSON.stringify(report)).not.toContain(STAGING.env.SCRUB_CONTRACT_TOKEN);
  });
});
