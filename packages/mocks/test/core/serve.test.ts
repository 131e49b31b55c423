// The request path both adapters call, run with no adapter at all: what it answers (or asks the
// transport to do) and what the journal keeps, for each way a request can go.
import { describe, expect, it } from 'vitest';
import { FAULT_RESPONSE, INVALID_JSON_RESPONSE } from '../../src/core/faults.js';
import { type MockRequest, toMockRequest } from '../../src/core/request.js';
import { type Served, serveRequest } from '../../src/core/serve.js';
import { createMockState } from '../../src/index.js';

const AT = '2026-01-01T00:00:00.000Z';
const KEY = { 'x-api-key': 'test-api-key' };
const fresh = () => createMockState(undefined, { now: () => new Date(AT), onWarning: () => {} });

/** Serves synchronously (no delay is asked for in these requests) and reads the body as JSON. */
function serve(state: ReturnType<typeof fresh>, request: MockRequest): Served {
  const served = serveRequest(state, request);
  if (served === undefined || served instanceof Promise) throw new Error(`expected a synchronous answer`);
  return served;
}
const bodyOf = (served: Served) => ('fault' in served ? undefined : JSON.parse(served.body ?? 'null'));

const entry = {
  seq: 1,
  at: AT,
  method: 'GET',
  query: {},
  body: null,
  armed: false,
  fault: null,
};

describe('serveRequest', () => {
  it('a routed request: the operation answers, the journal records it', () => {
    const state = fresh();
    const served = serve(state, toMockRequest({ method: 'GET', url: '/v3/projection', headers: KEY }));
    expect(served).toMatchObject({ status: 200, headers: { 'content-type': 'application/json' } });
    expect(bodyOf(served)).toEqual({
      message: 'Get projection list success',
      items: [
        {
          projection_id: 'hidebirth0001',
          name: 'hide_birth',
          mode: 'exclude',
          fields: ['date_of_birth', 'identityNumber'],
          created_at: '2024-04-30T08:00:00.000Z',
        },
      ],
    });
    expect(state.requests()).toEqual([
      { ...entry, operationId: 'listProjections', path: '/v3/projection', status: 200, message: null },
    ]);
  });

  it("a claimed path with no route: the area's 404, journalled without an operation", () => {
    const state = fresh();
    const served = serve(state, toMockRequest({ method: 'GET', url: '/v3/nothing?x=1', headers: KEY }));
    expect(served).toMatchObject({ status: 404 });
    expect(bodyOf(served)).toEqual({ message: 'Not Found' });
    expect(state.requests()).toEqual([
      { ...entry, operationId: null, path: '/v3/nothing', query: { x: ['1'] }, status: 404, message: 'Not Found' },
    ]);
  });

  it('a path no area claims is not ours: nothing answered, nothing journalled', () => {
    const state = fresh();
    expect(serveRequest(state, toMockRequest({ method: 'GET', url: '/favicon.ico' }))).toBeUndefined();
    expect(state.requests()).toEqual([]);
  });

  it("a body over the limit: the area's documented 413", () => {
    const state = fresh();
    const request = toMockRequest({ method: 'POST', url: '/v3/projection', headers: KEY, bodyTooLarge: true });
    const served = serve(state, request);
    expect(served).toMatchObject({ status: 413 });
    expect(bodyOf(served)).toEqual({ message: 'Request Entity Too Large' });
    expect(state.requests()).toEqual([
      {
        ...entry,
        method: 'POST',
        operationId: 'createProjection',
        path: '/v3/projection',
        status: 413,
        message: 'Request Entity Too Large',
      },
    ]);
  });

  it('a malformed session name: 400 naming the header, and no journal touched', () => {
    const state = fresh();
    const headers = { ...KEY, 'x-mock-session': 'no spaces' };
    const served = serve(state, toMockRequest({ method: 'GET', url: '/v3/projection', headers }));
    expect(served).toMatchObject({ status: 400 });
    expect(bodyOf(served)).toEqual({ message: 'x-mock-session must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -' });
    expect(state.requests()).toEqual([]);
  });

  it("a session's request is served from and journalled in that session", () => {
    const state = fresh();
    const headers = { ...KEY, 'x-mock-session': 'worker-1' };
    expect(serve(state, toMockRequest({ method: 'GET', url: '/v3/projection', headers }))).toMatchObject({
      status: 200,
    });
    expect(state.requests()).toEqual([]);
    expect(state.session('worker-1').requests()).toMatchObject([{ operationId: 'listProjections', status: 200 }]);
  });

  it('an armed fault: the transport is asked to enact it, the journal says which', () => {
    const state = fresh();
    state.arm({ operationId: 'listProjections', fault: 'truncate' });
    state.arm({ operationId: 'getProjection', fault: 'reset' });
    state.arm({ operationId: 'getSubmission', fault: 'invalid-json' });
    expect(serve(state, toMockRequest({ method: 'GET', url: '/v3/projection', headers: KEY }))).toEqual({
      fault: 'truncate',
      response: FAULT_RESPONSE,
    });
    const one = toMockRequest({ method: 'GET', url: '/v3/projection/hidebirth0001', headers: KEY });
    expect(serve(state, one)).toEqual({ fault: 'reset' });
    // invalid-json is a whole answer the adapter writes like any other
    const submission = toMockRequest({ method: 'GET', url: '/v3/submission?submission_id=s1', headers: KEY });
    expect(serve(state, submission)).toBe(INVALID_JSON_RESPONSE);
    expect(state.requests()).toEqual([
      {
        ...entry,
        operationId: 'listProjections',
        path: '/v3/projection',
        status: 200,
        message: null,
        armed: true,
        fault: 'truncate',
      },
      {
        ...entry,
        seq: 2,
        operationId: 'getProjection',
        path: '/v3/projection/hidebirth0001',
        status: 0,
        message: null,
        armed: true,
        fault: 'reset',
      },
      {
        ...entry,
        seq: 3,
        operationId: 'getSubmission',
        path: '/v3/submission',
        query: { submission_id: ['s1'] },
        status: 200,
        message: null,
        armed: true,
        fault: 'invalid-json',
      },
    ]);
  });

  it('a delay asks to wait: the answer comes as a promise', async () => {
    const state = fresh();
    state.arm({ operationId: 'listProjections', delay: 1 });
    const served = serveRequest(state, toMockRequest({ method: 'GET', url: '/v3/projection', headers: KEY }));
    expect(served).toBeInstanceOf(Promise);
    expect(await served).toMatchObject({ status: 200 });
  });
});
