// How a request appears in the recorder's log line. Real traffic passes through it, so a line shows
// less than the mock server's (docs/decisions.md "The standalone server: start, log, shutdown"): no
// query, no key or token, and no id of a person or an account: author, text and account ids appear as
// their template names (`shownPath` of @scrub/spec/recording); a path of neither API as `/…`.
import { shownPath } from '@scrub/spec/recording';

/** Longest path a log line repeats. */
const SHOWN = 120;

/** The path of a request target (origin-form, as the proxy forwards it) as a log line may show it. */
export function loggedPath(method: string, target: string): string {
  const path = shownPath(method, target.split(/[?#]/, 1)[0] ?? '');
  const cut = path.length > SHOWN ? `${path.slice(0, SHOWN)}…` : path;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `METHOD /path STATUS ms`: the one line per request. */
export function logLine(method: string, target: string, outcome: number | string, started: number): string {
  return `${method} ${loggedPath(method, target)} ${outcome} ${(performance.now() - started).toFixed(1)}ms`;
}
