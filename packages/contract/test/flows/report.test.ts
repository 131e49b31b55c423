import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { credentialsRedactor } from '../../src/credentials.js';
import { parseFlowFile } from '../../src/flows/load.js';
import type { StepResult, WorkflowResult } from '../../src/flows/model.js';
import {
  type FlowReport,
  type FlowsReport,
  flowLines,
  flowReport,
  flowsJunit,
  flowsMarkdown,
} from '../../src/flows/report.js';
import { CREDS } from '../support/fake.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const [, partial] = parseFlowFile(
  readFileSync(new URL('submissions.arazzo.yaml', FIXTURES), 'utf8'),
  'submissions.arazzo.yaml',
);
const [repeat] = parseFlowFile(readFileSync(new URL('authors.arazzo.yaml', FIXTURES), 'utf8'), 'authors.arazzo.yaml');
const context = { target: 'https://api.test', creds: CREDS, redact: credentialsRedactor(CREDS) };

const step = (over: Partial<StepResult>): StepResult => ({
  stepId: 'readBack',
  operationId: 'getSubmission',
  passed: true,
  attempts: 1,
  request: {
    operationId: 'getSubmission',
    source: 'idcheck',
    method: 'GET',
    path: '/v3/submission?submission_id=unit-s2',
    params: { path: {}, query: { submission_id: 'unit-s2' }, header: { 'x-api-key': CREDS.apiKey! } },
  },
  response: {
    status: 200,
    headers: {},
    body: { Items: [{ submission_id: 'unit-s2', email: 'a@b.c', data: { gender: 'f' } }] },
  },
  failures: [],
  ...over,
});
const result = (steps: StepResult[]): WorkflowResult => ({
  workflowId: 'partialDeleteKeepsTheRest',
  file: 'submissions.arazzo.yaml',
  passed: steps.every((s) => s.passed),
  steps,
  outputs: {},
});

describe('flowReport', () => {
  const lost = step({
    passed: false,
    failures: [
      {
        criterion: '$response.body#/Items/0/data/last_name == $steps.read.outputs.lastName',
        actual: undefined,
        expected: 'Lovelace',
      },
      { criterion: '$response.body#/Items/0/email == $steps.read.outputs.email', actual: 'x@y.z', expected: 'a@b.c' },
      { criterion: '$statusCode == 200', actual: 500, expected: 200 },
      { criterion: 'an answer', actual: `fetch failed for ${CREDS.apiKey}`, expected: 'an answer' },
    ],
  });
  const report = flowReport(partial!, result([step({ stepId: 'read' }), lost]), context, 12.4);

  it('names the failing values, personal ones redacted (missing stays visible)', () => {
    expect(report).toMatchObject({
      file: 'submissions.arazzo.yaml',
      workflowId: 'partialDeleteKeepsTheRest',
      state: 'failed',
      ms: 12,
    });
    expect(report.steps[1]!.failures.map((f) => f.line)).toEqual([
      'last_name: expected [redacted] (from step read), got missing',
      'email: expected [redacted] (from step read), got [redacted]',
      'status: expected 200, got 500',
      "an answer: expected 'an answer', got 'fetch failed for [redacted]'",
    ]);
    expect(report.steps[1]!.failures[0]).toMatchObject({ actual: undefined, expected: '[redacted]' });
  });

  it('keeps the answer without personal values and the request without credentials', () => {
    expect(report.steps[1]!.response).toEqual({
      status: 200,
      body: { Items: [{ submission_id: 'unit-s2', email: '[redacted]', data: { gender: '[redacted]' } }] },
    });
    expect(report.steps[1]!.request).toBe('GET /v3/submission?submission_id=unit-s2');
    expect(JSON.stringify(report)).not.toContain(CREDS.apiKey);
    expect(JSON.stringify(report)).not.toContain('Lovelace');
  });

  it('reproduces a failing step with curl, credentials as variables', () => {
    expect(report.steps[0]!.reproduce).toBeUndefined();
    expect(report.steps[1]!.reproduce).toBe(
      "curl -sS -i -X GET 'https://api.test/v3/submission?submission_id=unit-s2' " +
        `-H "x-api-key: \${SCRUB_CONTRACT_API_KEY}"`,
    );
  });

  it('shows values that are not personal as they are', () => {
    const again = step({
      stepId: 'deleteAgain',
      operationId: 'deleteAuthorSubmissions',
      passed: false,
      failures: [
        { criterion: '$response.body#/timestamp == $steps.delete.outputs.timestamp', actual: 'T2', expected: 'T1' },
      ],
    });
    const r = flowReport(repeat!, { ...result([again]), workflowId: 'repeatAuthorDelete' }, context, 1);
    expect(r.steps[0]!.failures[0]!.line).toBe("timestamp: expected 'T1' (from step delete), got 'T2'");
  });
});

const flows: FlowReport[] = [
  { file: 'a.arazzo.yaml', workflowId: 'ok', state: 'passed', steps: [], ms: 1 },
  {
    file: 'a.arazzo.yaml',
    workflowId: 'broken',
    state: 'failed',
    ms: 2,
    steps: [
      {
        stepId: 's1',
        operationId: 'getSubmission',
        passed: true,
        attempts: 1,
        request: 'GET /v3/submission',
        failures: [],
      },
      {
        stepId: 's2',
        operationId: 'deleteAuthorSubmissions',
        passed: false,
        attempts: 1,
        request: 'DELETE /x',
        failures: [
          { criterion: 'c', actual: 1, expected: 2, line: "timestamp: expected 'T1' (from step s1), got 'T2'" },
        ],
        reproduce: "curl -X DELETE 'x'",
      },
    ],
  },
  { file: 'b.arazzo.yaml', workflowId: 'writes', state: 'skipped', reason: 'run with --destructive', steps: [], ms: 0 },
  { file: 'b.arazzo.yaml', workflowId: 'needs', state: 'unreachable', reason: 'needs a key', steps: [], ms: 0 },
];
const report: FlowsReport = {
  target: 'https://api.test',
  mockControls: false,
  runId: 'r',
  flows,
  cleanup: ['deleted x'],
  ok: false,
};

describe('flowLines', () => {
  it('gives a line per workflow, and each failing step with its values and reproduction', () => {
    expect(flows.flatMap(flowLines)).toEqual([
      'ok   a.arazzo.yaml ok (0 steps)',
      'FAIL a.arazzo.yaml broken',
      '       step s2 (deleteAuthorSubmissions):',
      "         timestamp: expected 'T1' (from step s1), got 'T2'",
      "         reproduce: curl -X DELETE 'x'",
      'skip b.arazzo.yaml writes: run with --destructive',
      'n/a  b.arazzo.yaml needs: needs a key',
    ]);
  });
});

describe('flowsMarkdown', () => {
  it('tables the workflows, then the failures, the clean-up and the counts', () => {
    expect(flowsMarkdown(report)).toBe(
      [
        'Flows against https://api.test',
        '| file          | workflow | state       | steps or reason        |',
        '| ------------- | -------- | ----------- | ---------------------- |',
        '| a.arazzo.yaml | ok       | passed      | 0 steps                |',
        '| a.arazzo.yaml | broken   | failed      | 2 steps                |',
        '| b.arazzo.yaml | writes   | skipped     | run with --destructive |',
        '| b.arazzo.yaml | needs    | unreachable | needs a key            |',
        '',
        'FAIL a.arazzo.yaml broken',
        '       step s2 (deleteAuthorSubmissions):',
        "         timestamp: expected 'T1' (from step s1), got 'T2'",
        "         reproduce: curl -X DELETE 'x'",
        '',
        'cleanup: deleted x',
        '',
        '1 passed, 1 failed, 1 skipped, 1 unreachable on this target',
      ].join('\n'),
    );
  });
});

it('flowsMarkdown leaves the failures out when the log has shown them', () => {
  const text = flowsMarkdown(report, { failures: false });
  expect(text).not.toContain('FAIL');
  expect(text).toContain('| a.arazzo.yaml | broken   | failed      | 2 steps                |');
  expect(text.endsWith('1 passed, 1 failed, 1 skipped, 1 unreachable on this target')).toBe(true);
});

describe('flowsJunit', () => {
  it('has a suite per file and a case per step; a workflow not run is one skipped case', () => {
    const xml = flowsJunit(report);
    expect(xml).toContain('<testsuite name="a.arazzo.yaml" tests="2" failures="1" skipped="0">');
    expect(xml).toContain('<testcase classname="a.arazzo.yaml#broken" name="s1 (getSubmission)"></testcase>');
    expect(xml).toContain(
      '<testcase classname="a.arazzo.yaml#broken" name="s2 (deleteAuthorSubmissions)">' +
        "<failure message=\"timestamp: expected 'T1' (from step s1), got 'T2'\">" +
        "timestamp: expected 'T1' (from step s1), got 'T2'\nreproduce: curl -X DELETE 'x'</failure></testcase>",
    );
    expect(xml).toContain('<testsuite name="b.arazzo.yaml" tests="2" failures="0" skipped="2">');
    expect(xml).toContain(
      '<testcase classname="b.arazzo.yaml#writes" name="writes"><skipped message="run with --destructive"/>',
    );
  });
});
