// The redirects policy: redirects are followed only within the origin of the request. fetch itself
// would follow a redirect to another origin with every header but `Authorization`, so `x-api-key` would
// go along. In a browser, where a redirect cannot be inspected, any redirect is a `ScrubError`.

/**
 * A `fetch` that hands answers over as they are, except redirects: those are followed within the
 * origin by ./follow-redirects.ts, loaded on the first one (an API answers with none in normal use).
 */
export function sameOriginRedirects(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    // ky hands over its Request (built with `redirect: 'manual'`); a copy of its body stays in case
    // a 307/308 must repeat it
    const request = input instanceof Request ? input : new Request(input as RequestInfo, init);
    const replay = request.body !== null ? request.clone() : undefined;
    const response = await fetch(input, init);
    if (!isRedirect(response)) return response;
    return (await import('./follow-redirects.js')).followRedirects(fetch, request, replay, response);
  };
}

/** A redirect this policy acts on: one with a `Location`, or one a browser would not let be inspected. */
const isRedirect = (response: Response) =>
  response.type === 'opaqueredirect' ||
  (response.status >= 300 && response.status < 400 && response.headers.has('location'));
