// MSW request handlers over the mock core: one per documented operation (paths from the specs), plus
// one catch-all per area so unknown routes and wrong methods get the same 404/405 as the server.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { operationRoutes as idcheckRoutes } from '@scrub/sdk/spec/idcheck';
import { operationRoutes as textRoutes } from '@scrub/sdk/spec/text-assessment';
import { handleRequest } from '../core/handle.js';
import { BODY_LIMIT, isFault, toMockRequest } from '../core/http.js';
import { createMockState, type MockState } from '../core/state.js';

export interface HandlerOptions {
  /** Origin (and optional path prefix) to intercept, e.g. `https://rest-api.argosidentity.com`. Default: any origin. */
  baseUrl?: string;
}

const encoder = new TextEncoder();

/** MSW handlers answering from `state` (default: a fresh state on the built-in fixture). */
export function createHandlers(state: MockState = createMockState(), options: HandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const resolver = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const text = request.body ? await request.text() : '';
    const tooLarge = text.length > BODY_LIMIT / 4 && encoder.encode(text).byteLength > BODY_LIMIT;
    const result = await handleRequest(
      state,
      toMockRequest({
        method: request.method,
        url: url.pathname + url.search,
        headers: request.headers,
        body: tooLarge || text === '' ? undefined : text,
        bodyTooLarge: tooLarge,
      }),
    );
    if (!result) return undefined; // not ours: the next handler, or MSW's unhandled-request policy
    if (isFault(result)) return HttpResponse.error();
    return new HttpResponse(result.body ?? null, { status: result.status, headers: result.headers });
  };
  const path = (template: string) => base + template.replace(/\{([^}]+)\}/g, ':$1');
  return [
    ...Object.values(idcheckRoutes).map((route) => http.all(path(route.path), resolver)),
    ...Object.values(textRoutes).map((route) => http.all(path(route.path), resolver)),
    http.all(`${base}/v3/*`, resolver),
    http.all(`${base}/:version/account/*`, resolver),
  ];
}

/** The state behind `handlers`; call `mockState.reset()` between tests, or `mockState.load(fixture)`. */
export const mockState: MockState = createMockState();

/** Handlers over `mockState`, for `setupServer(...handlers)` / `setupWorker(...handlers)`. */
export const handlers: HttpHandler[] = createHandlers(mockState);
