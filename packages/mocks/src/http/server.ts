// The mock core behind a bare node:http server: no Fetch objects on the hot path, one JSON
// serialisation per response. Adds CORS, the `/__mock` admin routes (the core's) and one log line per request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdmin, isAdminPath } from '../core/admin.js';
import { handleRequest } from '../core/handle.js';
import { BODY_LIMIT, isFault, json, toMockRequest, type MockResponse, type MockResult } from '../core/http.js';
import type { MockStateCore } from '../core/state.js';

export interface HttpServerOptions {
  state: MockStateCore;
  /** Receives one line per request: method, path (no query), status, milliseconds. */
  log?: (line: string) => void;
  /** Extra routes tried before the API (e.g. `/docs`); return `undefined` to fall through. */
  extraRoutes?: (method: string, path: string) => MockResponse | undefined;
}

const CORS = ['access-control-allow-origin', '*', 'access-control-expose-headers', 'content-type, retry-after'];

type Body = { text: string | undefined; tooLarge: boolean };
const NO_BODY: Body = { text: undefined, tooLarge: false };

function readBody(req: IncomingMessage): Body | Promise<Body> {
  // most requests (GET, DELETE) carry none: no stream listeners, no promise
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return NO_BODY;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > BODY_LIMIT) {
    req.resume(); // drain without keeping it
    return Promise.resolve({ text: undefined, tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { text: undefined, tooLarge } : { text: size ? Buffer.concat(chunks).toString('utf8') : undefined, tooLarge }));
    req.on('error', reject);
  });
}

function preflight(req: IncomingMessage): MockResponse {
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type, x-api-key, authorization, prefer',
      'access-control-max-age': '600',
    },
    body: undefined,
  };
}

/** An http.Server answering both API areas from `state`; call `.listen(port)` yourself. */
export function createMockHttpServer({ state, log, extraRoutes }: HttpServerOptions): Server {
  // Written in continuation style: a request without a body and without `Prefer: delay` is answered
  // synchronously in the request callback, with no promise on the hot path.
  return createServer((req, res) => {
    const started = log ? performance.now() : 0;
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);

    const send = (response: MockResponse) => {
      // one flat header list and a content-length: no object merging, no chunked encoding
      const headers = CORS.slice();
      for (const name in response.headers) headers.push(name, response.headers[name]!);
      if (response.body !== undefined) headers.push('content-length', String(Buffer.byteLength(response.body)));
      res.writeHead(response.status, headers);
      res.end(response.body);
      if (log) log(`${method} ${path} ${response.status} ${(performance.now() - started).toFixed(1)}ms`);
    };
    const fail = () => send(json(500, { message: 'Internal server error' }));
    const finish = (result: MockResult | undefined) => {
      if (result && isFault(result)) {
        if (log) log(`${method} ${path} reset ${(performance.now() - started).toFixed(1)}ms`);
        req.socket.destroy();
        return;
      }
      send(result ?? json(404, { message: 'Not Found' }));
    };
    const withBody = (next: (body: Body) => void) => {
      const body = readBody(req);
      if (body instanceof Promise) body.then(next).catch(fail);
      else next(body);
    };

    try {
      if (method === 'OPTIONS' && req.headers['access-control-request-method']) return send(preflight(req));
      if (isAdminPath(path)) return withBody((body) => send(handleAdmin(state, method, path, body)));
      const extra = extraRoutes?.(method, path);
      if (extra) return send(extra);
      withBody((body) => {
        const result = handleRequest(state, toMockRequest({ method, url, headers: req.headers, body: body.text, bodyTooLarge: body.tooLarge }));
        if (result instanceof Promise) result.then(finish).catch(fail);
        else finish(result);
      });
    } catch {
      fail();
    }
  });
}
