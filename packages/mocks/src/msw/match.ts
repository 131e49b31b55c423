// What the MSW handlers and the overrides share: where a request lands below `baseUrl`, and the name
// MSW shows for a handler.
import type { HttpHandler } from 'msw';

/** The URL of a request as seen below `base` (path and query from there), or undefined when it is not under `base`. */
export function urlBelow(base: string | undefined, url: string): URL | undefined {
  if (base === undefined) return new URL(url);
  return url.startsWith(`${base}/`) ? new URL(url.slice(base.length).replace(/^\/?/, 'http://base/')) : undefined;
}

/**
 * What MSW shows for a handler (its log, `server.listHandlers()`): custom predicates would read
 * "[custom predicate]".
 */
export function nameHandler(handler: HttpHandler, name: string): HttpHandler {
  (handler.info as { header: string }).header = name;
  return handler;
}
