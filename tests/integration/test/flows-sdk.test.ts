// The flows of openapi/flows walked through the SDK: each step calls the SDK method of its operation
// id (a table over every operation, so a flow step the SDK cannot make, or an operation without a
// method, fails here), and the step's criteria judge the answer the SDK got on the wire. Twice: over
// HTTP against the standalone server, and in-process under MSW.
import {
  CONTRACT_CREDENTIALS,
  contractFixture,
  type FlowRequest,
  type FlowResponse,
  loadFlows,
  runWorkflow,
} from '@scrub/contract';
import { type RunningMockServer, startMockServer } from '@scrub/mock-server';
import { createHandlers, createMockState } from '@scrub/mocks';
import {
  APIError,
  createIdCheckClient,
  createTextAssessmentClient,
  type DataField,
  type OperationId,
  type ProjectionField,
  type SubmissionField,
} from '@scrub/sdk';
import { startStaging } from '@scrub/test-support/staging';
import { wrongAcrossSteps } from '@scrub/test-support/wrong-across-steps';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The answer the SDK got for its last request, as it came over the wire. */
interface Wire {
  last?: FlowResponse;
}

/** A fetch that keeps the last answer (status, headers, JSON body) before the SDK reads it. */
const recording =
  (wire: Wire): typeof fetch =>
  async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    wire.last = { status: response.status, headers: Object.fromEntries(response.headers), body };
    return response;
  };

interface Clients {
  idcheck: ReturnType<typeof createIdCheckClient>;
  elit: ReturnType<typeof createTextAssessmentClient>;
}

/** The clients a step's own parameters describe: its key or token, its account and version. */
function clientsFor(request: FlowRequest, baseUrl: string, wire: Wire): Clients {
  const transport = { baseUrl, maxRetries: 0, fetch: recording(wire) };
  const apiKey = request.params.header['x-api-key'] ?? '';
  const token = /^Token token=(.*)$/.exec(request.params.header.authorization ?? '')?.[1] ?? '';
  // made on use: a step of one API carries no credential of the other
  return {
    get idcheck() {
      return createIdCheckClient({
        ...transport,
        apiKey,
        // the sealed project's answers come encrypted; a user of that project turns the option on
        encryption: apiKey === CONTRACT_CREDENTIALS.sealedApiKey,
      });
    },
    get elit() {
      return createTextAssessmentClient({
        ...transport,
        token,
        accountId: request.params.path.account_id ?? '',
        version: request.params.path.version,
      });
    },
  };
}

const list = <T extends string>(value: string | undefined) =>
  value === undefined ? undefined : (value.split(',') as T[]);
const body = (request: FlowRequest) => request.body as Record<string, unknown>;

/** One SDK call per operation of both specs. */
const CALLS: Record<OperationId, (request: FlowRequest, clients: Clients) => Promise<unknown>> = {
  partialDeleteSubmission: ({ params: { query } }, { idcheck }) =>
    idcheck.submissions.partialDelete({
      submissionId: query.submission_id!,
      fields: list<SubmissionField>(query.fields)!,
      dataFields: list<DataField>(query.data_fields),
    }),
  getSubmission: ({ params: { query } }, { idcheck }) =>
    query.submission_id !== undefined
      ? idcheck.submissions.get(query.submission_id)
      : idcheck.submissions.list({
          userid: query.userid,
          email: query.email,
          count: query.count === undefined ? undefined : Number(query.count),
        } as Parameters<typeof idcheck.submissions.list>[0]),
  createProjection: (request, { idcheck }) =>
    idcheck.projections.create({
      name: body(request).name as string,
      fields: body(request).fields as ProjectionField[],
      mode: body(request).mode as 'exclude',
    }),
  listProjections: (_request, { idcheck }) => idcheck.projections.list(),
  getProjection: ({ params: { path } }, { idcheck }) => idcheck.projections.get(path.projectionId!),
  deleteProjection: ({ params: { path } }, { idcheck }) => idcheck.projections.delete(path.projectionId!),
  deleteAuthorSubmissions: ({ params: { path } }, { elit }) => elit.authors.delete(path.id!),
  submitText: (request, { elit }) =>
    elit.texts.submit(request.params.path.id!, request.body as Parameters<typeof elit.texts.submit>[1]),
  getTextResults: ({ params: { path } }, { elit }) => elit.texts.results(path.id!),
};

/** A flow `send` that makes the step's SDK call and answers what the SDK got on the wire. */
function sdkSend(baseUrl: () => string, called: Set<string>) {
  return async (request: FlowRequest): Promise<FlowResponse> => {
    const wire: Wire = {};
    const call = CALLS[request.operationId as OperationId];
    if (!call) throw new Error(`no SDK call for ${request.operationId}`);
    called.add(request.operationId);
    try {
      await call(request, clientsFor(request, baseUrl(), wire));
    } catch (error) {
      // an error answer is judged as it came; a refusal before sending carries the server's own
      // status and body (`sent: false`); anything else fails the step
      if (!(error instanceof APIError)) throw error;
      if (!error.sent) return { status: error.status, headers: {}, body: error.body };
    }
    if (!wire.last) throw new Error(`the SDK sent nothing for ${request.operationId}`);
    return wire.last;
  };
}

const workflows = await loadFlows();
let run = 0;
const inputs = () => ({
  ...CONTRACT_CREDENTIALS,
  deletableSubmissionId: CONTRACT_CREDENTIALS.submissionId,
  version: 'v2.3.0',
  runId: `sdk${Date.now().toString(36)}${run++}`,
});

describe('the flows through the SDK, over HTTP against the standalone server', () => {
  let mock: RunningMockServer;
  const called = new Set<string>();
  beforeAll(async () => {
    mock = await startMockServer({ fixture: contractFixture });
  });
  afterAll(async () => {
    await mock?.close();
    // every operation the SDK has a call for was made by some flow, and no other
    expect([...called].sort()).toEqual(Object.keys(CALLS).sort());
  });

  it.each(workflows.map((w) => [w.workflowId, w] as const))('%s', async (_id, workflow) => {
    const result = await runWorkflow(
      workflow,
      inputs(),
      sdkSend(() => mock.url, called),
    );
    const failed = result.steps.filter((s) => !s.passed).map((s) => ({ step: s.stepId, failures: s.failures }));
    expect(failed).toEqual([]);
    expect(result.passed).toBe(true);
  });
});

describe('the flows through the SDK, under MSW', () => {
  const BASE = 'https://mock.scrub.invalid';
  const state = createMockState(contractFixture);
  const server = setupServer(...createHandlers(state, { baseUrl: BASE }));
  const called = new Set<string>();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it.each(workflows.map((w) => [w.workflowId, w] as const))('%s', async (_id, workflow) => {
    const result = await runWorkflow(
      workflow,
      inputs(),
      sdkSend(() => BASE, called),
    );
    expect(result.steps.filter((s) => !s.passed).map((s) => ({ step: s.stepId, failures: s.failures }))).toEqual([]);
    expect(result.passed).toBe(true);
  });
});

describe('the flows through the SDK catch a server wrong across steps', () => {
  it.each([
    ['author-delete-repeat', 'repeat-delete-author', /timestamp/],
    ['partial-delete-keeps-unnamed-fields', 'read-after', /last_name/],
  ])('%s fails at %s', async (id, stepId, criterion) => {
    const wrong = await startStaging(await startMockServer({ fixture: contractFixture }), wrongAcrossSteps());
    try {
      const workflow = workflows.find((w) => w.workflowId === id)!;
      const result = await runWorkflow(
        workflow,
        inputs(),
        sdkSend(() => wrong.url, new Set()),
      );
      expect(result.passed).toBe(false);
      const failed = result.steps.filter((s) => !s.passed);
      expect(failed.map((s) => s.stepId)).toEqual([stepId]);
      expect(failed[0]!.failures.map((f) => f.criterion).join('\n')).toMatch(criterion);
    } finally {
      await wrong.close();
    }
  });
});
