// What only the standalone server has: CORS, /__mock admin endpoints, the request log, size limits.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockHttpServer } from '../../src/http.js';
import { createMockState, defaultFixture } from '../../src/index.js';

const state = createMockState();
const lines: string[] = [];
const server = createMockHttpServer({ state, log: (line) => lines.push(line) });
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => state.load(defaultFixture));

describe('standalone server', () => {
  it('answers CORS preflights and marks every response', async () => {
    const pre = await fetch(`${base}/v3/projection`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-api-key, content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toBe('x-api-key, content-type');
    expect(pre.headers.get('access-control-allow-methods')).toContain('DELETE');
    const r = await fetch(`${base}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('GET /__mock/state dumps, PUT replaces, POST /__mock/reset restores the fixture', async () => {
    await fetch(`${base}/v3/submission/partial?submission_id=s1&fields=email`, {
      method: 'DELETE',
      headers: { 'x-api-key': 'test-api-key' },
    });
    const dump = await (await fetch(`${base}/__mock/state`)).json();
    expect(dump.idcheck.projects[0].submissions[0]).not.toHaveProperty('email');
    expect(dump.idcheck.projects[0].auditLog).toHaveLength(1);

    const fixture = structuredClone(defaultFixture);
    fixture.idcheck.projects[0]!.submissions = [{ submission_id: 'only' }];
    const put = await fetch(`${base}/__mock/state`, { method: 'PUT', body: JSON.stringify(fixture) });
    expect(put.status).toBe(200);
    const read = await fetch(`${base}/v3/submission?submission_id=only`, { headers: { 'x-api-key': 'test-api-key' } });
    expect(await read.json()).toEqual({ Items: [{ submission_id: 'only' }] });

    expect((await fetch(`${base}/__mock/reset`, { method: 'POST' })).status).toBe(200);
    const back = await fetch(`${base}/v3/submission?submission_id=s1`, { headers: { 'x-api-key': 'test-api-key' } });
    // the server's own fixture
    expect((await back.json()).Items[0]).toEqual(defaultFixture.idcheck.projects[0]!.submissions[0]);
  });

  it('refuses a malformed state with the bad path and keeps the old state', async () => {
    const bad = structuredClone(defaultFixture) as any;
    bad.idcheck.projects[0].apiKeys = 'x';
    const put = await fetch(`${base}/__mock/state`, { method: 'PUT', body: JSON.stringify(bad) });
    expect(put.status).toBe(400);
    expect(await put.json()).toEqual({ message: 'idcheck.projects[0].apiKeys: expected array' });
    expect((await fetch(`${base}/__mock/state`, { method: 'PUT', body: '{' })).status).toBe(400);
    const still = await fetch(`${base}/v3/submission?submission_id=s1`, { headers: { 'x-api-key': 'test-api-key' } });
    expect(still.status).toBe(200);
    expect((await fetch(`${base}/__mock/state`, { method: 'DELETE' })).status).toBe(405);
  });

  it('answers 404 outside both API areas', async () => {
    const r = await fetch(`${base}/favicon.ico`);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ message: 'Not Found' });
  });

  it('refuses a body over 1 MiB with the documented 413', async () => {
    const r = await fetch(`${base}/v3/projection`, {
      method: 'POST',
      headers: { 'x-api-key': 'test-api-key' },
      body: new Uint8Array(2 * 1024 * 1024),
    });
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({ message: 'Request Entity Too Large' });
  });

  it('logs one line per request with method, path, status and ms; never keys, tokens or queries', async () => {
    lines.length = 0;
    await fetch(`${base}/v3/submission?email=secret%40example.com`, { headers: { 'x-api-key': 'test-api-key' } });
    await fetch(`${base}/v2.3.0/account/demo-account/author/learner-1`, {
      method: 'DELETE',
      headers: { authorization: 'Token token=demo-token' },
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^GET \/v3\/submission 200 \d+\.\dms$/);
    expect(lines[1]).toMatch(/^DELETE \/v2\.3\.0\/account\/demo-account\/author\/learner-1 200 \d+\.\dms$/);
    expect(lines.join('\n')).not.toMatch(/test-api-key|demo-token|secret/);
  });
});
