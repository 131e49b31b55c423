// Copy-paste reproductions of a request: a `curl` command whose credentials are environment
// variables (`$SCRUB_CONTRACT_API_KEY`, ...), never their values.
import type { Credentials, Req } from './model.js';
import { CREDENTIAL_ENV } from './setup.js';

/** `'text'` for a POSIX shell. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A shell word for `text` in which every credential value is its `$VARIABLE` (double-quoted). */
function withVariables(text: string, creds: Partial<Credentials>): string {
  const found: [string, string][] = [];
  for (const name of Object.keys(CREDENTIAL_ENV) as (keyof typeof CREDENTIAL_ENV)[]) {
    const value = creds[name];
    if (found.some(([v]) => v === value)) continue; // one key given for two roles
    // short values (test keys like "k") only as a whole header value, never inside other text
    if (value && (value.length >= 4 ? text.includes(value) : text.endsWith(`: ${value}`) || text.endsWith(`=${value}`)))
      found.push([value, CREDENTIAL_ENV[name]]);
  }
  if (!found.length) return quote(text);
  let out = text.replace(/[\\"$`]/g, (c) => `\\${c}`);
  for (const [value, variable] of found) {
    const escaped = value.replace(/[\\"$`]/g, (c) => `\\${c}`);
    out =
      value.length >= 4
        ? out.split(escaped).join(`\${${variable}}`)
        : `${out.slice(0, out.length - escaped.length)}\${${variable}}`;
  }
  return `"${out}"`;
}

/** A body of one repeated character (the 413 cases) as a command substitution, not 1 MiB of text. */
function bodyWord(body: string): string {
  if (body.length > 4096 && body === body[0]!.repeat(body.length))
    return `"$(head -c ${body.length} /dev/zero | tr '\\0' ${quote(body[0]!)})"`;
  return quote(body);
}

/** The `curl` command that sends `req` to `baseUrl`, credentials as environment variables. */
export function toCurl(baseUrl: string, req: Req, creds: Partial<Credentials>): string {
  const url = `${baseUrl.replace(/\/$/, '')}${req.path}${req.query ? `?${req.query}` : ''}`;
  const parts = ['curl', '-sS', '-i', '-X', req.method, withVariables(url, creds)];
  for (const [name, value] of Object.entries(req.headers ?? {}))
    parts.push('-H', withVariables(`${name}: ${value}`, creds));
  if (req.body !== undefined) parts.push('--data-binary', bodyWord(req.body));
  return parts.join(' ');
}
