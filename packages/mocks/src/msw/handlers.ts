// MSW request handlers over the mock core: one per documented operation, plus one catch-all per area
// so unknown routes and wrong methods get the same 404/405 as the server. Matching uses the core's
// own routers (custom predicates), not MSW path patterns: those throw on a malformed `%` escape.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { operationRoutes as idcheckRoutes } from '@scrub/sdk/spec/idcheck';
import { operationRoutes as textRoutes } from '@scrub/sdk/spec/text-assessment';
import { handleRequest } from '../core/handle.js';
import { BODY_LIMIT, isFault, toMockRequest } from '../core/http.js';
import { createMockState, type MockState } from '../core/state.js';
import { matchIdCheckRoute } from '../idcheck/router.js';
import { matchTextRoute } from '../text-assessment/router.js';

export interface HandlerOptions {
  /** Origin (and optional path prefix) to intercept, e.g. `https://rest-api.argosidentity.com`. Default: any origin. */
  baseUrl?: string;
}

const encoder = new TextEncoder();
type Matcher = (path: string) => { methods: Partial<Record<string, string>> } | 'not found' | undefined;

/** MSW handlers answering from `state` (default: a fresh state on the built-in fixture). */
export function createHandlers(state: MockState = createMockState(), options: HandlerOptions = {}): HttpHandler[] {
  const base = options.baseUrl?.replace(/\/$/, '');
  /** The request's path below `baseUrl`, or undefined when the request is not for us (parsed once per request). */
  const paths = new WeakMap<Request, string | undefined>();
  const pathOf = (request: Request): string | undefined => {
    if (paths.has(request)) return paths.get(request);
    const path =
      base === undefined ? new URL(request.url).pathname
      : request.url.startsWith(base + '/') ? new URL(request.url.slice(base.length).replace(/^\/?/, 'http://base/')).pathname
      : undefined;
    paths.set(request, path);
    return path;
  };

  const resolver = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const text = request.body ? await request.text() : '';
    const tooLarge = text.length > BODY_LIMIT / 4 && encoder.encode(text).byteLength > BODY_LIMIT;
    const result = await handleRequest(
      state,
      toMockRequest({
        method: request.method,
        url: (pathOf(request) ?? url.pathname) + url.search,
        headers: request.headers,
        body: tooLarge || text === '' ? undefined : text,
        bodyTooLarge: tooLarge,
      }),
    );
    if (!result) return undefined; // not ours: the next handler, or MSW's unhandled-request policy
    if (isFault(result)) return HttpResponse.error();
    return new HttpResponse(result.body ?? null, { status: result.status, headers: result.headers });
  };

  /** One handler per operation of an area (in spec order), then the area's catch-all. */
  const area = (match: Matcher) => {
    const operation = (operationId: string) =>
      http.all(({ request }) => {
        const path = pathOf(request);
        const route = path === undefined ? undefined : match(path);
        return typeof route === 'object' && route.methods[request.method] === operationId;
      }, resolver);
    const catchAll = http.all(({ request }) => {
      const path = pathOf(request);
      return path !== undefined && match(path) !== undefined;
    }, resolver);
    return { operation, catchAll };
  };

  const idcheck = area(matchIdCheckRoute);
  const text = area(matchTextRoute);
  return [
    ...Object.keys(idcheckRoutes).map(idcheck.operation),
    ...Object.keys(textRoutes).map(text.operation),
    idcheck.catchAll,
    text.catchAll,
  ];
}

/** The state behind `handlers`; call `mockState.reset()` between tests, or `mockState.load(fixture)`. */
export const mockState: MockState = createMockState();

/** Handlers over `mockState`, for `setupServer(...handlers)` / `setupWorker(...handlers)`. */
export const handlers: HttpHandler[] = createHandlers(mockState);
