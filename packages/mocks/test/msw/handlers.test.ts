// The MSW handlers: one per documented operation, one for routing errors, one for the admin routes;
// the router runs once per request; `baseUrl` limits what is intercepted.
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, createMockState } from '../../src/index.js';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});
function start(...args: Parameters<typeof createHandlers>) {
  const server = setupServer(...createHandlers(...args));
  server.listen({ onUnhandledRequest: 'error' });
  servers.push(server);
  return server;
}

describe('MSW handlers', () => {
  it('are one per operation of both specs, then routing errors, then the admin routes', () => {
    expect(createHandlers(createMockState())).toHaveLength(9 + 1 + 1);
    expect(createHandlers(createMockState(), { admin: false })).toHaveLength(9 + 1);
  });

  it('route each request once, whichever handler answers it', async () => {
    const state = createMockState();
    const match = vi.spyOn(state.router, 'match');
    start(state);
    // the last operation handler is the one that answers: every earlier predicate reuses the first match
    await fetch('http://api.test/v2.3.0/account/demo-account/text/t1/results', {
      headers: { authorization: 'Token token=demo-token' },
    });
    await fetch('http://api.test/v3/nothing');
    expect(match).toHaveBeenCalledTimes(2);
  });

  it('serve the admin routes, so tests in a browser can reset and read the state too', async () => {
    const state = createMockState();
    start(state, { baseUrl: 'http://api.test' });
    await fetch('http://api.test/v3/submission/partial?submission_id=s1&fields=email', {
      method: 'DELETE',
      headers: { 'x-api-key': 'test-api-key' },
    });
    const dumped = await (await fetch('http://api.test/__mock/state')).json();
    expect(dumped.idcheck.projects[0].submissions[0].email).toBeUndefined();
    const reset = await fetch('http://api.test/__mock/reset', { method: 'POST' });
    expect([reset.status, await reset.json()]).toEqual([200, { message: 'state reset to the fixture' }]);
    expect(state.toFixture().idcheck.projects[0]!.submissions[0]!.email).toBe('jisung.park@example.com');
  });

  it('with `baseUrl`, leave other origins alone', async () => {
    start(createMockState(), { baseUrl: 'http://api.test' });
    await expect(
      fetch('http://elsewhere.test/v3/projection', { headers: { 'x-api-key': 'test-api-key' } }),
    ).rejects.toThrow();
    const ours = await fetch('http://api.test/v3/projection', { headers: { 'x-api-key': 'test-api-key' } });
    expect(ours.status).toBe(200);
  });
});

describe('handler names', () => {
  it('say which operation a handler answers, not "[custom predicate]"', () => {
    const headers = createHandlers(createMockState(), { baseUrl: 'https://api.test' }).map((h) => h.info.header);
    expect(headers[0]).toBe('DELETE https://api.test/v3/submission/partial (Scrub: partialDeleteSubmission)');
    expect(headers).toContain(
      'GET https://api.test/{version}/account/{account_id}/text/{id}/results (Scrub: getTextResults)',
    );
    expect(headers.at(-1)).toBe('ALL /__mock/* (Scrub: admin routes)');
    expect(headers.join('\n')).not.toContain('[custom predicate]');
  });
});
