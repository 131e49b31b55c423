// One exchange: the log lines it writes (one per call and one per retry, never a query string or a
// credential) and the time limit on the body.
import { describe, expect, it, vi } from 'vitest';
import { createIdCheckClient } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const listBody = { items: [], message: 'Get projection list success' };

function logged(fetch: typeof globalThis.fetch, extra: object = {}) {
  const lines: string[] = [];
  const client = createIdCheckClient({
    apiKey: 'sk-secret-key',
    baseUrl: 'http://api.test',
    fetch,
    log: (line) => lines.push(line),
    ...extra,
  });
  return { client, lines };
}

describe('log lines', () => {
  it('one per call: method, path without the query, status, milliseconds', async () => {
    const { client, lines } = logged(fakeFetch(json(400, { errorCode: 'not Exist Submission Data' })).fetch);
    await client.submissions.get('personal-id').catch(() => undefined);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^GET \/v3\/submission 400 \d+ms$/);
  });

  it('one per retry, naming the status or the failure that caused it', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.01);
    try {
      const f = fakeFetch(
        json(503, { message: 'Service Unavailable' }),
        new TypeError('fetch failed'),
        json(200, listBody),
      );
      const { client, lines } = logged(f.fetch);
      await client.projections.list();
      expect(lines.map((line) => line.replace(/ \d+ms$/, ''))).toEqual([
        'GET /v3/projection retry 1 after 503',
        'GET /v3/projection retry 2 after TypeError',
        'GET /v3/projection 200',
      ]);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a call that gets no answer logs `timeout` or `failed`', async () => {
    const hung = logged(fakeFetch('hang').fetch, { timeout: 20, maxRetries: 0 });
    await hung.client.projections.list().catch(() => undefined);
    expect(hung.lines).toEqual([expect.stringMatching(/^GET \/v3\/projection timeout \d+ms$/)]);
    const refused = logged(fakeFetch(new TypeError('connect ECONNREFUSED')).fetch, { maxRetries: 0 });
    await refused.client.projections.list().catch(() => undefined);
    expect(refused.lines).toEqual([expect.stringMatching(/^GET \/v3\/projection failed \d+ms$/)]);
  });
});

describe('the body time limit', () => {
  it('is the call’s timeout again, counted from the headers: a body slower than that times out', async () => {
    const slow = () =>
      new Response(
        new ReadableStream({
          start(c) {
            setTimeout(() => {
              c.enqueue(new TextEncoder().encode(JSON.stringify(listBody)));
              c.close();
            }, 60);
          },
        }),
        { status: 200 },
      );
    const { client } = logged(fakeFetch(slow).fetch, { maxRetries: 0 });
    await expect(client.projections.list({ timeout: 200 })).resolves.toEqual([]);
    await expect(client.projections.list({ timeout: 30 })).rejects.toMatchObject({
      name: 'APITimeoutError',
      message: 'Response body not received within 30 ms.',
    });
  });
});
