import { afterEach, describe, expect, it } from 'vitest';
import { probeControls, putState, seedFixture } from '../src/controls.js';
import { contractFixture } from '../src/fixture.js';
import { reply, type Served, serve } from './support/fake.js';

let server: Served | undefined;
afterEach(() => server?.close());

describe('controls', () => {
  it('a target with both areas in /__mock/state offers controls: its state is what it answered', async () => {
    const state = { idcheck: { projects: [] }, textAssessment: { accounts: [] } };
    server = await serve((_req, res) => reply(res, 200, state));
    expect(await probeControls(server.url)).toEqual(state);
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /__mock/state']);
  });

  it('a target without them (404, one area only, unreachable) offers none', async () => {
    server = await serve((req, res) => reply(res, req.url === '/__mock/state' ? 404 : 200, { idcheck: {} }));
    expect(await probeControls(server.url)).toBeUndefined();
    await server.close();
    server = await serve((_req, res) => reply(res, 200, { idcheck: {} }));
    expect(await probeControls(server.url)).toBeUndefined();
    expect(await probeControls('http://127.0.0.1:9')).toBeUndefined();
  });

  it('puts a state and seeds the fixture as JSON', async () => {
    server = await serve((_req, res) => reply(res, 200, {}));
    await putState(server.url, { a: 1 });
    await seedFixture(server.url);
    expect(server.received.map((r) => [r.method, r.url, r.headers['content-type'], JSON.parse(r.body)])).toEqual([
      ['PUT', '/__mock/state', 'application/json', { a: 1 }],
      ['PUT', '/__mock/state', 'application/json', contractFixture],
    ]);
  });
});
