// The recording proxy as a client meets it: the upstream's answer as it came (status, headers, body
// bytes) through the proxy, against the mock server and a small node:http upstream for the edge cases;
// what the upstream receives; and the exchanges it keeps.
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedPath } from '../../src/record/log.js';
import { createRecordingProxy, type RecordingProxy, upstreamUrl } from '../../src/record/proxy.js';
import { type RunningMockServer, startMockServer } from '../../src/start.js';

const KEY = { 'x-api-key': 'test-api-key' };
const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

/** What a client relies on in an answer: status, status text, headers (but the connection's and the date), bytes. */
async function seen(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const headers = [...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name));
  return {
    status: response.status,
    statusText: response.statusText,
    headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The edge-case upstream: each path answers one way; `received` keeps what it was sent. */
const received: { method: string; url: string; rawHeaders: string[]; body: string }[] = [];
const LARGE = Buffer.alloc(3 * 1024 * 1024 + 17, 'abcdefghij');
function edge(req: IncomingMessage, body: Buffer, res: import('node:http').ServerResponse) {
  received.push({ method: req.method!, url: req.url!, rawHeaders: req.rawHeaders, body: body.toString() });
  const path = req.url!.split('?')[0]!.replace(/^\/base/, '');
  if (path === '/gzip') {
    const zipped = gzipSync(JSON.stringify({ message: 'zipped', n: 1 }));
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': zipped.length,
    });
    return res.end(zipped);
  }
  if (path === '/large') {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': LARGE.length });
    return res.end(LARGE);
  }
  if (path === '/empty') return res.writeHead(204, { 'x-empty': 'yes' }).end();
  if (path === '/hop')
    return res
      .writeHead(200, 'Fine Thanks', [
        ['content-type', 'text/plain'],
        ['content-length', '3'],
        ['set-cookie', 'a=1; Path=/'],
        ['set-cookie', 'b=2; Path=/'],
        ['x-custom', 'kept'],
        ['connection', 'x-private'],
        ['x-private', 'hop-only'],
        ['keep-alive', 'timeout=5'],
        ['proxy-authenticate', 'Basic'],
      ])
      .end('hop');
  if (path === '/teapot') return res.writeHead(418, { 'content-type': 'application/json' }).end('{"message":"tea"}');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: true }));
}

let mock: RunningMockServer;
let upstream: Server;
let upstreamUrlText: string;
let viaMock: RecordingProxy;
let viaMockUrl: string;
let viaEdge: RecordingProxy;
let viaEdgeUrl: string;
let logged: string[];

beforeAll(async () => {
  mock = await startMockServer();
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => edge(req, Buffer.concat(chunks), res));
  });
  upstreamUrlText = await listen(upstream);
  logged = [];
  viaMock = createRecordingProxy({ upstream: new URL(mock.url), log: (line) => logged.push(line) });
  viaMockUrl = await listen(viaMock.server);
  viaEdge = createRecordingProxy({ upstream: new URL(`${upstreamUrlText}/base/`) });
  viaEdgeUrl = await listen(viaEdge.server);
});
afterAll(async () => {
  await Promise.all([viaMock.stop(100), viaEdge.stop(100), mock.close()]);
  await new Promise((resolve) => upstream.close(resolve));
});

describe('the recording proxy in front of the mock server', () => {
  it.each([
    ['a JSON answer', '/v3/submission?submission_id=s1', { headers: KEY }],
    ['a list', '/v3/projection', { headers: KEY }],
    ['a 401 (no key)', '/v3/submission?submission_id=s1', {}],
    ['a 404', '/v3/submission?submission_id=nobody', { headers: KEY }],
    ['a forced 500', '/v3/projection', { headers: { ...KEY, prefer: 'code=500' } }],
    ['a 405', '/v3/projection', { method: 'PATCH', headers: KEY }],
    ['a HEAD', '/v3/projection', { method: 'HEAD', headers: KEY }],
    [
      'a text-assessment 404',
      '/v2.3.0/account/demo-account/text/nope/results',
      {
        headers: { authorization: 'Token token=demo-token' },
      },
    ],
    [
      'a CORS preflight',
      '/v3/projection',
      {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
      },
    ],
  ] as const)('returns %s unchanged: status, headers, body bytes', async (_name, path, init) => {
    const direct = await seen(mock.url + path, init as RequestInit);
    const proxied = await seen(viaMockUrl + path, init as RequestInit);
    expect(proxied).toEqual(direct);
  });

  it('forwards a body: a projection created through the proxy is in the upstream', async () => {
    const body = JSON.stringify({ name: 'via_proxy', mode: 'exclude', fields: ['first_name'] });
    const created = await fetch(`${viaMockUrl}/v3/projection`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body,
    });
    expect(created.status).toBe(200);
    const listed = (await (await fetch(`${mock.url}/v3/projection`, { headers: KEY })).json()) as {
      items: { name: string }[];
    };
    expect(listed.items.map((p) => p.name)).toContain('via_proxy');
    const kept = viaMock.exchanges().at(-1)!;
    expect(kept.request).toMatchObject({ method: 'POST', url: `${mock.url}/v3/projection`, body });
    expect(kept.response).toMatchObject({ status: 200, body: await created.text() });
  });

  it('keeps each exchange in order, with its URL (query kept), headers and bodies as text', async () => {
    const before = viaMock.exchanges().length;
    const first = await fetch(`${viaMockUrl}/v3/submission?submission_id=s2`, { headers: KEY });
    const firstBody = await first.text();
    await fetch(`${viaMockUrl}/v2.3.0/account/demo-account/author/learner-2`, {
      method: 'DELETE',
      headers: { authorization: 'Token token=demo-token' },
    });
    const kept = viaMock.exchanges().slice(before);
    expect(kept.map((e) => [e.request.method, e.request.url, e.response.status])).toEqual([
      ['GET', `${mock.url}/v3/submission?submission_id=s2`, 200],
      ['DELETE', `${mock.url}/v2.3.0/account/demo-account/author/learner-2`, 200],
    ]);
    expect(kept[0]!.response.body).toBe(firstBody);
    expect(kept[0]!.request.body).toBeUndefined();
    expect(kept[0]!.request.headers).toContainEqual({ name: 'x-api-key', value: 'test-api-key' });
    expect(kept[0]!.response.headers).toContainEqual({ name: 'content-type', value: 'application/json' });
    expect(kept[0]!.response.statusText).toBe('OK');
    expect(Date.parse(kept[0]!.startedDateTime)).toBeLessThanOrEqual(Date.parse(kept[1]!.startedDateTime));
    expect(kept[0]!.time).toBeGreaterThanOrEqual(0);
  });

  it('logs METHOD /path STATUS ms: no query, no author or account id, no key', async () => {
    await fetch(`${viaMockUrl}/v3/submission?submission_id=s3`, { headers: KEY });
    await fetch(`${viaMockUrl}/v2.3.0/account/demo-account/author/learner-1`, {
      method: 'DELETE',
      headers: { authorization: 'Token token=demo-token' },
    });
    expect(logged.at(-2)).toMatch(/^GET \/v3\/submission 200 [\d.]+ms$/);
    expect(logged.at(-1)).toMatch(/^DELETE \/v2\.3\.0\/account\/\{account_id\}\/author\/\{id\} 200 [\d.]+ms$/);
    const all = logged.join('\n');
    for (const secret of ['s3', 'learner-1', 'demo-account', 'test-api-key', 'demo-token'])
      expect(all).not.toContain(secret);
  });
});

describe('the recording proxy at the edges', () => {
  it('sends the upstream its Host, the path under its base path with the query, and no hop-by-hop header', async () => {
    const sent = await new Promise<number>((resolve, reject) => {
      const req = request(`${viaEdgeUrl}/echo?a=1&b=two%20words`, {
        method: 'PUT',
        headers: {
          'x-api-key': 'k-1',
          connection: 'keep-alive, x-conn-only',
          'x-conn-only': 'drop me',
          'keep-alive': 'timeout=5',
          te: 'trailers',
          'proxy-authorization': 'Basic cHJveHk=',
          upgrade: 'websocket',
          'x-forwarded-by-client': 'kept',
          'content-type': 'text/plain',
        },
      });
      req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode!)));
      req.on('error', reject);
      req.end('body text');
    });
    expect(sent).toBe(200);
    const got = received.at(-1)!;
    expect([got.method, got.url, got.body]).toEqual(['PUT', '/base/echo?a=1&b=two%20words', 'body text']);
    const names = got.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    const value = (name: string) => got.rawHeaders[got.rawHeaders.findIndex((n) => n.toLowerCase() === name) + 1];
    expect(value('host')).toBe(new URL(upstreamUrlText).host);
    expect(value('x-api-key')).toBe('k-1');
    expect(value('x-forwarded-by-client')).toBe('kept');
    expect(value('content-length')).toBe('9');
    for (const hop of ['x-conn-only', 'keep-alive', 'te', 'proxy-authorization', 'upgrade'])
      expect(names).not.toContain(hop);
    expect(value('connection') ?? 'keep-alive').toBe('keep-alive'); // fetch's own, not the client's list
  });

  it('returns the upstream status text, repeated headers and custom ones, without its hop-by-hop headers', async () => {
    const direct = await seen(`${upstreamUrlText}/hop`);
    const proxied = await seen(`${viaEdgeUrl}/hop`);
    expect([proxied.status, proxied.statusText, proxied.body.toString()]).toEqual([200, 'Fine Thanks', 'hop']);
    const drop = ['x-private', 'proxy-authenticate'];
    expect(direct.headers.map(([name]) => name)).toEqual(expect.arrayContaining(drop));
    expect(proxied.headers).toEqual(direct.headers.filter(([name]) => !drop.includes(name)));
    expect(proxied.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1; Path=/'],
      ['set-cookie', 'b=2; Path=/'],
    ]);
    expect(proxied.headers).toContainEqual(['x-custom', 'kept']);
  });

  it('hands back a gzip-encoded answer as bytes the client reads right (decoded, no stale coding)', async () => {
    const raw = await new Promise<{ headers: IncomingMessage['headers']; body: Buffer }>((resolve) =>
      request(`${viaEdgeUrl}/gzip`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res
          .on('data', (c: Buffer) => chunks.push(c))
          .on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).end(),
    );
    const expected = JSON.stringify({ message: 'zipped', n: 1 });
    expect(raw.body.toString()).toBe(expected);
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
    expect(received.at(-1)!.rawHeaders).toContain('gzip'); // the client's accept-encoding went on
    expect(viaEdge.exchanges().at(-1)!.response.body).toBe(expected);
    expect(await (await fetch(`${viaEdgeUrl}/gzip`)).json()).toEqual({ message: 'zipped', n: 1 });
  });

  it('returns a large body byte for byte', async () => {
    const proxied = await seen(`${viaEdgeUrl}/large`);
    expect(proxied.status).toBe(200);
    expect(proxied.body.equals(LARGE)).toBe(true);
    expect(proxied.headers).toContainEqual(['content-length', String(LARGE.length)]);
  });

  it('returns an empty answer (204) with no body, and a 4xx from the upstream as it came', async () => {
    const empty = await seen(`${viaEdgeUrl}/empty`);
    expect([empty.status, empty.body.length]).toEqual([204, 0]);
    expect(empty.headers).toEqual([['x-empty', 'yes']]);
    expect(viaEdge.exchanges().at(-1)!.response.status).toBe(204);
    expect(viaEdge.exchanges().at(-1)!.response.body).toBeUndefined();
    const teapot = await seen(`${viaEdgeUrl}/teapot`);
    expect([teapot.status, teapot.body.toString()]).toEqual([418, '{"message":"tea"}']);
  });

  it('answers 502 naming the upstream origin when it cannot be reached, and keeps no exchange', async () => {
    const gone = createServer();
    const goneUrl = await listen(gone);
    await new Promise((resolve) => gone.close(resolve));
    const proxy = createRecordingProxy({ upstream: new URL(`${goneUrl}/api`) });
    const url = await listen(proxy.server);
    try {
      const answer = await fetch(`${url}/v3/projection`, { headers: KEY });
      expect(answer.status).toBe(502);
      expect(answer.headers.get('content-type')).toBe('application/json');
      expect(await answer.json()).toEqual({
        message: `the recording proxy could not reach the upstream ${goneUrl} (ECONNREFUSED)`,
      });
      expect(proxy.exchanges()).toEqual([]);
    } finally {
      await proxy.stop(100);
    }
  });
});

describe('upstreamUrl', () => {
  it.each([
    ['https://staging.example.com', '/v3/projection?x=1', 'https://staging.example.com/v3/projection?x=1'],
    ['https://staging.example.com/api/', '/v3/projection', 'https://staging.example.com/api/v3/projection'],
    ['https://staging.example.com/api', '//evil.example/x', 'https://staging.example.com/api//evil.example/x'],
    ['http://127.0.0.1:9', 'http://elsewhere.example/v3/x?y=2', 'http://127.0.0.1:9/v3/x?y=2'],
    ['http://127.0.0.1:9', '*', 'http://127.0.0.1:9/'],
  ])('%s + %s -> %s (never another host)', (base, target, expected) => {
    expect(upstreamUrl(new URL(base), target).href).toBe(expected);
  });
});

/** An answer to a request sent with exactly these headers (`Host` included, which fetch cannot set). */
function raw(url: string, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An answer as a client relies on it: status, content type, CORS headers, body. */
const refusalSeen = (answer: Awaited<ReturnType<typeof raw>>) => ({
  status: answer.status,
  type: answer.headers['content-type'],
  cors: Object.keys(answer.headers).filter((name) => name.startsWith('access-control-')),
  body: answer.body,
});

const hostRefused = (host: string) =>
  JSON.stringify({
    message: `Host ${host} is not allowed: the mock answers loopback names only (allow a host with --allowed-host)`,
  });
const FOREIGN = 'http://evil.example';
const originRefused = JSON.stringify({
  message:
    `Origin ${FOREIGN} may not use /__mock routes (a web page cannot read or change the mock's state; ` +
    'allow an origin with --admin-origin)',
});

describe('the recording proxy and web pages (docs/decisions.md "Admin routes and the browser")', () => {
  const port = (url: string) => new URL(url).port;

  it.each([
    ['GET', '/__mock/state'],
    ['POST', '/__mock/reset'],
    ['GET', '/v3/projection'],
  ])(
    'refuses %s %s with a foreign Host (DNS rebinding) as the mock does: 403, never forwarded nor kept',
    async (method, path) => {
      const host = `evil.example:${port(viaMockUrl)}`;
      const headers = { host, ...KEY };
      const kept = viaMock.exchanges().length;
      const journal = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as unknown[];
      const proxied = await raw(viaMockUrl, path, headers, method);
      expect(refusalSeen(proxied)).toEqual({
        status: 403,
        type: 'application/json',
        cors: [],
        body: hostRefused(host),
      });
      // the mock's own refusal of the same request is the same answer
      expect(refusalSeen(await raw(mock.url, path, headers, method))).toEqual(refusalSeen(proxied));
      expect(viaMock.exchanges()).toHaveLength(kept);
      expect(await (await fetch(`${mock.url}/__mock/requests`)).json()).toEqual(journal);
      expect(logged.at(-1)!.replace(/ [\d.]+ms$/, '')).toBe(`${method} ${loggedPath(method, path)} 403`);
    },
  );

  it('never sends the upstream a request with a foreign Host, whatever its path or body', async () => {
    const before = received.length;
    const kept = viaEdge.exchanges().length;
    for (const host of [
      'evil.example',
      `evil.example:${port(viaEdgeUrl)}`,
      'LOCALHOST.evil.example',
      '127.0.0.1.nip.io',
    ])
      expect((await raw(viaEdgeUrl, '/echo', { host }, 'POST', '{"a":1}')).status, host).toBe(403);
    expect(received).toHaveLength(before);
    expect(viaEdge.exchanges()).toHaveLength(kept);
  });

  it.each(['localhost', '127.0.0.1', '[::1]', 'LocalHost', '127.3.2.1'])(
    'forwards a request with Host %s:<port> (a loopback name)',
    async (name) => {
      const before = received.length;
      const answer = await raw(viaEdgeUrl, '/echo', { host: `${name}:${port(viaEdgeUrl)}` });
      expect([answer.status, answer.body]).toEqual([200, JSON.stringify({ echo: true })]);
      expect(received).toHaveLength(before + 1);
    },
  );

  it('forwards a Host listed in allowedHosts, and still refuses others', async () => {
    const proxy = createRecordingProxy({ upstream: new URL(upstreamUrlText), allowedHosts: ['dev.test'] });
    const url = await listen(proxy.server);
    try {
      expect((await raw(url, '/echo', { host: `dev.test:${port(url)}` })).status).toBe(200);
      const refused = await raw(url, '/echo', { host: `evil.example:${port(url)}` });
      expect([refused.status, refused.body]).toEqual([403, hostRefused(`evil.example:${port(url)}`)]);
      expect(proxy.exchanges()).toHaveLength(1);
    } finally {
      await proxy.stop(100);
    }
  });

  it('listening on a non-loopback address, it answers any Host (as the mock does there)', async () => {
    const proxy = createRecordingProxy({ upstream: new URL(upstreamUrlText) });
    await new Promise<void>((resolve) => proxy.server.listen(0, '0.0.0.0', resolve));
    const url = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    try {
      expect((await raw(url, '/echo', { host: 'staging-proxy.internal' })).status).toBe(200);
      expect(proxy.exchanges()).toHaveLength(1);
    } finally {
      await proxy.stop(100);
    }
  });

  it.each([
    ['POST', '/__mock/reset', undefined],
    ['PUT', '/__mock/state', '{}'],
    ['DELETE', '/__mock/requests', undefined],
    ['GET', '/__mock/state', undefined],
  ])(
    'refuses %s %s from a web page of another origin as the mock does, never forwarded',
    async (method, path, body) => {
      const headers = { origin: FOREIGN, 'content-type': 'application/json' };
      const kept = viaMock.exchanges().length;
      const proxied = await raw(viaMockUrl, path, headers, method, body);
      expect(refusalSeen(proxied)).toEqual({ status: 403, type: 'application/json', cors: [], body: originRefused });
      expect(refusalSeen(await raw(mock.url, path, headers, method, body))).toEqual(refusalSeen(proxied));
      expect(viaMock.exchanges()).toHaveLength(kept);
    },
  );

  it('refuses an admin preflight and an admin path under the base path or after dot segments', async () => {
    const before = received.length;
    const preflight = await raw(
      viaEdgeUrl,
      '/__mock/reset',
      {
        origin: FOREIGN,
        'access-control-request-method': 'POST',
      },
      'OPTIONS',
    );
    for (const path of ['/__mock/state', '/x/../__mock/state', '/../__mock/state'])
      expect(await raw(viaEdgeUrl, path, { origin: FOREIGN }), path).toMatchObject({
        status: 403,
        body: originRefused,
      });
    expect([preflight.status, preflight.body]).toEqual([403, originRefused]);
    expect(received).toHaveLength(before);
    // the API routes stay open to web pages, and admin requests without an Origin (curl, test code) pass
    expect((await raw(viaEdgeUrl, '/echo', { origin: FOREIGN })).status).toBe(200);
    expect((await raw(viaEdgeUrl, '/__mock/state', {})).status).toBe(200);
    expect(received).toHaveLength(before + 2);
  });

  it('forwards the /__mock requests of an origin listed in adminOrigins', async () => {
    const listed = 'http://localhost:5173';
    const proxy = createRecordingProxy({ upstream: new URL(upstreamUrlText), adminOrigins: [listed] });
    const url = await listen(proxy.server);
    const before = received.length;
    try {
      expect((await raw(url, '/__mock/state', { origin: listed })).status).toBe(200);
      expect((await raw(url, '/__mock/state', { origin: FOREIGN })).body).toBe(originRefused);
      expect(received).toHaveLength(before + 1);
    } finally {
      await proxy.stop(100);
    }
  });
});
