// The core routes from the areas' generated route tables: operation and path parameters, the area's
// 404 for a claimed path with no route, a documented 405 where an operation documents one, else the
// area's; a path no area claims is nobody's. A toy area shows the core needs no built-in area.
import { describe, expect, it } from 'vitest';
import type { ApiArea } from '../../src/core/area.js';
import { handleRequest } from '../../src/core/handle.js';
import { toMockRequest } from '../../src/core/request.js';
import { json } from '../../src/core/response.js';
import { createRouter } from '../../src/core/router.js';
import { createState } from '../../src/core/state.js';
import { areas } from '../../src/state.js';

const router = createRouter(areas);
const body = (r: ReturnType<typeof router.match>) => (r && 'response' in r ? JSON.parse(r.response.body!) : undefined);

describe('router over the registered areas', () => {
  it('resolves a method on a path to its operation, with decoded path parameters', () => {
    expect(router.match('GET', '/v3/projection/abc%20d')).toMatchObject({
      operationId: 'getProjection',
      params: { projectionId: 'abc d' },
    });
    expect(router.match('DELETE', '/v2.3.0/account/demo-account/author/learner-1')).toMatchObject({
      operationId: 'deleteAuthorSubmissions',
      params: { version: 'v2.3.0', account_id: 'demo-account', id: 'learner-1' },
    });
    expect(router.match('GET', '/v2.3.0/account/a/text/t%ZZ/results')).toMatchObject({
      operationId: 'getTextResults',
      params: { id: 't%ZZ' },
    });
    // the version is checked as sent: an encoded one is not a version this API serves
    expect(router.match('GET', '/v2%2E3%2E0/account/a/text/t1/results')).toMatchObject({
      params: { version: 'v2%2E3%2E0', account_id: 'a', id: 't1' },
    });
  });

  it("answers a claimed path without a route with the area's 404", () => {
    expect(body(router.match('GET', '/v3/nothing'))).toEqual({ message: 'Not Found' });
    expect(body(router.match('GET', '/v3/projection/'))).toEqual({ message: 'Not Found' });
    expect(body(router.match('DELETE', '/v2.3.0/account/a/author/x/extra'))).toEqual({
      type: 'error',
      code: 404,
      message: 'not found',
    });
  });

  it("answers another method with the 405 an operation of the path documents, else the area's", () => {
    expect(body(router.match('PUT', '/v3/projection'))).toEqual({
      message: 'Method not allowed for /projections path',
    });
    expect(body(router.match('POST', '/v3/projection/abc'))).toEqual({
      message: 'Method not allowed for /projections/projectionId path',
    });
    expect(body(router.match('POST', '/v3/submission'))).toEqual({ message: 'Method Not Allowed' });
    expect(body(router.match('GET', '/v2.3.0/account/a/author/x'))).toEqual({
      type: 'error',
      code: 405,
      message: 'method not allowed',
    });
  });

  it('leaves paths no area claims alone', () => {
    expect(router.match('GET', '/api/account/x')).toBeUndefined();
    expect(router.match('GET', '/v3x/projection')).toBeUndefined();
    expect(router.match('GET', '/')).toBeUndefined();
  });
});

describe('areas register with the core', () => {
  // a toy area reusing a generated route: the core routes, gates and dispatches it with no built-in area
  const toy: ApiArea<'toy', { hits: number }, string, { hits: number }> = {
    key: 'toy',
    routes: { listProjections: { method: 'GET', path: '/v3/projection' } },
    claims: (path) => path.startsWith('/v3/'),
    notFound: () => json(404, { message: 'toy: no route' }),
    methodNotAllowed: () => json(405, { message: 'toy: no method' }),
    check: (part, path) => {
      if (typeof (part as { hits?: unknown })?.hits !== 'number') throw new Error(`${path}.hits: expected number`);
    },
    load: (part) => ({ hits: part.hits }),
    dump: (slice) => ({ hits: slice.hits }),
    gate: ({ request }) =>
      request.header('x-toy') === 'yes'
        ? { ok: true, auth: 'member' }
        : { ok: false, response: json(401, { message: 'toy: who?' }) },
    operations: { listProjections: ({ slice }, auth) => json(200, { hits: ++slice.hits, auth }) },
  };

  it('routes, gates and runs its operations; its state loads, dumps and resets', async () => {
    const state = createState([toy], { toy: { hits: 0 } }, { onWarning: () => {} });
    const send = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
      handleRequest(state, toMockRequest({ method, url: path, headers }));
    expect(await send('/v3/projection')).toMatchObject({ status: 401 });
    expect(await send('/v3/projection', { 'x-toy': 'yes' })).toMatchObject({
      status: 200,
      body: '{"hits":1,"auth":"member"}',
    });
    expect(await send('/v3/projection', {}, 'PUT')).toMatchObject({
      status: 405,
      body: '{"message":"Method not allowed for /projections path"}',
    });
    expect(await send('/v3/other')).toMatchObject({ status: 404, body: '{"message":"toy: no route"}' });
    expect(state.toFixture()).toEqual({ toy: { hits: 1 } });
    state.reset();
    expect(state.toFixture()).toEqual({ toy: { hits: 0 } });
  });
});
