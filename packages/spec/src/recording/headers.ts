// Headers pseudonymised: the ID-check key and the text-assessment token get fresh values of their
// fixture project or account (the scheme kept), cookies are dropped, other credential-named headers
// get fresh secrets. docs/decisions.md "Recordings: what is personal, and its pseudonyms".
import type { Header } from './exchange.js';
import { isCredentialName } from './personal.js';
import type { Pseudonymise } from './pseudonyms.js';

const DROPPED = new Set(['cookie', 'set-cookie', 'set-cookie2']);
const AUTHORIZATION = new Set(['authorization', 'proxy-authorization']);
// `Token token=<t>` (text assessment; Rails allows quotes), else `<scheme> <credentials>`
const TOKEN = /^(Token\s+token=)("?)([^"]*)\2$/i;
const SCHEME = /^(\S+\s+)(.+)$/;

/** The token of a text-assessment `Authorization` value, or undefined. */
export const tokenOf = (authorization: string | undefined) =>
  authorization ? TOKEN.exec(authorization.trim())?.[3] : undefined;

function authorization(value: string, p: Pseudonymise): string {
  const trimmed = value.trim();
  const token = TOKEN.exec(trimmed);
  if (token) return `${token[1]}${token[2]}${p.credential('token', token[3]!)}${token[2]}`;
  const scheme = SCHEME.exec(trimmed);
  return scheme ? `${scheme[1]}${p.credential('secret', scheme[2]!)}` : p.credential('secret', trimmed);
}

/** The headers with every credential replaced and cookies dropped; other headers as they are. */
export function rewriteHeaders(headers: readonly Header[], p: Pseudonymise): Header[] {
  const out: Header[] = [];
  for (const { name, value } of headers) {
    const lower = name.toLowerCase();
    if (DROPPED.has(lower)) continue;
    if (lower === 'x-api-key') out.push({ name, value: p.credential('api-key', value.trim()) });
    else if (AUTHORIZATION.has(lower)) out.push({ name, value: authorization(value, p) });
    else if (isCredentialName(lower)) out.push({ name, value: p.credential('secret', value) });
    else out.push({ name, value });
  }
  return out;
}
