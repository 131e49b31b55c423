// MSW request handlers over the mock core: one per documented operation, one for the routing errors
// (404/405) of every area, and one for the admin routes (`/__mock/*`). A request is matched once, by
// the core's router, in the first predicate that sees it; the resolver reuses that match. (MSW's own
// path patterns are not used: they throw on a malformed `%` escape.)
import { type HttpHandler, HttpResponse, http } from 'msw';
import { handleAdmin, isAdminPath, SESSION_HEADER } from '../core/admin.js';
import { BODY_LIMIT, type RequestBody, toMockRequest } from '../core/request.js';
import type { MockResponse } from '../core/response.js';
import type { RouteMatch } from '../core/router.js';
import { isTransportFault, serveRequest, type TransportFault } from '../core/serve.js';
import type { MockStateCore } from '../core/state.js';
import { nameHandler, urlBelow } from './match.js';

export interface HandlerOptions {
  /** Origin (and optional path prefix) to intercept, e.g. `https://rest-api.argosidentity.com`. Default: any origin. */
  baseUrl?: string;
  /**
   * Also answer the admin routes (`/__mock/reset`, `/__mock/state`, `/__mock/arm`, `/__mock/requests`)
   * under `baseUrl` (default true).
   */
  admin?: boolean;
}

const encoder = new TextEncoder();

const respond = (response: MockResponse) =>
  new HttpResponse(response.body ?? null, { status: response.status, headers: response.headers });

/** An armed or `Prefer` fault, as far as a Fetch `Response` allows. */
function faultResponse(fault: TransportFault): Response {
  if (fault.fault === 'reset' || fault.fault === 'apply-then-reset') return HttpResponse.error();
  const kind = fault.fault;
  const body = encoder.encode(fault.response.body ?? '');
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    // stall: headers arrive, the body never does; truncate: the first half arrives, then the stream errors.
    // The error comes a moment later: erroring a stream drops what is still queued in it (MSW tees the
    // response), and the half must reach the reader first, as it would on a real connection.
    pull(controller) {
      if (kind === 'stall') return new Promise<void>(() => {});
      if (!sent) {
        sent = true;
        controller.enqueue(body.subarray(0, Math.floor(body.length / 2)));
        return;
      }
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          controller.error(new TypeError('terminated: the mock cut this body short (truncate fault)'));
          resolve();
        }, 50),
      );
    },
  });
  return new HttpResponse(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** What a request is to these handlers, worked out once: its path below `baseUrl` and the router's match. */
interface Parsed {
  path: string;
  /** `?...` or empty. */
  search: string;
  match: RouteMatch | undefined;
}

async function readBody(request: Request): Promise<RequestBody> {
  const text = request.body ? await request.text() : '';
  const tooLarge = text.length > BODY_LIMIT / 4 && encoder.encode(text).byteLength > BODY_LIMIT;
  return { text: tooLarge || text === '' ? undefined : text, tooLarge };
}

/** MSW handlers answering from `state` (see `createMockState`). */
export function createHandlers(state: MockStateCore, options: HandlerOptions = {}): HttpHandler[] {
  const base = options.baseUrl?.replace(/\/$/, '');
  const parsed = new WeakMap<Request, Parsed | null>();
  /** The request's path below `baseUrl` and its route, or null when the request is not for us. */
  const parse = (request: Request): Parsed | null => {
    let entry = parsed.get(request);
    if (entry !== undefined) return entry;
    const url = urlBelow(base, request.url);
    entry =
      url === undefined
        ? null
        : { path: url.pathname, search: url.search, match: state.router.match(request.method, url.pathname) };
    parsed.set(request, entry);
    return entry;
  };

  const resolver = async ({ request }: { request: Request }) => {
    const entry = parse(request);
    if (!entry?.match) return undefined;
    const body = await readBody(request);
    const url = entry.path + entry.search;
    const served = await serveRequest(
      state,
      toMockRequest({
        method: request.method,
        url,
        headers: request.headers,
        body: body.text,
        bodyTooLarge: body.tooLarge,
      }),
      entry.match,
    );
    if (!served) return undefined; // not ours: the next handler, or MSW's unhandled-request policy
    return isTransportFault(served) ? faultResponse(served) : respond(served);
  };

  const operations = state.areas.flatMap((area) =>
    Object.entries(area.routes).map(([operationId, route]) =>
      nameHandler(
        http.all(({ request }) => parse(request)?.match?.operationId === operationId, resolver),
        `${route.method} ${base ?? ''}${route.path} (Scrub: ${operationId})`,
      ),
    ),
  );
  const routingErrors = nameHandler(
    http.all(({ request }) => {
      const match = parse(request)?.match;
      return match !== undefined && match.operationId === undefined;
    }, resolver),
    'ALL (Scrub: 404/405 of unknown routes and methods)',
  );
  const handlers = [...operations, routingErrors];
  if (options.admin ?? true) {
    const admin = http.all(
      ({ request }) => {
        const entry = parse(request);
        return entry !== null && isAdminPath(entry.path);
      },
      async ({ request }) => {
        const { path, search } = parse(request)!;
        return respond(
          handleAdmin(
            state,
            request.method,
            path,
            await readBody(request),
            search.slice(1),
            request.headers.get(SESSION_HEADER) ?? undefined,
          ),
        );
      },
    );
    handlers.push(nameHandler(admin, 'ALL /__mock/* (Scrub: admin routes)'));
  }
  return handlers;
}
