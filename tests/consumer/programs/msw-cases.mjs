// The MSW handlers of @scrub/mocks as a frontend team uses them under `bun test` and `deno test`:
// the app's own fetch calls and the SDK answered from a stateful mock, arms, faults, the journal and
// overrides. One list of cases, registered by each runner's file; assertions from node:assert.
import { deepStrictEqual, equal, rejects } from 'node:assert/strict';
import { createHandlers, createMockState, errorResponse, override } from '@scrub/mocks';
import { createIdCheckClient, NotFoundError } from '@scrub/sdk';
import { setupServer } from 'msw/node';

const API = 'https://rest-api.argosidentity.com';
const key = { 'x-api-key': 'test-api-key' };
const state = createMockState();
const server = setupServer(...createHandlers(state));

/** Starts intercepting; the returned function stops it (and resets the state for the next case). */
export function start() {
  server.listen({ onUnhandledRequest: 'error' });
  return () => {
    server.resetHandlers();
    server.close();
    state.reset();
  };
}

const json = async (path, init = {}) => {
  const r = await fetch(API + path, { ...init, headers: { ...key, ...init.headers } });
  return [r.status, await r.json()];
};

export const cases = [
  [
    'answers from the fixture and keeps what a call changed',
    async () => {
      deepStrictEqual(
        await json('/v3/submission/partial?submission_id=s1&fields=data&data_fields=first_name', { method: 'DELETE' }),
        [200, { message: 'success', submission_id: 's1', deleted: { fields: ['data'], data_fields: ['first_name'] } }],
      );
      const [status, read] = await json('/v3/submission?submission_id=s1');
      equal(status, 200);
      equal(read.Items[0].data.first_name, undefined);
      equal(read.Items[0].data.last_name, 'Park');
    },
  ],
  [
    'an armed answer comes once, with x-should-retry: false',
    async () => {
      state.arm({ operationId: 'listProjections', status: 500 });
      const armed = await fetch(`${API}/v3/projection`, { headers: key });
      deepStrictEqual(
        [armed.status, armed.headers.get('x-should-retry'), await armed.json()],
        [500, 'false', { message: 'Internal server error' }],
      );
      equal((await json('/v3/projection'))[0], 200);
    },
  ],
  [
    'faults: reset is a network error, invalid-json a 200 that is not JSON',
    async () => {
      state.arm({ operationId: 'listProjections', fault: 'reset' });
      await rejects(fetch(`${API}/v3/projection`, { headers: key }), TypeError);
      state.arm({ operationId: 'listProjections', fault: 'invalid-json' });
      const broken = await fetch(`${API}/v3/projection`, { headers: key });
      equal(broken.status, 200);
      await rejects(broken.json(), SyntaxError);
    },
  ],
  [
    'the journal records what was sent, never a credential',
    async () => {
      await json('/v3/projection/nope');
      const [entry] = state.requests();
      deepStrictEqual(
        [entry.operationId, entry.method, entry.path, entry.status, entry.message, entry.armed],
        ['getProjection', 'GET', '/v3/projection/nope', 404, 'Projection not found', false],
      );
      equal(JSON.stringify(state.requests()).includes('test-api-key'), false);
    },
  ],
  [
    'an override answers once, then the stateful handler again',
    async () => {
      server.use(override('getProjection', errorResponse('getProjection', 'Projection not found'), { once: true }));
      deepStrictEqual(await json('/v3/projection/hidebirth0001'), [404, { message: 'Projection not found' }]);
      equal((await json('/v3/projection/hidebirth0001'))[1].item.name, 'hide_birth');
    },
  ],
  [
    'the SDK through the handlers: typed results and typed errors',
    async () => {
      const client = createIdCheckClient({ apiKey: 'test-api-key' });
      const { projection_id } = await client.projections.create({ name: 'hide_names', fields: ['first_name'] });
      equal((await client.projections.get(projection_id)).name, 'hide_names');
      await rejects(
        client.projections.get('nope'),
        (e) => e instanceof NotFoundError && e.code === 'Projection not found',
      );
    },
  ],
];
