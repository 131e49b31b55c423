import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowGuard } from '../../src/flows/guard.js';
import { httpFlowSend, toFlowResponse, toReq } from '../../src/flows/http.js';
import type { FlowRequest } from '../../src/flows/model.js';
import { answer, reply, type Served, serve } from '../support/fake.js';

const request = (over: Partial<FlowRequest> = {}): FlowRequest => ({
  operationId: 'partialDeleteSubmission',
  source: 'idcheck',
  method: 'DELETE',
  path: '/v3/submission/partial?submission_id=s1&fields=data%2Cid_image',
  params: { path: {}, query: { submission_id: 's1', fields: 'data,id_image' }, header: { 'x-api-key': 'k' } },
  ...over,
});

describe('toReq', () => {
  it('splits path and query, keeps the headers, sends a payload as JSON', () => {
    expect(toReq(request())).toEqual({
      method: 'DELETE',
      path: '/v3/submission/partial',
      query: 'submission_id=s1&fields=data%2Cid_image',
      headers: { 'x-api-key': 'k' },
    });
    expect(toReq(request({ method: 'PUT', path: '/v/account/a/text/t', body: { a: 1 } }))).toEqual({
      method: 'PUT',
      path: '/v/account/a/text/t',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
  });
});

describe('toFlowResponse', () => {
  it('gives lower-case headers and the JSON body, the text when not JSON, nothing when empty', () => {
    expect(toFlowResponse(answer(200, { a: 1 }, { 'X-Thing': 'y' }))).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-thing': 'y' },
      body: { a: 1 },
    });
    expect(toFlowResponse({ status: 502, headers: new Headers(), text: 'Bad gateway', json: undefined }).body).toBe(
      'Bad gateway',
    );
    expect(toFlowResponse({ status: 204, headers: new Headers(), text: '', json: undefined }).body).toBeUndefined();
  });
});

describe('httpFlowSend', () => {
  let server: Served;
  beforeAll(async () => {
    server = await serve((req, res) => reply(res, 200, { got: req.url, body: req.body || null }));
  });
  afterAll(() => server.close());

  it('sends the request to the target and answers as a step sees it', async () => {
    const guard = new FlowGuard({ controls: false, runId: 'r1', deletableSubmissionId: 's1' }, async () => undefined);
    const send = httpFlowSend(server.url, guard);
    const res = await send(request());
    expect(res).toMatchObject({
      status: 200,
      body: { got: '/v3/submission/partial?submission_id=s1&fields=data%2Cid_image', body: null },
    });
    expect(server.received.at(-1)!.headers['x-api-key']).toBe('k');
  });

  it('never sends what the guard refuses, and says why', async () => {
    const guard = new FlowGuard({ controls: false, runId: 'r1' }, async () => undefined);
    const before = server.received.length;
    await expect(httpFlowSend(server.url, guard)(request())).rejects.toThrow(
      'refused to send a partial delete of submission s1, which the set-up did not give as deletableSubmissionId',
    );
    expect(server.received.length).toBe(before);
  });
});
