// Typed overrides for `server.use`: documented errors by message, success bodies checked against the
// spec, matched by operation exactly as the mock's own handlers match.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, createMockState, errorResponse, override } from '../../src/index.js';

const state = createMockState();
const server = setupServer(...createHandlers(state));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const KEY = { 'x-api-key': 'test-api-key' };
const get = async (path: string, init: RequestInit = {}) => {
  const r = await fetch(`https://rest-api.argosidentity.com${path}`, { ...init, headers: { ...KEY, ...init.headers } });
  return { status: r.status, body: await r.json() };
};

describe('errorResponse', () => {
  it("builds the operation's documented error from its message: status and body shape", async () => {
    expect(await errorResponse('createProjection', 'Projection count limit exceeded').json()).toEqual({
      message: 'Projection count limit exceeded',
    });
    expect(errorResponse('createProjection', 'Projection count limit exceeded').status).toBe(409);
    const pd = errorResponse('partialDeleteSubmission', 'invalid fields found in fields: a, b');
    expect([pd.status, await pd.json()]).toEqual([400, { errorCode: 'invalid fields found in fields: a, b' }]);
    const text = errorResponse('submitText', 'id already used');
    expect([text.status, await text.json()]).toEqual([400, { type: 'error', code: 400, message: 'id already used' }]);
    // @ts-expect-error createProjection does not document it
    expect(() => errorResponse('createProjection', 'Projection not found')).toThrow(
      'createProjection does not document the message "Projection not found"',
    );
  });
});

describe('override', () => {
  it('answers its operation with a typed success body, leaves the others to the mock', async () => {
    server.use(override('listProjections', { items: [], message: 'Get projection list success' }));
    expect(await get('/v3/projection')).toEqual({
      status: 200,
      body: { items: [], message: 'Get projection list success' },
    });
    expect((await get('/v3/projection/hidebirth0001')).body.item.name).toBe('hide_birth');
    // @ts-expect-error the list answer has `items`, not `item`
    override('listProjections', { item: {}, message: 'Get projection list success' });
  });

  it('answers with an error Response, once if asked, then the mock answers again', async () => {
    server.use(
      override('createProjection', errorResponse('createProjection', 'Projection count limit exceeded'), {
        once: true,
      }),
    );
    const body = JSON.stringify({ name: 'x1', mode: 'exclude', fields: ['gender'] });
    const post = () => get('/v3/projection', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await post()).toEqual({ status: 409, body: { message: 'Projection count limit exceeded' } });
    expect((await post()).status).toBe(200);
  });

  it('answers every matching request with a copy of a Response given once', async () => {
    server.use(override('listProjections', errorResponse('listProjections', 'Internal server error')));
    expect((await get('/v3/projection')).status).toBe(500);
    expect(await get('/v3/projection')).toEqual({ status: 500, body: { message: 'Internal server error' } });
  });

  it("matches as the mock routes (not MSW's patterns): a malformed escape included, another method not", async () => {
    // the mock's own answer
    expect(await get('/v3/projection/a%ZZ')).toEqual({ status: 404, body: { message: 'Projection not found' } });
    // the override answers 500, the mock itself never does here: each answer says who gave it
    server.use(override('getProjection', () => errorResponse('getProjection', 'Internal server error')));
    expect((await get('/v3/projection/hidebirth0001')).status).toBe(500);
    expect((await get('/v3/projection/a%ZZ')).status).toBe(500); // the mock routes it to getProjection too
    expect(await get('/v3/projection/hidebirth0001', { method: 'DELETE' })).toEqual({
      status: 200,
      body: { message: 'Delete projection success' },
    });
    expect((await get('/v3/projection/hidebirth0001', { method: 'PUT' })).body).toEqual({
      message: 'Method not allowed for /projections/projectionId path',
    });
  });
});
