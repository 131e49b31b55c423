// `Prefer` header controls (docs/decisions.md "Mock control"): code=, example=, delay=, fault=reset.

export interface Preferences {
  code?: number;
  example?: string;
  delay?: number;
  fault?: 'reset';
  /** Tokens the mock does not understand, for the log. */
  ignored: string[];
}

// one token: `name`, or `name=value` with value quoted (may hold `,` and `;`) or bare
const TOKEN = /\s*([^=,;\s]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[^,;]*))?\s*(?:[,;]|$)/y;
/** The longest delay a `Prefer` header or an arm may ask for. */
export const MAX_DELAY_MS = 60_000;

export function parsePrefer(header: string | undefined): Preferences | undefined {
  if (!header) return undefined;
  const prefs: Preferences = { ignored: [] };
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < header.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(header);
    if (!match || TOKEN.lastIndex === at) {
      // not a token at all (e.g. a stray `=`): skip to the next separator
      const next = header.slice(at).search(/[,;]/);
      prefs.ignored.push(header.slice(at, next === -1 ? undefined : at + next).trim());
      if (next === -1) break;
      TOKEN.lastIndex = at + next + 1;
      continue;
    }
    const name = match[1]!.toLowerCase();
    const raw = (match[2] ?? '').trim();
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (name === 'code' && /^[1-5]\d\d$/.test(value)) prefs.code = Number(value);
    else if (name === 'example' && value) prefs.example = value;
    else if (name === 'delay' && /^\d+$/.test(value)) prefs.delay = Math.min(Number(value), MAX_DELAY_MS);
    else if (name === 'fault' && value === 'reset') prefs.fault = 'reset';
    else prefs.ignored.push(match[2] === undefined ? name : `${name}=${value}`);
  }
  prefs.ignored = prefs.ignored.filter(Boolean);
  return prefs;
}

/** The ignored tokens for a warning: at most five, each cut to 40 characters, control characters escaped. */
export function describeIgnored(ignored: readonly string[]): string {
  const shown = ignored
    .slice(0, 5)
    .map((token) =>
      (token.length > 40 ? `${token.slice(0, 40)}…` : token).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?'),
    );
  return shown.join(', ') + (ignored.length > 5 ? ` (+${ignored.length - 5} more)` : '');
}
