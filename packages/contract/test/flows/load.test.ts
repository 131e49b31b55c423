import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultFlowsDir, FlowLoadError, loadFlows, parseFlowFile } from '../../src/flows/load.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

const step = (over: Record<string, unknown> = {}) => ({
  stepId: 'list',
  operationId: '$sourceDescriptions.idcheck.listProjections',
  parameters: [{ name: 'x-api-key', in: 'header', value: '$inputs.apiKey' }],
  successCriteria: [{ condition: '$statusCode == 200' }],
  ...over,
});
const doc = (workflow: Record<string, unknown> = {}, top: Record<string, unknown> = {}) =>
  stringify({
    arazzo: '1.0.1',
    info: { title: 't', version: '1' },
    sourceDescriptions: [{ name: 'idcheck', url: '../idcheck.yaml', type: 'openapi' }],
    workflows: [
      {
        workflowId: 'w',
        inputs: { type: 'object', required: ['apiKey'], properties: { apiKey: { type: 'string' } } },
        steps: [step()],
        ...workflow,
      },
    ],
    ...top,
  });
const load = (text: string) => () => parseFlowFile(text, 'f.arazzo.yaml');
const absent = (condition: string, over: Record<string, unknown> = {}) => ({
  context: '$response.body',
  type: 'jsonpath',
  condition,
  ...over,
});

describe('parseFlowFile', () => {
  it('reads a workflow of the subset', () => {
    const [w] = parseFlowFile(doc(), 'f.arazzo.yaml');
    expect(w).toMatchObject({
      file: 'f.arazzo.yaml',
      workflowId: 'w',
      writes: false,
      inputs: { names: ['apiKey'], required: ['apiKey'] },
      outputs: {},
    });
    expect(w!.steps[0]).toMatchObject({
      stepId: 'list',
      operationId: 'listProjections',
      source: 'idcheck',
      method: 'GET',
      template: '/v3/projection',
      onSuccess: [],
      onFailure: [],
    });
  });

  it('reads actions: retry, goto and end', () => {
    const [w] = parseFlowFile(
      doc({
        steps: [
          step({
            onSuccess: [{ name: 'again', type: 'goto', stepId: 'list', criteria: [{ condition: '$statusCode == 1' }] }],
            onFailure: [
              { name: 'wait', type: 'retry', retryAfter: 0.5, retryLimit: 3 },
              { name: 'stop', type: 'end' },
            ],
          }),
        ],
      }),
      'f.arazzo.yaml',
    );
    expect(w!.steps[0]!.onSuccess).toMatchObject([{ name: 'again', type: 'goto', stepId: 'list' }]);
    expect(w!.steps[0]!.onFailure).toMatchObject([
      { name: 'wait', type: 'retry', retryAfter: 0.5, retryLimit: 3, criteria: [] },
      { name: 'stop', type: 'end', criteria: [] },
    ]);
  });

  it('reads the JSONPath absence test, and plain criteria typed simple', () => {
    const criteria = [{ condition: '$statusCode == 200', type: 'simple' }, absent('$[?!@.items[0]]')];
    const [w] = parseFlowFile(doc({ steps: [step({ successCriteria: criteria })] }), 'f.arazzo.yaml');
    expect(w!.steps[0]!.successCriteria[1]).toMatchObject({ absence: true, condition: '$[?!@.items[0]]' });
  });

  it('derives writes from the steps', () => {
    const [w] = parseFlowFile(
      doc({
        steps: [
          step({
            operationId: '$sourceDescriptions.idcheck.deleteProjection',
            parameters: [{ name: 'projectionId', in: 'path', value: 'p' }],
          }),
        ],
      }),
      'f.arazzo.yaml',
    );
    expect(w!.writes).toBe(true);
  });

  it.each([
    [doc({}, { components: {} }), 'f.arazzo.yaml: the document: "components" is not part of the shared flow format'],
    [doc({}, { arazzo: '2.0.0' }), 'f.arazzo.yaml: arazzo must be 1.0.x'],
    [doc({ dependsOn: [] }), 'f.arazzo.yaml: workflow w: workflow: "dependsOn" is not part of the shared flow format'],
    [doc({ 'x-extra': 1 }), 'workflow w: workflow: "x-extra" is not part of the shared flow format'],
    [doc({ steps: [] }), 'workflow w: a workflow needs steps'],
    [doc({ steps: [step(), step()] }), 'workflow w: stepId list is used twice'],
    [doc({ steps: [step({ operationPath: 'x' })] }), 'step list: step: "operationPath" is not part of'],
    [
      doc({ steps: [step({ operationId: 'listProjections' })] }),
      'step list: operationId must read $sourceDescriptions',
    ],
    [
      doc({ steps: [step({ operationId: '$sourceDescriptions.text-assessment.submitText' })] }),
      'step list: operationId names source "text-assessment", which the file does not describe',
    ],
    [
      doc({ steps: [step({ operationId: '$sourceDescriptions.idcheck.nothing' })] }),
      'step list: operationId: idcheck has no operation "nothing"',
    ],
    [
      doc({ steps: [step({ operationId: '$sourceDescriptions.idcheck.getProjection' })] }),
      'step list: path parameter projectionId of getProjection has no value',
    ],
    [
      doc({ steps: [step({ parameters: [{ name: 'id', in: 'path', value: 'x' }] })] }),
      'step list: listProjections has no path parameter id',
    ],
    [
      doc({ steps: [step({ parameters: [{ name: 'a', in: 'cookie', value: 'x' }] })] }),
      'parameters[0].in must be path, query or header',
    ],
    [doc({ steps: [step({ parameters: [{ name: 'a', in: 'query', value: ['x'] }] })] }), 'must be a string, a number'],
    [doc({ steps: [step({ successCriteria: [] })] }), 'step list: successCriteria must start with $statusCode =='],
    [
      doc({ steps: [step({ successCriteria: [{ condition: '$response.body#/a == 1' }] })] }),
      'successCriteria must start with $statusCode == <status>',
    ],
    [
      doc({ steps: [step({ successCriteria: [{ condition: '$statusCode == 200', type: 'regex' }] })] }),
      'successCriteria[0].type must be simple or jsonpath (the absence test), got "regex"',
    ],
    [
      doc({ steps: [step({ successCriteria: [{ condition: '$statusCode == 200', context: '$response.body' }] })] }),
      'successCriteria[0]: context is for the jsonpath absence test only',
    ],
    [
      doc({ steps: [step({ successCriteria: [absent('$[?!@.a]', { context: '$request.body' })] })] }),
      "successCriteria[0]: a jsonpath criterion's context must be $response.body",
    ],
    [
      doc({ steps: [step({ successCriteria: [{ condition: '$statusCode == 200' }, absent('$..a')] })] }),
      'step list: "$..a" is not the JSONPath absence test $[?!@.a.b[0].c]',
    ],
    [
      doc({ steps: [step({ successCriteria: [{ condition: '$statusCode == 200' }, { condition: '$[?!@.a]' }] })] }),
      'is not one comparison',
    ],
    [
      doc({ steps: [step({ successCriteria: [{ condition: '$statusCode == 200', extra: 1 }] })] }),
      'successCriteria[0]: "extra" is not part of',
    ],
    [
      doc({ steps: [step({ successCriteria: [{ condition: '$statusCode == 200 || true' }] })] }),
      'step list: "$statusCode == 200 || true" is not one comparison',
    ],
    [
      doc({ steps: [step({ onSuccess: [{ name: 'r', type: 'retry', retryAfter: 1, retryLimit: 1 }] })] }),
      'retry is an onFailure action',
    ],
    [
      doc({ steps: [step({ onFailure: [{ name: 'r', type: 'retry', retryLimit: 1 }] })] }),
      'retryAfter must be a number',
    ],
    [
      doc({ steps: [step({ onFailure: [{ name: 'r', type: 'retry', retryAfter: 1, retryLimit: 0 }] })] }),
      'retryLimit must be an integer >= 1',
    ],
    [doc({ steps: [step({ onFailure: [{ name: 'g', type: 'goto' }] })] }), 'goto needs a stepId'],
    [
      doc({ steps: [step({ onFailure: [{ name: 'g', type: 'goto', stepId: 'nope' }] })] }),
      'action g: goto names no step "nope"',
    ],
    [
      doc({ steps: [step({ onFailure: [{ name: 'g', type: 'goto', workflowId: 'w' }] })] }),
      '"workflowId" is not part of',
    ],
    [doc({ steps: [step({ onFailure: [{ name: 'e', type: 'end', stepId: 'list' }] })] }), 'stepId is for goto'],
    [
      doc({ steps: [step({ onFailure: [{ name: 'x', type: 'stop' }] })] }),
      'type must be end, goto or retry, got "stop"',
    ],
    [
      doc({ steps: [step({ parameters: [{ name: 'x-api-key', in: 'header', value: '$inputs.token' }] })] }),
      'step list: $inputs.token is not an input of the workflow',
    ],
    [
      doc({ steps: [step({ parameters: [{ name: 'x-api-key', in: 'header', value: '$response.body#/a' }] })] }),
      'step list: a request cannot use $statusCode or $response',
    ],
    [
      doc({ steps: [step({ successCriteria: [{ condition: '$statusCode == $steps.list.outputs.x' }] })] }),
      'step list: $steps.list.outputs.x: step list has no output x',
    ],
    [doc({ steps: [step({ outputs: { a: '$steps.other.outputs.x' } })] }), 'step list: $steps.other: no such step'],
    [doc({ steps: [step({ outputs: { a: 'literal' } })] }), 'output a must be an expression'],
    [doc({ steps: [step({ outputs: { a: '$request.body' } })] }), 'is not an expression of the shared format'],
    [
      doc({ inputs: { type: 'object', required: ['password'], properties: { password: {} } } }),
      'workflow w: input "password" is not one of apiKey, limitApiKey',
    ],
    [
      doc({ inputs: { type: 'object', required: ['apiKey'], properties: {} } }),
      'required input apiKey has no property',
    ],
    [
      doc({ steps: [step({ requestBody: { contentType: 'text/plain', payload: {} } })] }),
      'requestBody.contentType must be application/json',
    ],
    [
      doc({ steps: [step({ requestBody: { contentType: 'application/json', payload: 'x' } })] }),
      'payload must be an object',
    ],
    [doc({ outputs: { a: '$statusCode' } }), 'workflow w: workflow outputs take $inputs and $steps only'],
    [
      doc({}, { sourceDescriptions: [{ name: 'other', url: 'x', type: 'openapi' }] }),
      'must be idcheck or text-assessment',
    ],
    ['a: [', 'f.arazzo.yaml: '],
    ['- 1', 'f.arazzo.yaml: the document must be an object'],
  ])('refuses what the subset has no place for: %#', (text, message) => {
    expect(load(text)).toThrow(FlowLoadError);
    expect(load(text)).toThrow(message);
  });
});

describe('loadFlows', () => {
  it('loads every workflow of the *.arazzo.yaml files of a folder, by file', async () => {
    const flows = await loadFlows(FIXTURES);
    expect(flows.map((w) => `${w.file} ${w.workflowId} ${w.writes}`)).toEqual([
      'authors.arazzo.yaml repeatAuthorDelete true',
      'authors.arazzo.yaml resultsWhenReady true',
      'submissions.arazzo.yaml readSubmission false',
      'submissions.arazzo.yaml partialDeleteKeepsTheRest true',
    ]);
  });

  it('refuses a workflow id used twice, an empty folder, a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrub-flows-'));
    await expect(loadFlows(dir)).rejects.toThrow(`no *.arazzo.yaml files in ${dir}`);
    await expect(loadFlows(join(dir, 'nope'))).rejects.toThrow('does not exist');
    writeFileSync(join(dir, 'a.arazzo.yaml'), doc());
    writeFileSync(join(dir, 'b.arazzo.yaml'), doc());
    await expect(loadFlows(dir)).rejects.toThrow('b.arazzo.yaml: workflowId w is used twice');
  });

  it("finds the repo's openapi/flows from the sources, the copy next to the build elsewhere", () => {
    const repoDir = fileURLToPath(new URL('../../../../openapi/flows', import.meta.url));
    const fromSrc = defaultFlowsDir(new URL('../../src/flows/load.ts', import.meta.url).href);
    expect([repoDir, fileURLToPath(new URL('../../src/flows/flows/', import.meta.url))]).toContain(fromSrc);
    expect(defaultFlowsDir('file:///app/node_modules/@scrub/contract/dist/index.js')).toBe(
      '/app/node_modules/@scrub/contract/dist/flows/',
    );
  });
});
