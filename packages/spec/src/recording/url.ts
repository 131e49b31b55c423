// A request URL pseudonymised: userinfo and credential-named parameters get fresh secrets, the
// account id segment a fresh account id, author and text ids and the personal query parameters
// (submission_id, email, userid, ...) their pseudonyms, as in bodies; the rest is kept byte for byte.
import type { Format } from './formats.js';
import { isCredentialName } from './personal.js';
import type { Pseudonymise } from './pseudonyms.js';
import { decodeSegment, type Route } from './route.js';

/** Query parameters of the spec that are not personal (field names, counts, periods, what to read). */
const KEPT_QUERY = new Set([
  'fields',
  'data_fields',
  'count',
  'request_type',
  'start_date',
  'end_date',
  'nextpage_date',
]);
/** Query parameters with a format of their own; the others are personal as they are. */
const QUERY_FORMAT: Readonly<Record<string, Format>> = {
  email: 'email',
  submission_id: 'text',
  userid: 'text',
  nextpage_id: 'text',
  admin_name: 'text',
};

const decodeQuery = (raw: string) => decodeSegment(raw.replace(/\+/g, ' '));
const BASE = 'http://relative.invalid';

function rewriteQuery(search: string, route: Route | undefined, p: Pseudonymise): string {
  if (search.length <= 1) return search;
  const parts = search
    .slice(1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq === -1) return encodeURIComponent(p.personal('personal', decodeQuery(part)));
      const name = decodeQuery(part.slice(0, eq));
      const value = decodeQuery(part.slice(eq + 1));
      if (isCredentialName(name)) return `${part.slice(0, eq)}=${encodeURIComponent(p.credential('secret', value))}`;
      if (route && KEPT_QUERY.has(name)) {
        p.keep(value);
        return part;
      }
      const format = (route && QUERY_FORMAT[name]) ?? 'personal';
      return `${part.slice(0, eq)}=${encodeURIComponent(p.personal(format, value))}`;
    });
  return `?${parts.join('&')}`;
}

function rewritePath(pathname: string, route: Route | undefined, p: Pseudonymise): string {
  return pathname
    .split('/')
    .map((raw, i) => {
      const role = route ? route.segments[i] : i === 0 ? 'keep' : 'personal';
      if (role === 'keep' || raw === '') {
        p.keep(decodeSegment(raw));
        return raw;
      }
      const value = decodeSegment(raw);
      const out = role === 'account' ? p.credential('account', value) : p.personal('text', value);
      return encodeURIComponent(out);
    })
    .join('/');
}

/** A request URL parsed (one without scheme and host against a placeholder origin). */
export function parseUrl(url: string): { parsed: URL; relative: boolean } {
  try {
    return { parsed: new URL(url), relative: false };
  } catch {
    return { parsed: new URL(url, BASE), relative: true };
  }
}

/** The URL with everything personal and every credential replaced (a fragment, never sent to a server, dropped). */
export function rewriteUrl(url: string, route: Route | undefined, p: Pseudonymise): string {
  const { parsed, relative } = parseUrl(url);
  const user = parsed.username ? p.credential('secret', decodeSegment(parsed.username)) : '';
  const password = parsed.password ? p.credential('secret', decodeSegment(parsed.password)) : '';
  const userinfo =
    user || password ? `${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@` : '';
  const origin = relative ? '' : `${parsed.protocol}//${userinfo}${parsed.host}`;
  return `${origin}${rewritePath(parsed.pathname, route, p)}${rewriteQuery(parsed.search, route, p)}`;
}
