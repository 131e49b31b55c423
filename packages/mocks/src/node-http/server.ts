// The mock core behind a bare node:http server: no Fetch objects on the hot path, one JSON
// serialisation per response. Adds CORS for the API routes, the `/__mock` admin routes (the core's)
// guarded against web pages of other origins and DNS rebinding (api-decisions.md "Admin routes and
// the browser"), JSON answers to what Node's parser refuses, timeouts for silent connections, a
// graceful `shutdown()`, and one log line per request.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleAdmin, isAdminPath, SESSION_HEADER, stateFor } from '../core/admin.js';
import { INVALID_JSON_BODY, isFault, type MockResult } from '../core/faults.js';
import { handleRequest } from '../core/handle.js';
import { BODY_LIMIT, pathOf, toMockRequest } from '../core/request.js';
import { json, type MockResponse } from '../core/response.js';
import type { MockStateCore } from '../core/state.js';

export interface HttpServerOptions {
  state: MockStateCore;
  /** Receives one line per request: method, path (no query, no credentials), status or `aborted`/`reset`, milliseconds. */
  log?: (line: string) => void;
  /** Extra routes tried before the API (e.g. `/docs`); return `undefined` to fall through. */
  extraRoutes?: (method: string, path: string) => MockResponse | undefined;
  /** Browser origins (`http://localhost:5173`) allowed to call `/__mock/*`; by default none, so no web page can read or change the state. */
  adminOrigins?: readonly string[];
  /** Host names accepted besides loopback ones (`localhost`, `127.x.x.x`, `[::1]`) while the server listens on a loopback address. */
  allowedHosts?: readonly string[];
  /** When set, admin requests must carry `Authorization: Bearer <token>` (for a server reachable from other machines). */
  adminToken?: string;
  /** Milliseconds a connection may stay open before its first request (default 10 000). */
  firstRequestTimeout?: number;
}

export interface MockHttpServer extends Server {
  /**
   * Stops accepting connections, lets the requests in flight finish for up to `graceMs` (default
   * 5 000), then closes every connection. Resolves once the server is closed.
   */
  shutdown(graceMs?: number): Promise<{ forced: boolean }>;
}

const CORS = [
  'access-control-allow-origin',
  '*',
  'access-control-expose-headers',
  'content-type, retry-after, x-should-retry',
];
const ADMIN_METHODS = 'GET, POST, PUT, DELETE';
/** Longest path or header value a log line or an error message repeats. */
const SHOWN = 120;

type Body = { text: string | undefined; tooLarge: boolean };
const NO_BODY: Body = { text: undefined, tooLarge: false };
/** The client went away before its body arrived: nothing to answer. */
const ABORTED = Symbol('aborted');

function readBody(req: IncomingMessage): Body | Promise<Body | typeof ABORTED> {
  // most requests (GET, DELETE) carry none: no stream listeners, no promise
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return NO_BODY;
  if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT) {
    req.resume(); // answered at once, the rest drained unread
    return Promise.resolve({ text: undefined, tooLarge: true });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) tooLarge = true;
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        tooLarge
          ? { text: undefined, tooLarge }
          : { text: size ? Buffer.concat(chunks).toString('utf8') : undefined, tooLarge },
      ),
    );
    req.on('error', () => resolve(ABORTED));
    req.on('close', () => {
      if (!req.complete) resolve(ABORTED);
    });
  });
}

/** A header's value (repeated headers joined), or undefined. */
const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** A value as it may appear in a log line or a message: one line, control characters escaped, cut to `SHOWN`. */
export function shown(value: string): string {
  const cut = value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The host name of a `Host` header, without the port, lower-cased (`[::1]` keeps its brackets). */
function hostName(host: string): string {
  const end = host.startsWith('[')
    ? host.indexOf(']') + 1
    : host.lastIndexOf(':') === -1
      ? host.length
      : host.lastIndexOf(':');
  return host.slice(0, end || host.length).toLowerCase();
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
const isLoopbackAddress = (address: string) =>
  address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');

function preflight(req: IncomingMessage): MockResponse {
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
      'access-control-allow-headers':
        req.headers['access-control-request-headers'] ??
        `content-type, x-api-key, authorization, prefer, ${SESSION_HEADER}`,
      'access-control-max-age': '600',
    },
    body: undefined,
  };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  417: 'Expectation Failed',
  431: 'Request Header Fields Too Large',
};

/** An http.Server answering both API areas from `state`; call `.listen(port, host)` yourself. */
export function createMockHttpServer(options: HttpServerOptions): MockHttpServer {
  const { state, log, extraRoutes } = options;
  const adminOrigins = new Set(options.adminOrigins ?? []);
  const allowedHosts = new Set((options.allowedHosts ?? []).map((h) => hostName(h)));
  // compared as digests: equal lengths always, so neither the token nor its length leaks through timing
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const adminToken = options.adminToken === undefined ? undefined : digest(`Bearer ${options.adminToken}`);
  const firstRequestTimeout = options.firstRequestTimeout ?? 10_000;
  let loopbackOnly = true;
  let inFlight = 0;
  let stopping = false;
  const served = new WeakSet<Socket>();
  /** Sockets held open by a `stall` fault: a shutdown closes them first instead of waiting for them. */
  const stalled = new Set<Socket>();

  /** The refusal of an admin request, or undefined when it may go on. */
  function adminRefusal(req: IncomingMessage): MockResponse | undefined {
    const origin = req.headers.origin;
    if (origin !== undefined && !adminOrigins.has(origin))
      return json(403, {
        message: `Origin ${shown(origin)} may not use /__mock routes (a web page cannot read or change the mock's state; allow an origin with --admin-origin)`,
      });
    // a browser sends no Authorization on a preflight: a listed origin's preflight is answered without the token
    if (adminToken && !(req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined)) {
      if (!timingSafeEqual(digest(req.headers.authorization ?? ''), adminToken))
        return json(401, { message: '/__mock routes need the admin token: Authorization: Bearer <token>' });
    }
    return undefined;
  }

  const server = createServer(
    { headersTimeout: 10_000, requestTimeout: 120_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 },
    // Continuation style: a request without a body and without `Prefer: delay` is answered
    // synchronously in the request callback, with no promise on the hot path.
    (req: IncomingMessage, res: ServerResponse) => {
      const started = log ? performance.now() : 0;
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const path = pathOf(url);
      if (!served.has(req.socket)) {
        served.add(req.socket);
        req.socket.setTimeout(0); // it asked for something: Node's own request and keep-alive timeouts apply from here
      }
      inFlight++;
      let admin = false;
      let adminOrigin: string | undefined;

      const done = (outcome: number | string) => {
        inFlight--;
        if (log) log(`${method} ${shown(path)} ${outcome} ${(performance.now() - started).toFixed(1)}ms`);
        // while stopping, every answer says `connection: close`: Node closes each socket once its answer is out
      };
      const send = (response: MockResponse) => {
        if (res.destroyed || req.socket.destroyed) return done('aborted'); // the client left while we worked or waited
        // one flat header list and a content-length: no object merging, no chunked encoding
        const headers = admin
          ? adminOrigin
            ? ['access-control-allow-origin', adminOrigin, 'vary', 'origin']
            : []
          : CORS.slice();
        for (const name in response.headers) headers.push(name, response.headers[name]!);
        if (response.body !== undefined) headers.push('content-length', String(Buffer.byteLength(response.body)));
        if (stopping) headers.push('connection', 'close');
        res.writeHead(response.status, headers);
        res.end(response.body);
        done(response.status);
      };
      const fail = () => send(json(500, { message: 'Internal server error' }));
      const finish = (result: MockResult | undefined) => {
        if (result && isFault(result)) return fault(result.fault, result.response);
        send(result ?? json(404, { message: 'Not Found' }));
      };
      /** An armed or `Prefer` fault, as far as HTTP allows. */
      const fault = (
        kind: NonNullable<MockResult & { fault: unknown }>['fault'],
        response: MockResponse | undefined,
      ) => {
        if (res.destroyed || req.socket.destroyed) return done('aborted');
        if (kind === 'reset' || kind === 'apply-then-reset') {
          req.socket.destroy();
          return done(kind);
        }
        if (kind === 'invalid-json')
          return send({ status: 200, headers: { 'content-type': 'application/json' }, body: INVALID_JSON_BODY });
        const body = response?.body ?? '';
        res.writeHead(200, [
          ...CORS,
          'content-type',
          'application/json',
          'content-length',
          String(Buffer.byteLength(body)),
        ]);
        if (kind === 'stall') {
          res.flushHeaders(); // status and headers go out; the body never does (until the client or a shutdown closes it)
          stalled.add(req.socket);
          req.socket.once('close', () => stalled.delete(req.socket));
          return done('stall');
        }
        res.write(body.slice(0, Math.floor(body.length / 2)), () => req.socket.destroy());
        return done('truncate');
      };
      const withBody = (next: (body: Body) => void) => {
        const body = readBody(req);
        if (!(body instanceof Promise)) return next(body);
        body.then((b) => (b === ABORTED ? done('aborted') : next(b))).catch(fail);
      };

      try {
        // DNS rebinding: a page of another site that resolves its name to 127.0.0.1 still sends its own Host
        const host = req.headers.host;
        if (loopbackOnly && host !== undefined) {
          const name = hostName(host);
          if (!LOOPBACK_HOST.test(name) && !allowedHosts.has(name)) {
            admin = true; // no CORS headers on this refusal
            return send(
              json(403, {
                message: `Host ${shown(host)} is not allowed: the mock answers loopback names only (allow a host with --allowed-host)`,
              }),
            );
          }
        }
        if (isAdminPath(path)) {
          admin = true;
          const origin = req.headers.origin;
          // a listed origin reads every admin answer, refusals included
          if (origin !== undefined && adminOrigins.has(origin)) adminOrigin = origin;
          const refusal = adminRefusal(req);
          if (refusal) return send(refusal);
          if (method === 'OPTIONS' && adminOrigin !== undefined)
            return send({
              status: 204,
              headers: {
                'access-control-allow-methods': ADMIN_METHODS,
                'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
                'access-control-max-age': '600',
              },
              body: undefined,
            });
          const queryAt = url.indexOf('?');
          return withBody((body) =>
            send(
              handleAdmin(
                state,
                method,
                path,
                body,
                queryAt === -1 ? '' : url.slice(queryAt + 1),
                header(req, SESSION_HEADER),
              ),
            ),
          );
        }
        if (method === 'OPTIONS' && req.headers['access-control-request-method']) return send(preflight(req));
        const extra = extraRoutes?.(method, path);
        if (extra) return send(extra);
        // a path no area claims is nobody's, session header or not (as under MSW)
        const match = state.router.match(method, path);
        if (!match) return send(json(404, { message: 'Not Found' }));
        const target = stateFor(state, header(req, SESSION_HEADER));
        if (!('control' in target)) return send(target);
        withBody((body) => {
          const result = handleRequest(
            target,
            toMockRequest({ method, url, headers: req.headers, body: body.text, bodyTooLarge: body.tooLarge }),
            match,
          );
          if (result instanceof Promise) result.then(finish).catch(fail);
          else finish(result);
        });
      } catch {
        fail();
      }
    },
  ) as MockHttpServer;

  server.on('listening', () => {
    const address = server.address();
    loopbackOnly = typeof address === 'object' && address !== null && isLoopbackAddress(address.address);
  });

  // a connection that never asks for anything is closed (Node's header timeout starts with the first byte)
  server.on('connection', (socket: Socket) => {
    socket.setTimeout(firstRequestTimeout, () => {
      if (!served.has(socket)) socket.destroy();
    });
  });

  // what Node's parser refuses gets a JSON body a browser can read, like every other answer
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // the client went away (mid-body: that request is logged as aborted): nobody to answer
    if (
      error.code === 'ECONNRESET' ||
      error.code === 'EPIPE' ||
      error.code === 'HPE_INVALID_EOF_STATE' ||
      !socket.writable
    )
      return void socket.destroy();
    // an answer is already under way on this socket (a delayed one, garbage pipelined behind it): a
    // refusal would be read as its answer; let that answer go out whole, then close
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (inFlight && !inFlight.writableFinished) {
      inFlight.shouldKeepAlive = false;
      inFlight.once('finish', () => socket.end());
      return;
    }
    if (socket.bytesWritten > 0 || inFlight) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({
      message: status === 400 ? 'Bad Request: the request could not be parsed' : STATUS_TEXT[status],
    });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\ncontent-type: application/json\r\naccess-control-allow-origin: *\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
    if (log) log(`- - ${status} (${error.code ?? 'parse error'})`);
  });
  // `Expect: 100-continue`: a body declared over the limit gets its 413 without being invited to send it
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!(Number(req.headers['content-length'] ?? 0) > BODY_LIMIT)) res.writeContinue();
    server.emit('request', req, res);
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const body = JSON.stringify({
      message: `Expectation Failed: only "Expect: 100-continue" is supported, got ${JSON.stringify(shown(req.headers.expect ?? ''))}`,
    });
    res.writeHead(417, [
      ...CORS,
      'content-type',
      'application/json',
      'content-length',
      String(Buffer.byteLength(body)),
    ]);
    res.end(body);
    if (log) log(`${req.method} ${shown(pathOf(req.url ?? '/'))} 417 0.0ms`);
  });

  server.shutdown = (graceMs = 5_000) =>
    new Promise((resolve) => {
      stopping = true;
      for (const socket of stalled) socket.destroy(); // a stalled answer never finishes: do not wait for it
      let forced = false;
      const timer = setTimeout(() => {
        forced = true;
        server.closeAllConnections();
      }, graceMs);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolve({ forced });
      });
      server.closeIdleConnections();
    });

  return server;
}
