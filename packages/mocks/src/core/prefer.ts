// `Prefer` header controls (api-decisions.md "Mock control"): code=, example=, delay=, fault=reset.

export interface Preferences {
  code?: number;
  example?: string;
  delay?: number;
  fault?: 'reset';
  /** Tokens the mock does not understand, for the log. */
  ignored: string[];
}

const TOKEN = /\s*([A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,;]*)\s*[,;]?/gy;
const MAX_DELAY_MS = 60_000;

export function parsePrefer(header: string | undefined): Preferences | undefined {
  if (!header) return undefined;
  const prefs: Preferences = { ignored: [] };
  TOKEN.lastIndex = 0;
  let rest = header;
  for (let match = TOKEN.exec(header); match && match[0] !== ''; match = TOKEN.exec(header)) {
    rest = header.slice(TOKEN.lastIndex);
    const name = match[1]!.toLowerCase();
    const raw = match[2]!.trim();
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (name === 'code' && /^[1-5]\d\d$/.test(value)) prefs.code = Number(value);
    else if (name === 'example' && value) prefs.example = value;
    else if (name === 'delay' && /^\d+$/.test(value)) prefs.delay = Math.min(Number(value), MAX_DELAY_MS);
    else if (name === 'fault' && value === 'reset') prefs.fault = 'reset';
    else prefs.ignored.push(`${name}=${value}`);
  }
  if (rest.trim()) prefs.ignored.push(rest.trim());
  return prefs;
}
