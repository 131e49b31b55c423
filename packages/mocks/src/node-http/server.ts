// The mock core behind a bare node:http server: no Fetch objects on the hot path, one JSON
// serialisation per response. Adds CORS for the API routes, the `/__mock` admin routes (the core's)
// guarded against web pages of other origins and DNS rebinding (docs/decisions.md "Admin routes and
// the browser"), JSON answers to what Node's parser refuses, timeouts for silent connections, a
// graceful `shutdown()`, and one log line per request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleAdmin, isAdminPath, SESSION_HEADER } from '../core/admin.js';
import { toMockRequest } from '../core/request.js';
import type { MockResponse } from '../core/response.js';
import { serveRequest } from '../core/serve.js';
import type { MockStateCore } from '../core/state.js';
import { declaresTooLarge } from './body.js';
import { adminPreflight, apiPreflight } from './cors.js';
import { Exchange, NOT_FOUND, type ServerContext } from './exchange.js';
import { Guard, type GuardOptions, isLoopbackAddress } from './guard.js';
import { refuseExpectation, refuseUnparsed } from './refusals.js';
import { shutdown } from './shutdown.js';

export interface HttpServerOptions extends GuardOptions {
  state: MockStateCore;
  /**
   * Receives one line per request: method, path (no query, no credentials), status or
   * `aborted`/`reset`, milliseconds.
   */
  log?: (line: string) => void;
  /** Extra routes tried before the API (e.g. `/docs`); return `undefined` to fall through. */
  extraRoutes?: (method: string, path: string) => MockResponse | undefined;
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

/** Everything a request of one server is answered from. */
interface Context extends ServerContext {
  readonly state: MockStateCore;
  readonly guard: Guard;
  readonly extraRoutes: HttpServerOptions['extraRoutes'];
}

const TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 120_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};

/** A header's value (repeated headers joined), or undefined. */
const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** An http.Server answering both API areas from `state`; call `.listen(port, host)` yourself. */
export function createMockHttpServer(options: HttpServerOptions): MockHttpServer {
  const context: Context = {
    state: options.state,
    log: options.log,
    extraRoutes: options.extraRoutes,
    guard: new Guard(options),
    stopping: false,
    served: new WeakSet(),
    stalled: new Set(),
  };
  const server = createServer(TIMEOUTS, (req, res) => onRequest(context, req, res)) as MockHttpServer;
  server.on('listening', () => {
    const address = server.address();
    context.guard.loopbackOnly = typeof address === 'object' && address !== null && isLoopbackAddress(address.address);
  });
  // a connection that never asks for anything is closed (Node's header timeout starts with the first byte)
  server.on('connection', (socket: Socket) => {
    socket.setTimeout(options.firstRequestTimeout ?? 10_000, () => {
      if (!context.served.has(socket)) socket.destroy();
    });
  });
  server.on('clientError', refuseUnparsed(options.log));
  // `Expect: 100-continue`: a body declared over the limit gets its 413 without being invited to send it
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!declaresTooLarge(req)) res.writeContinue();
    server.emit('request', req, res);
  });
  server.on('checkExpectation', refuseExpectation(options.log));
  server.shutdown = (graceMs = 5_000) => shutdown(server, context, graceMs);
  return server;
}

function onRequest(context: Context, req: IncomingMessage, res: ServerResponse) {
  const exchange = new Exchange(context, req, res);
  try {
    const refusal = context.guard.hostRefusal(req.headers.host);
    if (refusal) {
      exchange.admin = true; // no CORS headers on this refusal
      return exchange.send(refusal);
    }
    if (isAdminPath(exchange.path)) return serveAdmin(context, exchange);
    serveApi(context, exchange);
  } catch {
    exchange.fail();
  }
}

/** `/__mock/*`: for this machine, listed origins and (when set) holders of the admin token only. */
function serveAdmin(context: Context, exchange: Exchange) {
  const { req, method, path, url } = exchange;
  exchange.admin = true;
  // a listed origin reads every admin answer, refusals included
  exchange.adminOrigin = context.guard.listedOrigin(req);
  const refusal = context.guard.adminRefusal(req);
  if (refusal) return exchange.send(refusal);
  if (method === 'OPTIONS' && exchange.adminOrigin !== undefined) return exchange.send(adminPreflight(req));
  const queryAt = url.indexOf('?');
  const search = queryAt === -1 ? '' : url.slice(queryAt + 1);
  exchange.withBody((body) =>
    exchange.send(handleAdmin(context.state, method, path, body, search, header(req, SESSION_HEADER))),
  );
}

/** The API: preflights, the extra routes, then the core's request path. */
function serveApi(context: Context, exchange: Exchange) {
  const { req, method, path, url } = exchange;
  if (method === 'OPTIONS' && req.headers['access-control-request-method']) return exchange.send(apiPreflight(req));
  const extra = context.extraRoutes?.(method, path);
  if (extra) return exchange.send(extra);
  // a path no area claims is nobody's, session header or not (as under MSW); its body is never read
  const match = context.state.router.match(method, path);
  if (!match) return exchange.send(NOT_FOUND);
  exchange.withBody((body) => {
    const request = toMockRequest({ method, url, headers: req.headers, body: body.text, bodyTooLarge: body.tooLarge });
    exchange.finish(serveRequest(context.state, request, match));
  });
}
