import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseFlowFile } from '../../src/flows/load.js';
import type { FlowRequest, FlowResponse, Workflow } from '../../src/flows/model.js';
import { buildRequest, runWorkflow } from '../../src/flows/walk.js';

const TA = (op: string) => `$sourceDescriptions.text-assessment.${op}`;
const auth = [
  { name: 'version', in: 'path', value: '$inputs.version' },
  { name: 'account_id', in: 'path', value: '$inputs.accountId' },
  { name: 'authorization', in: 'header', value: 'Token token={$inputs.token}' },
];
const INPUTS = { version: 'v2.3.0', accountId: 'acc', token: 'tok', runId: 'r1' };

/** A workflow of text-assessment steps (all inputs above declared). */
function workflow(steps: Record<string, unknown>[], outputs: Record<string, string> = {}): Workflow {
  const properties = Object.fromEntries(Object.keys(INPUTS).map((k) => [k, { type: 'string' }]));
  const text = stringify({
    arazzo: '1.0.1',
    info: { title: 't', version: '1' },
    sourceDescriptions: [{ name: 'text-assessment', url: '../text-assessment.yaml', type: 'openapi' }],
    workflows: [
      { workflowId: 'w', inputs: { type: 'object', required: Object.keys(INPUTS), properties }, steps, outputs },
    ],
  });
  return parseFlowFile(text, 'w.arazzo.yaml')[0]!;
}

const deleteStep = (stepId: string, criteria: string[] = [], extra: Record<string, unknown> = {}) => ({
  stepId,
  operationId: TA('deleteAuthorSubmissions'),
  parameters: [...auth, { name: 'id', in: 'path', value: 'flow-{$inputs.runId}' }],
  successCriteria: [{ condition: '$statusCode == 200' }, ...criteria.map((condition) => ({ condition }))],
  ...extra,
});

const resultsStep = (extra: Record<string, unknown> = {}) => ({
  stepId: 'results',
  operationId: TA('getTextResults'),
  parameters: [...auth, { name: 'id', in: 'path', value: 'flow-{$inputs.runId}-1' }],
  successCriteria: [{ condition: '$statusCode == 200' }, { condition: "$response.body#/type != 'results_not_ready'" }],
  ...extra,
});

/** A send answering from a list, in order, remembering each request. */
function scripted(...answers: (Partial<FlowResponse> | Error)[]) {
  const sent: FlowRequest[] = [];
  const send = async (request: FlowRequest): Promise<FlowResponse> => {
    sent.push(request);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return { status: 200, headers: {}, body: {}, ...next };
  };
  return { send, sent };
}
const noWait = { sleep: async () => {} };

describe('buildRequest', () => {
  it('fills the path template, the query, the headers and the payload from inputs and outputs', () => {
    const w = workflow([
      deleteStep('delete', [], { outputs: { t: '$response.body#/timestamp' } }),
      {
        stepId: 'submit',
        operationId: TA('submitText'),
        parameters: [
          ...auth,
          { name: 'id', in: 'path', value: 'flow {$inputs.runId}/1' },
          { name: 'q', in: 'query', value: 'a&b' },
        ],
        requestBody: {
          contentType: 'application/json',
          payload: { author_id: 'flow-{$inputs.runId}', at: '$steps.delete.outputs.t', n: 3 },
        },
        successCriteria: [{ condition: '$statusCode == 200' }],
      },
    ]);
    const request = buildRequest(w.steps[1]!, { inputs: INPUTS, steps: { delete: { t: '2026-01-01T00:00:00Z' } } });
    expect(request).toEqual({
      operationId: 'submitText',
      source: 'text-assessment',
      method: 'PUT',
      path: '/v2.3.0/account/acc/text/flow%20r1%2F1?q=a%26b',
      params: {
        path: { version: 'v2.3.0', account_id: 'acc', id: 'flow r1/1' },
        query: { q: 'a&b' },
        header: { authorization: 'Token token=tok' },
      },
      body: { author_id: 'flow-r1', at: '2026-01-01T00:00:00Z', n: 3 },
    });
  });
});

describe('runWorkflow', () => {
  it("passes outputs to later steps and passes when every criterion holds (seed 002's repeat)", async () => {
    const w = workflow(
      [
        deleteStep('delete', [], { outputs: { timestamp: '$response.body#/timestamp' } }),
        deleteStep('again', ['$response.body#/timestamp == $steps.delete.outputs.timestamp']),
      ],
      { timestamp: '$steps.delete.outputs.timestamp' },
    );
    const { send, sent } = scripted({ body: { timestamp: 'T1' } }, { body: { timestamp: 'T1' } });
    const result = await runWorkflow(w, INPUTS, send);
    expect(result).toMatchObject({
      workflowId: 'w',
      file: 'w.arazzo.yaml',
      passed: true,
      outputs: { timestamp: 'T1' },
    });
    expect(result.steps.map((s) => [s.stepId, s.passed, s.attempts])).toEqual([
      ['delete', true, 1],
      ['again', true, 1],
    ]);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /v2.3.0/account/acc/author/flow-r1',
      'DELETE /v2.3.0/account/acc/author/flow-r1',
    ]);
  });

  it('fails at the first failing step with every criterion that did not hold, and goes no further', async () => {
    const w = workflow([
      deleteStep('delete', [], { outputs: { timestamp: '$response.body#/timestamp' } }),
      deleteStep('again', ['$response.body#/timestamp == $steps.delete.outputs.timestamp', '$response.body#/n == 1']),
      deleteStep('never'),
    ]);
    const { send, sent } = scripted({ body: { timestamp: 'T1' } }, { body: { timestamp: 'T2', n: 2 } });
    const result = await runWorkflow(w, INPUTS, send);
    expect(result.passed).toBe(false);
    expect(result.steps.at(-1)).toMatchObject({
      stepId: 'again',
      passed: false,
      response: { status: 200, body: { timestamp: 'T2', n: 2 } },
      failures: [
        { criterion: '$response.body#/timestamp == $steps.delete.outputs.timestamp', actual: 'T2', expected: 'T1' },
        { criterion: '$response.body#/n == 1', actual: 2, expected: 1 },
      ],
    });
    expect(sent).toHaveLength(2);
  });

  it('fails a step whose request needs a missing value, without sending it', async () => {
    const w = workflow([
      deleteStep('delete', [], { outputs: { timestamp: '$response.body#/timestamp' } }),
      {
        ...deleteStep('again'),
        parameters: [...auth, { name: 'id', in: 'path', value: '$steps.delete.outputs.timestamp' }],
      },
    ]);
    const { send, sent } = scripted({ body: {} });
    const result = await runWorkflow(w, INPUTS, send);
    expect(result.steps[1]).toMatchObject({
      passed: false,
      failures: [
        { criterion: 'the request needs $steps.delete.outputs.timestamp', actual: undefined, expected: 'a value' },
      ],
    });
    expect(sent).toHaveLength(1);
  });

  it('fails a step whose request got no answer, naming why', async () => {
    const { send } = scripted(new Error('fetch failed'));
    const result = await runWorkflow(workflow([deleteStep('delete')]), INPUTS, send);
    expect(result.steps[0]).toMatchObject({
      passed: false,
      failures: [{ criterion: 'an answer', actual: 'fetch failed', expected: 'an answer' }],
    });
  });

  it('refuses to start without a required input', async () => {
    await expect(runWorkflow(workflow([deleteStep('d')]), { version: 'v' }, scripted().send)).rejects.toThrow(
      'w.arazzo.yaml: workflow w needs input accountId, token, runId',
    );
  });

  it('retries a failed step while the retry applies, waiting retryAfter seconds', async () => {
    const retry = { name: 'notReady', type: 'retry', retryAfter: 0.5, retryLimit: 3 };
    const w = workflow([
      resultsStep({
        onFailure: [{ ...retry, criteria: [{ condition: "$response.body#/type == 'results_not_ready'" }] }],
      }),
    ]);
    const waits: number[] = [];
    const notReady = { body: { type: 'results_not_ready' } };
    const { send } = scripted(notReady, notReady, { body: { type: 'success' } });
    const result = await runWorkflow(w, INPUTS, send, { sleep: async (ms) => void waits.push(ms) });
    expect(result.passed).toBe(true);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ passed: true, attempts: 3 });
    expect(waits).toEqual([500, 500]);
  });

  it('fails when the retries run out, and does not retry when the retry criteria do not hold', async () => {
    const notReady = { body: { type: 'results_not_ready' } };
    const limited = workflow([
      resultsStep({ onFailure: [{ name: 'r', type: 'retry', retryAfter: 0, retryLimit: 2 }] }),
    ]);
    const out = await runWorkflow(limited, INPUTS, scripted(notReady, notReady, notReady).send, noWait);
    expect(out.steps[0]).toMatchObject({ passed: false, attempts: 3 });
    expect(out.passed).toBe(false);
    const only404 = workflow([
      resultsStep({
        onFailure: [
          { name: 'r', type: 'retry', retryAfter: 0, retryLimit: 5, criteria: [{ condition: '$statusCode == 404' }] },
        ],
      }),
    ]);
    const { send, sent } = scripted(notReady);
    expect((await runWorkflow(only404, INPUTS, send, noWait)).passed).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('polls with goto on success, and ends the workflow with end', async () => {
    const w = workflow([
      resultsStep({
        successCriteria: [{ condition: '$statusCode == 200' }],
        onSuccess: [
          {
            name: 'poll',
            type: 'goto',
            stepId: 'results',
            criteria: [{ condition: "$response.body#/type == 'results_not_ready'" }],
          },
          { name: 'done', type: 'end', criteria: [{ condition: "$response.body#/type == 'stop'" }] },
        ],
      }),
      deleteStep('delete'),
      deleteStep('skippedByEnd'),
    ]);
    const notReady = { body: { type: 'results_not_ready' } };
    const ran = await runWorkflow(w, INPUTS, scripted(notReady, notReady, { body: { type: 'ok' } }, {}, {}).send);
    expect(ran.steps.map((s) => `${s.stepId}${s.action ? ` ${s.action}` : ''}`)).toEqual([
      'results goto results',
      'results goto results',
      'results',
      'delete',
      'skippedByEnd',
    ]);
    expect(ran.passed).toBe(true);
    const ended = await runWorkflow(w, INPUTS, scripted({ body: { type: 'stop' } }).send);
    expect(ended.steps.map((s) => `${s.stepId} ${s.action}`)).toEqual(['results end']);
    expect(ended.passed).toBe(true);
  });

  it('goes on elsewhere after a failure with goto (passing), and ends failed with end', async () => {
    const w = workflow([
      deleteStep('first', [], { onFailure: [{ name: 'toLast', type: 'goto', stepId: 'last' }] }),
      deleteStep('middle'),
      deleteStep('last'),
    ]);
    const routed = await runWorkflow(w, INPUTS, scripted({ status: 404 }, {}).send);
    expect(routed.steps.map((s) => `${s.stepId} ${s.passed}`)).toEqual(['first false', 'last true']);
    expect(routed.passed).toBe(true);
    const stop = workflow([
      deleteStep('first', [], { onFailure: [{ name: 'stop', type: 'end' }] }),
      deleteStep('next'),
    ]);
    const stopped = await runWorkflow(stop, INPUTS, scripted({ status: 500 }).send);
    expect(stopped.steps.map((s) => `${s.stepId} ${s.action}`)).toEqual(['first end']);
    expect(stopped.passed).toBe(false);
  });

  it('ends a goto loop after maxVisits, failed', async () => {
    const w = workflow([deleteStep('loop', [], { onSuccess: [{ name: 'again', type: 'goto', stepId: 'loop' }] })]);
    const result = await runWorkflow(w, INPUTS, async () => ({ status: 200, headers: {}, body: {} }), { maxVisits: 5 });
    expect(result.passed).toBe(false);
    expect(result.steps).toHaveLength(6);
    expect(result.steps.at(-1)).toMatchObject({
      passed: false,
      failures: [{ criterion: 'at most 5 step visits (a goto loop?)', actual: 6, expected: 5 }],
    });
  });
});
