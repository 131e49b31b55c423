// The staging stand-in answers the API through the mock behind it, hides the admin routes, and drifts
// on request.
import type { AddressInfo } from 'node:net';
import { createMockState } from '@scrub/mocks';
import { createMockHttpServer } from '@scrub/mocks/http';
import { afterEach, expect, it } from 'vitest';
import { type Staging, startStaging } from '../src/staging.js';

async function mock() {
  const state = createMockState();
  const server = createMockHttpServer({ state });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, close: () => server.shutdown(0) };
}

let staging: Staging | undefined;
afterEach(() => staging?.close());
const list = (url: string) => fetch(`${url}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } });

it('answers the API through the mock; /__mock answers 404 there and works on the mock itself', async () => {
  const inner = await mock();
  staging = await startStaging(inner);
  const r = await list(staging.url);
  expect([r.status, ((await r.json()) as { message: string }).message]).toEqual([200, 'Get projection list success']);
  const admin = await fetch(`${staging.url}/__mock/state`);
  expect([admin.status, await admin.json()]).toEqual([404, { message: 'Not Found' }]);
  expect(inner.state.requests().map((e) => e.operationId)).toEqual(['listProjections']);
  expect((await fetch(`${inner.url}/__mock/state`)).status).toBe(200);
});

it('drift rewrites the answers it is given; close() closes the mock behind it too', async () => {
  const inner = await mock();
  const seen: string[] = [];
  staging = await startStaging(inner, (x) => {
    seen.push(`${x.method} ${x.url} ${x.status}`);
    return x.path === '/v3/projection'
      ? { ...x, status: 503, text: x.text.replace('Get projection list success', 'OK') }
      : x;
  });
  const r = await list(staging.url);
  expect([r.status, ((await r.json()) as { message: string }).message]).toEqual([503, 'OK']);
  expect(seen).toEqual(['GET /v3/projection 200']);
  await staging.close();
  staging = undefined;
  await expect(list(inner.url)).rejects.toThrow();
});
