// Test-side control, one table run against the MSW handlers and the node:http server alike
// (docs/decisions.md "Test-side control" and "Sessions"): arm rules, every fault, the admin routes'
// answers and refusals to the letter, the journal, and sessions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockState, type Fault, handleRequest, toMockRequest } from '../src/index.js';
import { type Adapter, adapters } from './support/adapters.js';

const KEY = { 'x-api-key': 'test-api-key' };
const JSON_HEADERS = { ...KEY, 'content-type': 'application/json' };
const newProjection = (name = 'armed_one') => JSON.stringify({ name, mode: 'exclude', fields: ['gender'] });

describe.each(adapters)('control on %s', (make) => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = make();
    await adapter.start();
  });
  afterAll(() => adapter.stop());
  beforeEach(() => adapter.state.reset());

  const call = (method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
    fetch(`${adapter.baseUrl}${path}`, { method, headers: init.headers, body: init.body });
  const read = async (response: Response) => ({ status: response.status, body: await response.json() });
  const admin = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    read(
      await call(method, `/__mock/${path}`, {
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
  const arm = (body: unknown, headers?: Record<string, string>) => admin('POST', 'arm', body, headers);
  const listProjections = (headers: Record<string, string> = KEY) => call('GET', '/v3/projection', { headers });

  describe('POST /__mock/arm', () => {
    it('answers 201 with the arm: an id, the fields given, and times', async () => {
      expect(await arm({ operationId: 'createProjection', status: 409 })).toEqual({
        status: 201,
        body: { arm: { id: expect.stringMatching(/\S/), operationId: 'createProjection', status: 409, times: 1 } },
      });
      expect(await arm({ operationId: 'listProjections', fault: 'reset', delay: 10, times: 2 })).toEqual({
        status: 201,
        body: {
          arm: { id: expect.stringMatching(/\S/), operationId: 'listProjections', fault: 'reset', delay: 10, times: 2 },
        },
      });
    });

    it.each([
      [
        'an unknown operationId',
        { operationId: 'nope', status: 500 },
        /^unknown operationId "nope": one of partialDeleteSubmission, /,
      ],
      [
        'a status the operation does not document',
        { operationId: 'listProjections', status: 409 },
        /^listProjections documents no error with status 409 \(it documents 405, 413, 403, 500\)$/,
      ],
      [
        'a message the operation does not document',
        { operationId: 'listProjections', message: 'Projection not found' },
        /^listProjections does not document the message "Projection not found"$/,
      ],
      [
        'a fault not in the list',
        { operationId: 'listProjections', fault: 'explode' },
        /^fault must be one of reset, apply-then-reset, stall, truncate, invalid-json, got "explode"$/,
      ],
      ['times 0', { operationId: 'listProjections', status: 500, times: 0 }, /^times must be a positive integer$/],
      ['times 1.5', { operationId: 'listProjections', status: 500, times: 1.5 }, /^times must be a positive integer$/],
      [
        'times as a string',
        { operationId: 'listProjections', status: 500, times: '2' },
        /^times must be a positive integer$/,
      ],
      [
        'status and message',
        { operationId: 'createProjection', status: 409, message: 'Projection count limit exceeded' },
        /^give one of status, message and fault, not status and message$/,
      ],
      [
        'status and fault',
        { operationId: 'createProjection', status: 409, fault: 'reset' },
        /^give one of status, message and fault, not status and fault$/,
      ],
      ['none of them', { operationId: 'createProjection' }, /^give one of status, message, fault or delay$/],
      [
        'a delay out of range',
        { operationId: 'createProjection', delay: 60_001 },
        /^delay must be an integer number of milliseconds from 0 to 60000$/,
      ],
      ['not an object', [1], /^an arm is a JSON object/],
      ['not JSON', '{"operationId":', /^invalid JSON body$/],
    ])('refuses %s with 400 and what is wrong', async (_name, body, message) => {
      const r = await arm(body);
      expect(r.status).toBe(400);
      expect(Object.keys(r.body)).toEqual(['message']);
      expect(r.body.message).toMatch(message);
      expect((await admin('GET', 'arm')).body).toEqual({ arms: [] });
    });

    it('GET lists pending arms oldest first; DELETE drops them', async () => {
      await arm({ operationId: 'createProjection', status: 409 });
      await arm({ operationId: 'listProjections', fault: 'stall' });
      const listed = await admin('GET', 'arm');
      expect(listed.status).toBe(200);
      expect(listed.body.arms.map((a: { operationId: string }) => a.operationId)).toEqual([
        'createProjection',
        'listProjections',
      ]);
      expect(await admin('DELETE', 'arm')).toEqual({ status: 200, body: { arms: [] } });
      expect((await admin('GET', 'arm')).body).toEqual({ arms: [] });
    });
  });

  describe('arm rules', () => {
    it('status answers the first documented error with that status, with its documented body', async () => {
      await arm({ operationId: 'createProjection', status: 409 });
      expect(
        await read(await call('POST', '/v3/projection', { headers: JSON_HEADERS, body: newProjection() })),
      ).toEqual({ status: 409, body: { message: 'Projection name already exists' } });
      // nothing applied
      expect(adapter.state.idcheck.projects.get('demo')!.projections.map((p) => p.name)).not.toContain('armed_one');
    });

    it('message answers exactly that documented message; a filled-in template is sent as given', async () => {
      await arm({ operationId: 'createProjection', message: 'Projection count limit exceeded' });
      await arm({ operationId: 'partialDeleteSubmission', message: 'invalid fields found in fields: a, b' });
      expect(
        await read(await call('POST', '/v3/projection', { headers: JSON_HEADERS, body: newProjection() })),
      ).toEqual({ status: 409, body: { message: 'Projection count limit exceeded' } });
      expect(
        await read(await call('DELETE', '/v3/submission/partial?submission_id=s1&fields=email', { headers: KEY })),
      ).toEqual({ status: 400, body: { errorCode: 'invalid fields found in fields: a, b' } });
    });

    it('applies to the next `times` requests of the operation (default 1), oldest arm first, then stops', async () => {
      await arm({ operationId: 'listProjections', status: 500, times: 2 });
      await arm({ operationId: 'listProjections', status: 403 });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await listProjections()).status);
      expect(statuses).toEqual([500, 500, 403, 200]);
    });

    it('applies whatever the credentials, and only to its operation', async () => {
      await arm({ operationId: 'listProjections', status: 500 });
      expect((await call('GET', '/v3/projection/hidebirth0001', { headers: KEY })).status).toBe(200);
      expect(await read(await listProjections({}))).toEqual({
        status: 500,
        body: { message: 'Internal server error' },
      });
    });

    it('routing errors never consume an arm', async () => {
      await arm({ operationId: 'listProjections', status: 500 });
      expect((await call('PUT', '/v3/projection', { headers: KEY })).status).toBe(405);
      expect((await call('GET', '/v3/nothing', { headers: KEY })).status).toBe(404);
      expect((await listProjections()).status).toBe(500);
    });

    it("a request's own Prefer header wins, and consumes no arm", async () => {
      await arm({ operationId: 'listProjections', status: 500 });
      expect((await listProjections({ ...KEY, prefer: 'code=403' })).status).toBe(403);
      expect((await admin('GET', 'arm')).body.arms).toHaveLength(1);
      expect((await listProjections()).status).toBe(500);
    });

    it('delay alone slows the real answer', async () => {
      await arm({ operationId: 'listProjections', delay: 300 });
      const started = performance.now();
      expect((await listProjections()).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    });
  });

  describe('faults', () => {
    const create = () => call('POST', '/v3/projection', { headers: JSON_HEADERS, body: newProjection('faulted') });
    const created = () => adapter.state.idcheck.projects.get('demo')!.projections.some((p) => p.name === 'faulted');
    const armFault = (fault: Fault) => arm({ operationId: 'createProjection', fault });

    it('reset: the connection drops and nothing is applied', async () => {
      await armFault('reset');
      await expect(create()).rejects.toThrow();
      expect(created()).toBe(false);
    });

    it('apply-then-reset: the operation runs and changes state, then the answer is lost', async () => {
      await armFault('apply-then-reset');
      await expect(create()).rejects.toThrow();
      expect(created()).toBe(true);
    });

    it('stall: status and headers arrive, the body never does', async () => {
      await armFault('stall');
      const response = await create();
      expect(response.status).toBe(200);
      const body = response.text().then(
        () => 'completed',
        () => 'failed',
      );
      const waited = await Promise.race([
        body,
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500)),
      ]);
      expect(waited).toBe('still waiting');
      expect(created()).toBe(false);
      await response.body?.cancel().catch(() => {});
    });

    it('truncate: part of the body, then the connection closes', async () => {
      await armFault('truncate');
      const response = await create();
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let received = '';
      const decoder = new TextDecoder();
      const failure = await (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return undefined;
          received += decoder.decode(value, { stream: true });
        }
      })().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error); // the body never completes
      expect(received.length).toBeGreaterThan(10); // but part of it arrived
      expect(received.startsWith('{"message":"Scrub mock')).toBe(true);
      expect(created()).toBe(false);
    });

    it('invalid-json: status 200 and a body that is not JSON', async () => {
      await armFault('invalid-json');
      const response = await create();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      const text = await response.text();
      expect(() => JSON.parse(text)).toThrow();
      expect(created()).toBe(false);
    });
  });

  describe('the request journal', () => {
    it('records every request an area claims, with what it got, and never a credential', async () => {
      await arm({ operationId: 'listProjections', status: 500 });
      await listProjections();
      await call('POST', '/v3/projection', { headers: JSON_HEADERS, body: newProjection('journaled') });
      await call('DELETE', '/v3/submission/partial?submission_id=s1&fields=email&fields=data', { headers: KEY });
      await call('GET', '/v3/nothing?x=1', { headers: KEY });
      await call('DELETE', '/v2.3.0/account/demo-account/author/learner-1', {
        headers: { authorization: 'Token token=demo-token' },
      });
      const { status, body } = await admin('GET', 'requests');
      expect(status).toBe(200);
      const entries = body.requests;
      expect(entries).toHaveLength(5);
      expect(entries[0]).toEqual({
        seq: expect.any(Number),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        operationId: 'listProjections',
        method: 'GET',
        path: '/v3/projection',
        query: {},
        body: null,
        status: 500,
        message: 'Internal server error',
        armed: true,
        fault: null,
      });
      expect(entries[1]).toMatchObject({
        operationId: 'createProjection',
        method: 'POST',
        body: { name: 'journaled', mode: 'exclude', fields: ['gender'] },
        status: 200,
        message: null,
        armed: false,
      });
      expect(entries[2]).toMatchObject({
        operationId: 'partialDeleteSubmission',
        query: { submission_id: ['s1'], fields: ['email', 'data'] },
        status: 400,
        message: 'fields must be a string',
      });
      expect(entries[3]).toMatchObject({
        operationId: null,
        path: '/v3/nothing',
        query: { x: ['1'] },
        status: 404,
        message: 'Not Found',
      });
      expect(entries[4]).toMatchObject({ operationId: 'deleteAuthorSubmissions', status: 200 });
      expect(entries.map((e: { seq: number }) => e.seq)).toEqual(
        [...entries.map((e: { seq: number }) => e.seq)].sort((a, b) => a - b),
      );
      expect(JSON.stringify(entries)).not.toMatch(/test-api-key|demo-token|x-api-key|authorization/i);
    });

    it('filters by operation, records faults, and DELETE empties it', async () => {
      await arm({ operationId: 'listProjections', fault: 'reset' });
      await listProjections().catch(() => {});
      await call('GET', '/v3/projection/hidebirth0001', { headers: KEY });
      const only = (await admin('GET', 'requests?operationId=listProjections')).body.requests;
      expect(only).toEqual([
        expect.objectContaining({ operationId: 'listProjections', status: 0, armed: true, fault: 'reset' }),
      ]);
      expect(await admin('DELETE', 'requests')).toEqual({ status: 200, body: { requests: [] } });
      expect((await admin('GET', 'requests')).body).toEqual({ requests: [] });
    });

    it('POST /__mock/reset clears arms and journal; PUT /__mock/state clears neither', async () => {
      await arm({ operationId: 'listProjections', status: 500, times: 3 });
      await listProjections();
      const dump = (await admin('GET', 'state')).body;
      expect((await admin('PUT', 'state', dump)).status).toBe(200);
      expect((await admin('GET', 'arm')).body.arms).toHaveLength(1);
      expect((await admin('GET', 'requests')).body.requests).toHaveLength(1);
      expect((await admin('POST', 'reset')).status).toBe(200);
      expect((await admin('GET', 'arm')).body).toEqual({ arms: [] });
      expect((await admin('GET', 'requests')).body).toEqual({ requests: [] });
    });
  });

  describe('sessions (x-mock-session)', () => {
    it('a session has its own state, arms and journal; the default session is untouched', async () => {
      const a = { 'x-mock-session': 'worker-a' };
      await call('POST', '/v3/projection', { headers: { ...JSON_HEADERS, ...a }, body: newProjection('in_a') });
      await arm({ operationId: 'listProjections', status: 500 }, a);
      expect((await listProjections()).status).toBe(200); // the default session has no arm
      expect((await admin('GET', 'arm')).body).toEqual({ arms: [] });
      const inA = await read(await listProjections({ ...KEY, ...a }));
      expect(inA.status).toBe(500);
      const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((p) => p.name);
      expect(names(await read(await listProjections()))).not.toContain('in_a');
      expect(names(await read(await listProjections({ ...KEY, 'x-mock-session': 'worker-b' })))).not.toContain('in_a');
      expect(names(await read(await listProjections({ ...KEY, ...a })))).toContain('in_a');
      expect((await admin('GET', 'requests', undefined, a)).body.requests).toHaveLength(3);
      expect((await admin('GET', 'requests')).body.requests).toHaveLength(2);
      expect((await admin('POST', 'reset', undefined, a)).status).toBe(200);
      expect(names(await read(await listProjections({ ...KEY, ...a })))).not.toContain('in_a');
    });

    it('a malformed session name is a 400 naming the header, on API and admin routes', async () => {
      const bad = { 'x-mock-session': 'no spaces allowed' };
      const expected = {
        status: 400,
        body: { message: 'x-mock-session must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -' },
      };
      expect(await read(await listProjections({ ...KEY, ...bad }))).toEqual(expected);
      expect(await admin('GET', 'state', undefined, { 'x-mock-session': 'x'.repeat(65) })).toEqual(expected);
    });
  });
});

describe('bounds', () => {
  it('the journal keeps the latest 1,000 requests', () => {
    const state = createMockState(undefined, { onWarning: () => {} });
    for (let i = 0; i < 1005; i++)
      handleRequest(state, toMockRequest({ method: 'GET', url: `/v3/projection?i=${i}`, headers: KEY }));
    const entries = state.requests();
    expect(entries).toHaveLength(1000);
    expect(entries[0]!.query).toEqual({ i: ['5'] });
    expect(entries.at(-1)!.query).toEqual({ i: ['1004'] });
  });

  it('at most 100 sessions besides the default: one more drops the least recently used', () => {
    const state = createMockState();
    const s0 = state.session('s0');
    const s1 = state.session('s1');
    for (let i = 2; i < 100; i++) state.session(`s${i}`);
    expect(state.session('s0')).toBe(s0); // used again: now the most recently used
    state.session('s100'); // the 101st: drops the least recently used, s1
    expect(state.session('s0')).toBe(s0);
    expect(state.session('s1')).not.toBe(s1); // seeded anew
  });

  it('a delayed request that waited across a reset answers nothing and leaves no trace', async () => {
    const state = createMockState(undefined, { onWarning: () => {} });
    state.arm({ operationId: 'createProjection', delay: 100 });
    const pending = handleRequest(
      state,
      toMockRequest({
        method: 'POST',
        url: '/v3/projection',
        headers: { ...KEY, 'content-type': 'application/json' },
        body: newProjection('late'),
      }),
    );
    state.reset();
    expect(await pending).toEqual({ fault: 'reset' });
    expect(state.idcheck.projects.get('demo')!.projections.map((p) => p.name)).toEqual(['hide_birth']);
    expect(state.requests()).toEqual([]);
  });

  it('journal bodies share a budget: past it, the oldest bodies are recorded as null', () => {
    const state = createMockState(undefined, { onWarning: () => {} });
    const big = JSON.stringify({ name: 'x'.repeat(60_000), mode: 'exclude', fields: ['gender'] });
    for (let i = 0; i < 40; i++)
      handleRequest(
        state,
        toMockRequest({
          method: 'POST',
          url: '/v3/projection',
          headers: { ...KEY, 'content-type': 'application/json' },
          body: big,
        }),
      );
    const bodies = state.requests().map((r) => r.body !== null);
    expect(bodies).toHaveLength(40);
    expect(bodies.filter(Boolean).length).toBeLessThanOrEqual(Math.floor((1024 * 1024) / big.length));
    expect(bodies.at(-1)).toBe(true); // the newest keep theirs
    expect(bodies[0]).toBe(false);
  });

  it('past the 1,000-request limit too, the bodies kept are exactly the newest that fit the budget', () => {
    const state = createMockState(undefined, { onWarning: () => {} });
    const body = JSON.stringify({ name: 'x'.repeat(2_000), mode: 'exclude', fields: ['gender'] });
    for (let i = 0; i < 1_200; i++)
      handleRequest(
        state,
        toMockRequest({
          method: 'POST',
          url: '/v3/projection',
          headers: { ...KEY, 'content-type': 'application/json' },
          body,
        }),
      );
    const kept = state.requests().map((r) => r.body !== null);
    const fit = Math.floor((1024 * 1024) / body.length);
    expect(kept).toHaveLength(1_000);
    expect(kept.filter(Boolean)).toHaveLength(fit);
    expect(kept.slice(-fit).every(Boolean)).toBe(true); // the newest `fit`, none older
  });
});
