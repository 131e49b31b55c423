// `client.raw`: openapi-fetch loaded on first use only, through the same exchange as the methods
// (body under the time limit, failures mapped), and a failed load tried again.
import { describe, expect, it, vi } from 'vitest';
import { APIConnectionError, APITimeoutError, createIdCheckClient } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const created = vi.hoisted(() => ({ count: 0, failNext: false }));
vi.mock('openapi-fetch', async (importOriginal) => {
  const actual = await importOriginal<typeof import('openapi-fetch')>();
  return {
    ...actual,
    default: (...args: Parameters<typeof actual.default>) => {
      if (created.failNext) {
        created.failNext = false;
        throw new Error('chunk did not arrive');
      }
      created.count++;
      return actual.default(...args);
    },
  };
});

const client = (fetch: typeof globalThis.fetch, extra: object = {}) =>
  createIdCheckClient({ apiKey: 'sk-secret-key', baseUrl: 'http://api.test', fetch, ...extra });

describe('client.raw', () => {
  it('creates no openapi-fetch client until it is used', async () => {
    const before = created.count;
    const c = client(fakeFetch(json(200, { items: [], message: 'Get projection list success' })).fetch);
    await c.projections.list();
    expect(created.count).toBe(before);
    await c.raw.GET('/v3/projection');
    expect(created.count).toBe(before + 1);
  });

  it('reads the body under the time limit and maps failures like the methods do', async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"items":'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    await expect(
      client(fakeFetch(stalled).fetch, { timeout: 100, maxRetries: 0 }).raw.GET('/v3/projection'),
    ).rejects.toBeInstanceOf(APITimeoutError);
    const broken = () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.error(new TypeError('terminated'));
          },
        }),
        { status: 200 },
      );
    await expect(client(fakeFetch(broken).fetch, { maxRetries: 0 }).raw.GET('/v3/projection')).rejects.toBeInstanceOf(
      APIConnectionError,
    );
  });

  it('tries a failed load again on the next call', async () => {
    const c = client(fakeFetch(json(200, { items: [], message: 'Get projection list success' })).fetch);
    created.failNext = true;
    await expect(c.raw.GET('/v3/projection')).rejects.toThrow('chunk did not arrive');
    await expect(c.raw.GET('/v3/projection')).resolves.toMatchObject({ data: { items: [] } });
  });
});
