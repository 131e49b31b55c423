// The request pipeline with an injected fetch: what is retried, how often, how long it waits, what goes
// on the wire, and how failures surface as typed errors.
import { describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  ConflictError,
  createIdCheckClient,
  createTextAssessmentClient,
  InternalServerError,
  ScrubError,
} from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const listBody = { items: [], message: 'Get projection list success' };
const client = (fetch: typeof globalThis.fetch, extra: object = {}) =>
  createIdCheckClient({ apiKey: 'sk-secret-key', baseUrl: 'http://api.test', fetch, ...extra });

describe('retries', () => {
  it('retries a GET on 503 and resolves with the later success', async () => {
    const f = fakeFetch(json(503, { message: 'Service Unavailable' }), json(200, listBody));
    await expect(client(f.fetch).projections.list()).resolves.toEqual([]);
    expect(f.calls).toHaveLength(2);
  });

  it('gives up after maxRetries and rejects with the last error', async () => {
    const f = fakeFetch(json(500, { message: 'Internal server error' }));
    const error = await client(f.fetch, { maxRetries: 2 })
      .projections.list()
      .catch((e) => e);
    expect(f.calls).toHaveLength(3);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: 'Internal server error', operation: 'listProjections' });
  });

  it('backs off exponentially (0.5 s, 1 s, ...) with full jitter', async () => {
    // jitter draws from Math.random: pin it near its top so the delays are the full backoff
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.99);
    try {
      const f = fakeFetch(
        json(502, { message: 'Bad Gateway' }),
        json(502, { message: 'Bad Gateway' }),
        json(200, listBody),
      );
      await client(f.fetch).projections.list();
      const gaps = f.calls.slice(1).map((c, i) => c.at - f.calls[i]!.at);
      expect(gaps[0]).toBeGreaterThanOrEqual(0.99 * 500 - 5);
      expect(gaps[1]).toBeGreaterThanOrEqual(0.99 * 1000 - 5);
      // and near its bottom: the delays shrink with it (no jitter would wait the full 0.5 s and 1 s)
      random.mockReturnValue(0.1);
      const g = fakeFetch(
        json(502, { message: 'Bad Gateway' }),
        json(502, { message: 'Bad Gateway' }),
        json(200, listBody),
      );
      await client(g.fetch).projections.list();
      const short = g.calls.slice(1).map((c, i) => c.at - g.calls[i]!.at);
      expect(short[0]).toBeLessThan(0.1 * 500 + 100);
      expect(short[1]).toBeLessThan(0.1 * 1000 + 100);
    } finally {
      random.mockRestore();
    }
  });

  it('retries DELETE and PUT (idempotent here) but never POST unless asked', async () => {
    const fail = json(500, { message: 'Internal server error' });
    const del = fakeFetch(fail, json(200, { message: 'Delete projection success' }));
    await client(del.fetch).projections.delete('abc');
    expect(del.calls).toHaveLength(2);

    const text = fakeFetch(
      json(500, { type: 'error', code: 500, message: 'internal server error' }),
      json(200, { type: 'success', code: 200 }),
    );
    await createTextAssessmentClient({
      accountId: 'acc',
      token: 'tok',
      baseUrl: 'http://api.test',
      fetch: text.fetch,
    }).texts.submit('t1', { text: 'x', author_id: 'a', task_id: 't' });
    expect(text.calls).toHaveLength(2);

    const post = fakeFetch(fail);
    await expect(client(post.fetch).projections.create({ name: 'a', fields: ['gender'] })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(post.calls).toHaveLength(1);

    const optIn = fakeFetch(fail, json(200, { projection_id: 'abcdefghijklm', message: 'Create projection success' }));
    await client(optIn.fetch, { retryPost: true }).projections.create({ name: 'a', fields: ['gender'] });
    expect(optIn.calls).toHaveLength(2);
  });

  it('does not retry documented 4xx errors', async () => {
    const f = fakeFetch(json(409, { message: 'Projection name already exists' }));
    const error = await client(f.fetch)
      .projections.create({ name: 'a', fields: ['gender'] })
      .catch((e) => e);
    expect(f.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('Projection name already exists');
  });

  it('honours Retry-After on 429', async () => {
    const f = fakeFetch(json(429, { message: 'Too Many Requests' }, { 'retry-after': '1' }), json(200, listBody));
    await client(f.fetch).projections.list();
    expect(f.calls[1]!.at - f.calls[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('surfaces a 429 as APIError with its status once retries are used up', async () => {
    const f = fakeFetch(json(429, { message: 'Too Many Requests' }, { 'retry-after': '0' }));
    await expect(client(f.fetch, { maxRetries: 1 }).projections.list()).rejects.toMatchObject({
      name: 'APIError',
      status: 429,
    });
    expect(f.calls).toHaveLength(2);
  });

  it('retries network errors, then rejects with APIConnectionError', async () => {
    const f = fakeFetch(new TypeError('fetch failed'));
    const error = await client(f.fetch, { maxRetries: 1 })
      .projections.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('fetch failed');
    expect(f.calls).toHaveLength(2);
  });

  it('per-call maxRetries overrides the client', async () => {
    const f = fakeFetch(json(500, { message: 'Internal server error' }));
    await expect(client(f.fetch, { maxRetries: 0 }).projections.list({ maxRetries: 2 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(f.calls).toHaveLength(3);
  });
});

describe('timeouts and aborts', () => {
  it('rejects with APITimeoutError after `timeout` ms per attempt', async () => {
    const f = fakeFetch('hang');
    const started = performance.now();
    const error = await client(f.fetch, { timeout: 100, maxRetries: 0 })
      .projections.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(f.calls).toHaveLength(1);
  });

  it('per-call timeout overrides the client', async () => {
    const f = fakeFetch('hang');
    await expect(
      client(f.fetch, { timeout: 60_000 }).projections.list({ timeout: 50, maxRetries: 0 }),
    ).rejects.toBeInstanceOf(APITimeoutError);
  });

  it('the caller signal aborts with APIUserAbortError', async () => {
    const f = fakeFetch('hang');
    const controller = new AbortController();
    const pending = client(f.fetch).projections.list({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe('requests on the wire', () => {
  it('serialises fields and data_fields as comma-separated strings, with the key header', async () => {
    const f = fakeFetch(
      json(200, {
        message: 'success',
        submission_id: 's1',
        deleted: { fields: ['data', 'id_image'], data_fields: ['first_name'] },
      }),
    );
    await client(f.fetch).submissions.partialDelete({
      submissionId: 's1',
      fields: ['data', 'id_image'],
      dataFields: ['first_name'],
      adminName: 'Alice',
    });
    const url = new URL(f.calls[0]!.url);
    expect(f.calls[0]!.method).toBe('DELETE');
    expect(url.pathname).toBe('/v3/submission/partial');
    expect(url.searchParams.get('fields')).toBe('data,id_image');
    expect(url.searchParams.getAll('fields')).toHaveLength(1);
    expect(url.searchParams.get('data_fields')).toBe('first_name');
    expect(url.searchParams.get('admin_name')).toBe('Alice');
    expect(f.calls[0]!.headers.get('x-api-key')).toBe('sk-secret-key');
  });

  it('sends client and per-call headers, and the text-assessment token header', async () => {
    const f = fakeFetch(
      json(200, { type: 'success', code: 200, submissions_deleted: 0, timestamp: '2026-01-01T00:00:00Z' }),
    );
    const ta = createTextAssessmentClient({
      accountId: 'acc-1',
      token: 'tok-1',
      baseUrl: 'http://api.test',
      fetch: f.fetch,
      headers: { 'x-client': 'a' },
    });
    await ta.authors.delete('learner-1', { headers: { prefer: 'delay=1' } });
    expect(f.calls[0]!.url).toBe('http://api.test/v2.3.0/account/acc-1/author/learner-1');
    expect(f.calls[0]!.headers.get('authorization')).toBe('Token token=tok-1');
    expect(f.calls[0]!.headers.get('x-client')).toBe('a');
    expect(f.calls[0]!.headers.get('prefer')).toBe('delay=1');
  });

  it('keeps the typed openapi-fetch client reachable', async () => {
    const f = fakeFetch(json(404, { message: 'Projection not found' }));
    const { data, error, response } = await client(f.fetch).raw.GET('/v3/projection/{projectionId}', {
      params: { path: { projectionId: 'x' } },
    });
    expect(data).toBeUndefined();
    expect(error).toEqual({ message: 'Projection not found' });
    expect(response.status).toBe(404);
  });

  it('an encrypted response without the encryption option is a clear error', async () => {
    const f = fakeFetch(json(200, { data: 'AAAA' }));
    await expect(client(f.fetch).projections.list()).rejects.toThrow(
      'The response is encrypted: create the client with `encryption: true`.',
    );
  });
});

describe('bodies, retries after lost answers, and credentials', () => {
  it('a body that stalls after the headers times out as APITimeoutError', async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"items":'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const f = fakeFetch(stalled);
    await expect(client(f.fetch, { timeout: 100, maxRetries: 0 }).projections.list()).rejects.toBeInstanceOf(
      APITimeoutError,
    );
  });

  it('a connection lost mid-body is an APIConnectionError', async () => {
    const broken = () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"items":'));
            c.error(new TypeError('terminated'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    await expect(client(fakeFetch(broken).fetch, { maxRetries: 0 }).projections.list()).rejects.toBeInstanceOf(
      APIConnectionError,
    );
  });

  it('a success that is not JSON, or empty, is a clear ScrubError', async () => {
    const html = fakeFetch(
      new Response('<html>proxy error</html>', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    await expect(client(html.fetch).projections.list()).rejects.toThrow(
      'The server answered with a body that is not valid JSON.',
    );
    const empty = fakeFetch(new Response(null, { status: 200, headers: { 'content-length': '0' } }));
    await expect(client(empty.fetch).submissions.get('s1')).rejects.toThrow(
      'getSubmission: the 200 response has no body.',
    );
  });

  it('a retried submit that finds its id taken by the lost first attempt resolves as success', async () => {
    const f = fakeFetch(
      new TypeError('socket hang up'),
      json(400, { type: 'error', code: 400, message: 'id already used' }),
    );
    const ta = createTextAssessmentClient({
      accountId: 'acc',
      token: 'tok',
      baseUrl: 'http://api.test',
      fetch: f.fetch,
    });
    await expect(ta.texts.submit('t1', { text: 'x', author_id: 'a', task_id: 't' })).resolves.toEqual({
      type: 'success',
      code: 200,
    });
    expect(f.calls).toHaveLength(2);
    // without a retry, the same answer is the documented error
    const once = fakeFetch(json(400, { type: 'error', code: 400, message: 'id already used' }));
    const error = await createTextAssessmentClient({
      accountId: 'acc',
      token: 'tok',
      baseUrl: 'http://api.test',
      fetch: once.fetch,
    })
      .texts.submit('t1', { text: 'x', author_id: 'a', task_id: 't' })
      .catch((e) => e);
    expect(error).toMatchObject({ status: 400, code: 'id already used' });
  });

  it('a retried projection delete that finds it gone resolves as success', async () => {
    const f = fakeFetch(json(502, { message: 'Bad Gateway' }), json(404, { message: 'Projection not found' }));
    await expect(client(f.fetch).projections.delete('abc')).resolves.toEqual({ message: 'Delete projection success' });
    await expect(
      client(fakeFetch(json(404, { message: 'Projection not found' })).fetch).projections.delete('abc'),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('a credential no header can carry is refused at creation, without quoting it', () => {
    expect(() => createIdCheckClient({ apiKey: 'sk-line\nbreak' })).toThrow(
      'The x-api-key credential has characters an HTTP header cannot carry.',
    );
    expect(() => createTextAssessmentClient({ accountId: 'a', token: 'tok\r\nx' })).toThrow(/authorization credential/);
  });
});

describe('options checked before anything is sent', () => {
  const perCallHeader = 'a per-call header fetch would reject is a ScrubError naming it (never its value)';
  it(`${perCallHeader}, sent never, retried never`, async () => {
    const f = fakeFetch(json(200, listBody));
    const error = await client(f.fetch)
      .projections.list({ headers: { 'x-trace': 'a\nsecret-value' } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ScrubError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe(
      'The per-call header "x-trace" is not a valid HTTP header ' +
        '(name must be a token, value a string without line breaks or NUL).',
    );
    expect(f.calls).toHaveLength(0);
  });

  it('a client header fetch would reject is refused at creation', () => {
    expect(() => client(fakeFetch().fetch, { headers: { 'bad header': 'x' } })).toThrow(
      'The client header "bad header" is not a valid HTTP header',
    );
    expect(() => client(fakeFetch().fetch, { headers: { 'x-ok': 42 } })).toThrow(ScrubError);
  });

  it('timeout and maxRetries out of range are refused, per client and per call', async () => {
    expect(() => client(fakeFetch().fetch, { maxRetries: -1 })).toThrow('`maxRetries` must be an integer >= 0.');
    expect(() => client(fakeFetch().fetch, { timeout: 0 })).toThrow(
      '`timeout` must be a number of milliseconds from 1 to 2147483647.',
    );
    const f = fakeFetch(json(200, listBody));
    await expect(client(f.fetch).projections.list({ maxRetries: 1.5 })).rejects.toThrow(
      '`maxRetries` must be an integer >= 0.',
    );
    expect(f.calls).toHaveLength(0);
  });

  it('an id that is not well-formed UTF-16 is a ScrubError, not a URIError', async () => {
    const f = fakeFetch(json(200, { item: {}, message: 'Get projection success' }));
    await expect(client(f.fetch).projections.get('a\uD800')).rejects.toThrow(
      '`projectionId` is not a well-formed string (it holds a lone surrogate).',
    );
    expect(f.calls).toHaveLength(0);
  });

  it('an empty author id is a ScrubError: it would address no author', async () => {
    const f = fakeFetch(json(200, {}));
    const ta = createTextAssessmentClient({
      accountId: 'acc',
      token: 'tok',
      baseUrl: 'http://api.test',
      fetch: f.fetch,
    });
    await expect(ta.authors.delete('')).rejects.toThrow('authors.delete: `authorId` must be a non-empty string.');
    expect(f.calls).toHaveLength(0);
  });
});

describe('the raw openapi-fetch client', () => {
  it('loads on first use, applies middleware added before, and shares the transport (retries included)', async () => {
    const f = fakeFetch(json(503, { message: 'Service Unavailable' }), json(200, listBody));
    const raw = client(f.fetch).raw;
    const seen: string[] = [];
    raw.use({ onRequest: ({ request }) => void seen.push(`${request.method} ${new URL(request.url).pathname}`) });
    const { data, response } = await raw.GET('/v3/projection');
    expect(response.status).toBe(200);
    expect(data).toEqual(listBody);
    expect(seen).toEqual(['GET /v3/projection']);
    expect(f.calls).toHaveLength(2);
    expect(f.calls[1]!.headers.get('x-api-key')).toBe('sk-secret-key');
  });
});

describe('redirects: credentials never leave their origin', () => {
  const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });

  it('a redirect to another origin is a ScrubError naming the origins; nothing reaches the other origin', async () => {
    const f = fakeFetch(redirect(307, 'http://evil.test/v3/projection'), json(200, listBody));
    const error = await client(f.fetch)
      .projections.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(ScrubError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe(
      'The server redirected to another origin (http://evil.test); the SDK does not follow it, ' +
        'so the credentials stay with http://api.test.',
    );
    expect(JSON.stringify(error) + String(error.stack)).not.toContain('sk-secret-key');
    expect(f.calls.map((c) => new URL(c.url).origin)).toEqual(['http://api.test']); // not retried, never sent on
  });

  it('follows a redirect within the origin (GET), with the credentials', async () => {
    const f = fakeFetch(redirect(302, '/v3/projection?moved=1'), json(200, listBody));
    await expect(client(f.fetch).projections.list()).resolves.toEqual([]);
    expect(f.calls.map((c) => c.url)).toEqual([
      'http://api.test/v3/projection',
      'http://api.test/v3/projection?moved=1',
    ]);
    expect(f.calls[1]!.headers.get('x-api-key')).toBe('sk-secret-key');
  });

  it('repeats a POST with its body on a same-origin 307', async () => {
    const created = { projection_id: 'abcdefghijklm', message: 'Create projection success' };
    const f = fakeFetch(redirect(307, 'http://api.test/v3/projection/'), json(200, created));
    await expect(client(f.fetch).projections.create({ name: 'a', fields: ['gender'] })).resolves.toEqual(created);
    expect(f.calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', 'http://api.test/v3/projection', '{"name":"a","mode":"exclude","fields":["gender"]}'],
      ['POST', 'http://api.test/v3/projection/', '{"name":"a","mode":"exclude","fields":["gender"]}'],
    ]);
  });

  it('gives up after 5 redirects', async () => {
    const f = fakeFetch(redirect(302, '/v3/projection'));
    await expect(client(f.fetch).projections.list()).rejects.toThrow('More than 5 redirects.');
    expect(f.calls).toHaveLength(6);
  });
});

describe('x-should-retry', () => {
  it('"false" on a retryable status stops the retries; "true" retries a status that is not', async () => {
    const no = fakeFetch(
      json(500, { message: 'Internal server error' }, { 'x-should-retry': 'false' }),
      json(200, listBody),
    );
    await expect(client(no.fetch).projections.list()).rejects.toBeInstanceOf(InternalServerError);
    expect(no.calls).toHaveLength(1);
    const yes = fakeFetch(
      json(409, { message: 'Projection name already exists' }, { 'x-should-retry': 'true' }),
      json(200, listBody),
    );
    await expect(client(yes.fetch).projections.list()).resolves.toEqual([]);
    expect(yes.calls).toHaveLength(2);
  });
});
