// Following a redirect within the origin of the request; a redirect elsewhere is a `ScrubError` naming
// the origins (never a header). Loaded on the first redirect (see ./redirects.ts).
import { ScrubError } from '../errors.js';

const MAX_REDIRECTS = 5;

/**
 * Follows `response`, a redirect, within the origin of `request`, with `fetch`; `replay` is a copy
 * of the request, its body unread, in case a 307/308 must repeat it.
 */
export async function followRedirects(
  fetch: typeof globalThis.fetch,
  request: Request,
  replay: Request | undefined,
  redirect: Response,
): Promise<Response> {
  let [current, copy, response] = [request, replay, redirect];
  for (let hop = 0; ; hop++) {
    const location = redirectTarget(response, current);
    if (location === undefined) return response;
    if (hop === MAX_REDIRECTS) throw new ScrubError(`More than ${MAX_REDIRECTS} redirects.`);
    await response.body?.cancel();
    current = await nextRequest(current, response.status, location, copy);
    copy = current.body === null ? undefined : current.clone();
    response = await fetch(current);
  }
}

/** Where a redirect leads (same origin only), or undefined for an answer that is not a redirect. */
function redirectTarget(response: Response, request: Request): URL | undefined {
  if (response.type === 'opaqueredirect')
    throw new ScrubError(
      'The server answered with a redirect, which the SDK does not follow in a browser ' +
        '(it cannot tell where it leads). Use the final URL as `baseUrl`.',
    );
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
  if (location === null) return undefined;
  const from = new URL(request.url);
  const to = new URL(location, from);
  if (to.origin !== from.origin)
    throw new ScrubError(
      `The server redirected to another origin (${to.origin}); the SDK does not follow it, ` +
        `so the credentials stay with ${from.origin}.`,
    );
  return to;
}

/**
 * The request a redirect asks for: 307/308 repeat the request as it was; 301/302/303 turn anything but
 * GET/HEAD into a bodiless GET, as fetch does.
 */
async function nextRequest(current: Request, status: number, to: URL, replay: Request | undefined) {
  const repeat = status === 307 || status === 308 || current.method === 'GET' || current.method === 'HEAD';
  const body = repeat && replay ? await replay.arrayBuffer() : undefined;
  return new Request(to, {
    method: repeat ? current.method : 'GET',
    headers: current.headers,
    body,
    signal: current.signal,
    redirect: 'manual',
  });
}
