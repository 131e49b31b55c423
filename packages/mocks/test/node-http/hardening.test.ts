// The standalone server on a developer's machine: admin routes closed to web pages of other origins
// and to DNS rebinding, JSON answers to what Node's parser refuses, silent connections closed, honest
// log lines, and a graceful shutdown that lets requests in flight finish.
import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockHttpServer, type HttpServerOptions, type MockHttpServer } from '../../src/http.js';
import { createMockState } from '../../src/index.js';

const running: MockHttpServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function start(options: Partial<HttpServerOptions> = {}, host = '127.0.0.1') {
  const state = createMockState(undefined, { onWarning: () => {} });
  const lines: string[] = [];
  const server = createMockHttpServer({ state, log: (line) => lines.push(line), ...options });
  running.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, state, lines, port, base: `http://127.0.0.1:${port}` };
}

/** A request with full control of its headers (fetch forbids setting Host). */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers, setHost: !('host' in headers) },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Bytes written straight to a socket; resolves with everything the server sent back before closing. */
function wire(port: number, bytes: string, waitMs = 2_000) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (c) => (text += c));
    socket.on('close', () => resolve(text));
    socket.write(bytes);
    setTimeout(() => socket.destroy(), waitMs);
  });
}

describe('admin routes and web pages', () => {
  it('send no CORS headers, refuse a foreign Origin with 403 (preflight too), and change nothing', async () => {
    const { base, state } = await start();
    await fetch(`${base}/v3/submission/partial?submission_id=s1&fields=email`, {
      method: 'DELETE',
      headers: { 'x-api-key': 'test-api-key' },
    });
    const before = JSON.stringify(state.toFixture());

    const read = await fetch(`${base}/__mock/state`, { headers: { origin: 'http://evil.test' } });
    expect(read.status).toBe(403);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect((await read.json()).message).toMatch(/^Origin http:\/\/evil\.test may not use \/__mock routes/);

    const preflight = await fetch(`${base}/__mock/state`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.test', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    // what a plain HTML form can send without a preflight
    const form = await fetch(`${base}/__mock/reset`, {
      method: 'POST',
      headers: { origin: 'http://evil.test', 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(form.status).toBe(403);
    expect(JSON.stringify(state.toFixture())).toBe(before);

    // curl and server-side test code send no Origin: unchanged
    const ok = await fetch(`${base}/__mock/state`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allow an origin listed by option, with CORS for that origin only', async () => {
    const { base } = await start({ adminOrigins: ['http://localhost:5173'] });
    const preflight = await fetch(`${base}/__mock/state`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const read = await fetch(`${base}/__mock/state`, { headers: { origin: 'http://localhost:5173' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(read.headers.get('vary')).toBe('origin');
    expect((await fetch(`${base}/__mock/state`, { headers: { origin: 'http://localhost:5174' } })).status).toBe(403);
  });

  it('keep Access-Control-Allow-Origin: * on the API routes', async () => {
    const { base } = await start();
    const r = await fetch(`${base}/v3/projection`, {
      headers: { origin: 'http://app.test', 'x-api-key': 'test-api-key' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('with a token, a listed origin still gets its preflight answered and reads the refusal', async () => {
    const { base } = await start({ adminToken: 'token-1234', adminOrigins: ['http://localhost:5173'] });
    const origin = { origin: 'http://localhost:5173' };
    const preflight = await fetch(`${base}/__mock/state`, {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const refused = await fetch(`${base}/__mock/state`, { headers: origin });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(
      (await fetch(`${base}/__mock/state`, { headers: { ...origin, authorization: 'Bearer token-1234' } })).status,
    ).toBe(200);
  });

  it('need the admin token when one is set', async () => {
    const { base } = await start({ adminToken: 'token-1234' });
    const without = await fetch(`${base}/__mock/state`);
    expect([without.status, await without.json()]).toEqual([
      401,
      { message: '/__mock routes need the admin token: Authorization: Bearer <token>' },
    ]);
    expect((await fetch(`${base}/__mock/state`, { headers: { authorization: 'Bearer token-1235' } })).status).toBe(401);
    expect((await fetch(`${base}/__mock/state`, { headers: { authorization: 'Bearer token-1234' } })).status).toBe(200);
    // API routes need none
    expect((await fetch(`${base}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } })).status).toBe(200);
  });
});

describe('DNS rebinding', () => {
  it('while bound to loopback, refuses a Host that is not a loopback name, on every route', async () => {
    const { port } = await start();
    for (const path of ['/__mock/state', '/v3/projection']) {
      const r = await raw(port, 'GET', path, { host: 'evil.example:4010', 'x-api-key': 'test-api-key' });
      expect(r.status, path).toBe(403);
      expect(JSON.parse(r.body).message, path).toBe(
        'Host evil.example:4010 is not allowed: the mock answers loopback names only ' +
          '(allow a host with --allowed-host)',
      );
    }
    for (const host of ['localhost:4010', 'LOCALHOST', '127.0.0.1', '127.1.2.3:80', '[::1]:4010'])
      expect((await raw(port, 'GET', '/v3/projection', { host, 'x-api-key': 'test-api-key' })).status, host).toBe(200);
  });

  it('accepts hosts allowed by option', async () => {
    const { port } = await start({ allowedHosts: ['mock.internal'] });
    expect(
      (await raw(port, 'GET', '/v3/projection', { host: 'mock.internal:4010', 'x-api-key': 'test-api-key' })).status,
    ).toBe(200);
    expect(
      (await raw(port, 'GET', '/v3/projection', { host: 'other.internal', 'x-api-key': 'test-api-key' })).status,
    ).toBe(403);
  });

  it('does not check Host when bound to every address (the CLI warns instead)', async () => {
    const { port } = await start({}, '0.0.0.0');
    expect((await raw(port, 'GET', '/v3/projection', { host: 'mock.lan', 'x-api-key': 'test-api-key' })).status).toBe(
      200,
    );
  });
});

describe("what Node's parser refuses, and silent connections", () => {
  it('answers bad framing, oversized headers and an unknown Expect with JSON and CORS', async () => {
    const { port } = await start();
    const garbage = await wire(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(garbage).toContain('access-control-allow-origin: *');
    expect(garbage.split('\r\n\r\n')[1]).toBe('{"message":"Bad Request: the request could not be parsed"}');

    const big = await wire(
      port,
      `GET /v3/projection HTTP/1.1\r\nhost: localhost\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toContain('access-control-allow-origin: *');
    expect(big.split('\r\n\r\n')[1]).toBe('{"message":"Request Header Fields Too Large"}');

    const expect417 = await raw(
      port,
      'POST',
      '/v3/projection',
      { expect: 'magic', 'x-api-key': 'test-api-key', 'content-type': 'application/json' },
      '{}',
    );
    expect(expect417.status).toBe(417);
    expect(expect417.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(expect417.body)).toEqual({
      message: 'Expectation Failed: only "Expect: 100-continue" is supported, got "magic"',
    });
  });

  it('refuses a declared body over 1 MiB at once, without waiting for it (Expect: 100-continue too)', async () => {
    const { port } = await start();
    const answer = await wire(
      port,
      'POST /v3/projection HTTP/1.1\r\nhost: localhost\r\nx-api-key: test-api-key\r\n' +
        'content-type: application/json\r\nexpect: 100-continue\r\ncontent-length: 5000000\r\n\r\n',
      1_000,
    );
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('{"message":"Request Entity Too Large"}');
  });

  it('never writes a parser refusal on a socket whose answer is under way', async () => {
    const { port } = await start();
    // a delayed request, then garbage pipelined behind it: the delayed answer must not be a raw 400
    const answer = await wire(
      port,
      'GET /v3/projection HTTP/1.1\r\nhost: localhost\r\nx-api-key: test-api-key\r\nprefer: delay=200\r\n\r\n' +
        'NOT HTTP\r\n\r\n',
      1_000,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /); // the delayed answer itself, whole
    expect(answer).toContain('"message":"Get projection list success"');
  });

  it('closes a connection that never sends a request', async () => {
    const { port } = await start({ firstRequestTimeout: 200 });
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.on('close', resolve));
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('sessions', () => {
  it('a path no area claims is a 404 whatever its session header (as under MSW: not intercepted)', async () => {
    const { base } = await start();
    expect(await (await fetch(`${base}/favicon.ico`, { headers: { 'x-mock-session': 'not a name' } })).json()).toEqual({
      message: 'Not Found',
    });
  });
});

describe('log lines', () => {
  it('say "aborted" for a client that left mid-body, never 500', async () => {
    const { port, lines } = await start();
    const socket = connect(port, '127.0.0.1');
    socket.write(
      'POST /v3/projection HTTP/1.1\r\nhost: localhost\r\nx-api-key: test-api-key\r\n' +
        'content-type: application/json\r\ncontent-length: 100\r\n\r\n{"name":',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await expect.poll(() => lines.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines, lines.join(' | ')).toHaveLength(1);
    expect(lines[0]).toMatch(/^POST \/v3\/projection aborted \d+\.\dms$/);
  });

  it('carry no userinfo from an absolute-form target, and cut long paths', async () => {
    const { port, lines } = await start();
    await wire(
      port,
      'GET http://user:pa55word@localhost/v3/projection HTTP/1.1\r\nhost: localhost\r\n' +
        'x-api-key: test-api-key\r\nconnection: close\r\n\r\n',
    );
    await raw(port, 'GET', `/v3/${'x'.repeat(500)}`);
    expect(lines[0]).toMatch(/^GET \/v3\/projection 200 /);
    expect(lines.join('\n')).not.toMatch(/user|pa55word/);
    expect(lines[1]).toMatch(new RegExp(`^GET /v3/${'x'.repeat(116)}… 404 `));
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, lets a request in flight finish, then closes', async () => {
    const { server, base } = await start();
    // shut down once the server has the request (a fixed sleep can come too early on a loaded machine)
    const arrived = new Promise((resolve) => server.once('request', resolve));
    const inFlight = fetch(`${base}/v3/projection`, { headers: { 'x-api-key': 'test-api-key', prefer: 'delay=400' } });
    await arrived;
    const stopped = server.shutdown(5_000);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).message).toBe('Get projection list success');
    await expect(stopped).resolves.toEqual({ forced: false });
    await expect(fetch(`${base}/v3/projection`)).rejects.toThrow();
  });

  it('lets the last answer out whole, however large', async () => {
    const { server, base, state } = await start();
    const fixture = state.toFixture();
    fixture.idcheck.projects[0]!.submissions.push(
      ...Array.from({ length: 2_000 }, (_, i) => ({
        submission_id: `big-${i}`,
        userid: 'big',
        data: { cf1: 'x'.repeat(1_000) },
      })),
    );
    state.load(fixture);
    // delayed, so that its 2 MB answer is written after the shutdown began
    // shut down once the server has the request (a fixed sleep can come too early on a loaded machine)
    const arrived = new Promise((resolve) => server.once('request', resolve));
    const inFlight = fetch(`${base}/v3/submission?userid=big&count=2000`, {
      headers: { 'x-api-key': 'test-api-key', prefer: 'delay=300' },
    });
    await arrived;
    const stopped = server.shutdown(5_000);
    const response = await inFlight;
    const text = await response.text();
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(JSON.parse(text).Items).toHaveLength(2_000);
    await expect(stopped).resolves.toEqual({ forced: false });
  });

  it('does not wait for an answer a stall fault holds open', async () => {
    const { server, base, state } = await start();
    state.arm({ operationId: 'listProjections', fault: 'stall' });
    const stalled = await fetch(`${base}/v3/projection`, { headers: { 'x-api-key': 'test-api-key' } });
    expect(stalled.status).toBe(200);
    const started = performance.now();
    await expect(server.shutdown(5_000)).resolves.toEqual({ forced: false });
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect(stalled.text()).rejects.toThrow();
  });

  it('cuts off what is still running after the grace period', async () => {
    const { server, base } = await start();
    // shut down once the server has the request (a fixed sleep can come too early on a loaded machine)
    const arrived = new Promise((resolve) => server.once('request', resolve));
    const inFlight = fetch(`${base}/v3/projection`, {
      headers: { 'x-api-key': 'test-api-key', prefer: 'delay=5000' },
    }).catch((e: Error) => e);
    await arrived;
    await expect(server.shutdown(200)).resolves.toEqual({ forced: true });
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
