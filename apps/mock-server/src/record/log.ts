// How a request appears in the recorder's log line: the mock server's rules (docs/decisions.md "The
// standalone server: start, log, shutdown"): no query string, no key or token, one line, cut short;
// and no author id, which is personal (the path segment after `/author/` is shown as `{id}`).

/** Longest path a log line repeats. */
const SHOWN = 120;

/** The path of a request target (origin-form, as the proxy forwards it) as a log line may show it. */
export function loggedPath(target: string): string {
  const path = (target.split(/[?#]/, 1)[0] ?? '').replace(/\/author\/[^/]*/g, '/author/{id}');
  const cut = path.length > SHOWN ? `${path.slice(0, SHOWN)}…` : path;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `METHOD /path STATUS ms`: the one line per request. */
export function logLine(method: string, target: string, outcome: number | string, started: number): string {
  return `${method} ${loggedPath(target)} ${outcome} ${(performance.now() - started).toFixed(1)}ms`;
}
