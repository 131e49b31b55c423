// The retry policy: which answers and failures are retried, when, and after how long. (The main
// cases run through a client in pipeline.test.ts; these pin the rest.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdCheckClient, InternalServerError } from '../../src/index.js';
import { retryAfterMs } from '../../src/internal/retry.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const listBody = { items: [], message: 'Get projection list success' };
const created = { projection_id: 'abcdefghijklm', message: 'Create projection success' };
const client = (fetch: typeof globalThis.fetch, extra: object = {}) =>
  createIdCheckClient({ apiKey: 'sk-secret-key', baseUrl: 'http://api.test', fetch, ...extra });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('retryAfterMs', () => {
  it('reads seconds, an HTTP date, or a time in epoch seconds; caps at 60 s', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs('120')).toBe(60_000);
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 12, 0, 0) });
    expect(retryAfterMs('Thu, 01 Jan 2026 12:00:05 GMT')).toBe(5000);
    expect(retryAfterMs(String(Date.UTC(2026, 0, 1, 12, 0, 3) / 1000))).toBe(3000);
  });

  it('an unreadable value waits the cap (as ky does), not a NaN', () => {
    expect(retryAfterMs('soon')).toBe(60_000);
  });
});

describe('which answers are retried', () => {
  it('x-should-retry: true does not make a POST retried without retryPost', async () => {
    const f = fakeFetch(
      json(500, { message: 'Internal server error' }, { 'x-should-retry': 'true' }),
      json(200, created),
    );
    await expect(client(f.fetch).projections.create({ name: 'a', fields: ['gender'] })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(f.calls).toHaveLength(1);
  });

  it('per-call maxRetries: 0 on a client that retries makes one attempt', async () => {
    const f = fakeFetch(json(503, { message: 'Service Unavailable' }), json(200, listBody));
    await expect(client(f.fetch, { maxRetries: 2 }).projections.list({ maxRetries: 0 })).rejects.toMatchObject({
      status: 503,
    });
    expect(f.calls).toHaveLength(1);
  });

  it('a success or a 4xx is never retried; a 3xx without Location is an answer, not retried', async () => {
    const f = fakeFetch(json(400, { errorCode: 'not Exist Submission Data' }), json(200, listBody));
    await expect(client(f.fetch).submissions.get('s1')).rejects.toMatchObject({ status: 400 });
    expect(f.calls).toHaveLength(1);
    const moved = fakeFetch(new Response(null, { status: 304 }), json(200, listBody));
    await expect(client(moved.fetch).projections.list()).rejects.toMatchObject({ status: 304 });
    expect(moved.calls).toHaveLength(1);
  });
});

describe('how long a retry waits', () => {
  it('Retry-After is honoured on 503, not on 500 (which backs off from 0.5 s)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.01);
    const f = fakeFetch(json(500, { message: 'Internal server error' }, { 'retry-after': '2' }), json(200, listBody));
    await client(f.fetch).projections.list();
    expect(f.calls[1]!.at - f.calls[0]!.at).toBeLessThan(500);
    const g = fakeFetch(json(503, { message: 'Service Unavailable' }, { 'retry-after': '1' }), json(200, listBody));
    await client(g.fetch).projections.list();
    expect(g.calls[1]!.at - g.calls[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('x-should-retry: true waits the backoff, even with a Retry-After', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.01);
    const f = fakeFetch(
      json(409, { message: 'Projection name already exists' }, { 'x-should-retry': 'true', 'retry-after': '5' }),
      json(200, listBody),
    );
    await client(f.fetch).projections.list();
    expect(f.calls[1]!.at - f.calls[0]!.at).toBeLessThan(500);
  });
});

describe('what the policy costs a call', () => {
  it('a call that may be retried copies no answer (an `afterResponse` hook would tee every body)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.01);
    // answers made per call: the fake's own copies of a scripted Response would count
    const f = fakeFetch(
      () => json(503, { message: 'Service Unavailable' }),
      () => json(200, listBody),
    );
    const refused = fakeFetch(() => json(400, { errorCode: 'not Exist Submission Data' }));
    const clone = vi.spyOn(Response.prototype, 'clone');
    await expect(client(f.fetch).projections.list()).resolves.toEqual([]);
    await expect(client(refused.fetch).submissions.get('s1')).rejects.toMatchObject({ status: 400 });
    expect(f.calls).toHaveLength(2);
    expect(clone).not.toHaveBeenCalled();
  });
});
