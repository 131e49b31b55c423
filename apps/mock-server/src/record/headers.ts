// Which headers cross the recording proxy. Hop-by-hop headers (RFC 9110 7.6.1) belong to one
// connection and are not forwarded either way, nor those a `Connection` header names; `Host` becomes
// the upstream's; the body's length, its content coding and `Expect` are fetch's and Node's business.
import type { Header } from '@scrub/spec/recording';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers that are not forwarded: hop-by-hop ones, those `Connection` names, and `extra`. */
function dropped(headers: readonly Header[], extra: readonly string[]): Set<string> {
  const names = new Set([...HOP_BY_HOP, ...extra]);
  for (const { name, value } of headers)
    if (name.toLowerCase() === 'connection')
      for (const listed of value.split(',')) names.add(listed.trim().toLowerCase());
  return names;
}

/**
 * The client's headers (Node's raw list: names as sent, in order) that go to the upstream. An
 * `Accept-Encoding` loses the codings fetch may not decode (so the client's bytes stay right).
 */
export function forwardedRequestHeaders(rawHeaders: readonly string[]): Header[] {
  const headers: Header[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) headers.push({ name: rawHeaders[i]!, value: rawHeaders[i + 1]! });
  const skip = dropped(headers, ['host', 'content-length', 'expect']);
  return headers.flatMap(({ name, value }) => {
    if (skip.has(name.toLowerCase())) return [];
    if (name.toLowerCase() !== 'accept-encoding') return [{ name, value }];
    const codings = value.split(',').filter((coding) => !UNDECODED.test(coding));
    return codings.length ? [{ name, value: codings.join(',') }] : [];
  });
}

/** An `Accept-Encoding` entry for a coding fetch may not decode. */
const UNDECODED = /^\s*(zstd|compress|x-compress|dcb|dcz)\s*(;|$)/i;

/** Statuses that carry no body (fetch's "null body status"). */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/** Whether the answer to `method` with `status` has a body (a HEAD answer's length is the GET's). */
export function carriesBody(method: string, status: number): boolean {
  return method !== 'HEAD' && !NULL_BODY_STATUS.has(status);
}

/** The codings fetch decodes in every Node this runs on (zstd only in newer ones: it is not asked for). */
const DECODED = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/**
 * Whether fetch decoded a body sent with this `content-encoding`: it does when it knows every coding
 * listed (as undici's fetch does), and leaves the bytes alone otherwise.
 */
function decodedByFetch(contentEncoding: string | null): boolean {
  if (!contentEncoding) return false;
  return contentEncoding
    .toLowerCase()
    .split(',')
    .every((coding) => DECODED.has(coding.trim()));
}

/**
 * The upstream's headers as the client gets them: hop-by-hop ones dropped; with a body, its length is
 * the proxy's (it sends the bytes fetch read) and a content coding fetch decoded is dropped too.
 */
export function returnedResponseHeaders(method: string, status: number, headers: Headers): Header[] {
  const all = [...headers].map(([name, value]) => ({ name, value }));
  const body = carriesBody(method, status);
  const decoded = body && decodedByFetch(headers.get('content-encoding'));
  const skip = dropped(all, [...(body ? ['content-length'] : []), ...(decoded ? ['content-encoding'] : [])]);
  return all.filter(({ name }) => !skip.has(name));
}
