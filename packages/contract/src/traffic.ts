// `scrub-contract traffic <file.har>`: recorded exchanges (a browser's or a proxy's HAR) checked
// against the specs: a documented status for the operation, a documented message, the body schema.
// Optionally each request is sent again to a mock and the answers compared. Reports never hold a
// credential or a personal value.
import { bodyText, type HarEntry, parseJson, readHar, recordedSecrets } from './har.js';
import { recordedProblems } from './judge.js';
import { credentialRedactor, PERSONAL_KEYS } from './redact.js';
import { type JunitCase, junitXml } from './render/junit.js';
import { row } from './render/markdown.js';
import { Replayer } from './replay.js';
import { routesOn } from './routes.js';
import { type Operation, operations, ResponseValidator } from './spec.js';

export interface TrafficExchange {
  /** `METHOD /path?query`, personal query values redacted. */
  request: string;
  operationId?: string;
  status: number;
  /** ok: documented; failed: see problems; ignored: not a call of either API (pages, scripts, preflights). */
  state: 'ok' | 'failed' | 'ignored';
  problems: string[];
  /** With `replay`: how the replayed answer differs (status, message, body shape), or why it was not replayed. */
  replay?: { status: number; differences: string[]; skipped?: string };
}

export interface TrafficReport {
  file: string;
  exchanges: TrafficExchange[];
  replayedAgainst?: string;
  ok: boolean;
}

export interface TrafficOptions {
  /** Send every API request again to this base URL (a mock) and compare the answers. */
  replay?: string;
}

/** The operation of a recorded request, and every operation on its path (a base path before it is allowed). */
export function operationOf(method: string, pathname: string): { op?: Operation; onPath: Operation[] } {
  const ids = new Set(routesOn(pathname, { basePath: true }).map((r) => r.operationId as string));
  const onPath = operations.filter((op) => ids.has(op.operationId));
  return { op: onPath.find((op) => op.method === method.toUpperCase()), onPath };
}

/** `METHOD /path?query` with personal values out: query values of personal keys, an author id in the path. */
export function shownRequest(method: string, url: URL, withQuery = true): string {
  const query = [...new URLSearchParams(url.search)]
    .map(([k, v]) => `${encodeURIComponent(k)}=${PERSONAL_KEYS.has(k) ? '[redacted]' : encodeURIComponent(v)}`)
    .join('&');
  // an author id in a path is a learner's id: as personal as `author_id` in a body
  const pathname = url.pathname.replace(/(\/author\/)[^/]+/, '$1[redacted]');
  return `${method} ${pathname}${withQuery && query ? `?${query}` : ''}`;
}

/** Not a call of either API: no operation on the path, a preflight, the mock's controls, a service worker's copy. */
function ignored(entry: HarEntry, url: URL, onPath: readonly Operation[]): boolean {
  const method = entry.request.method.toUpperCase();
  // a service worker's copy of a page's call is not a call of its own (the page's entry has the answer)
  return !onPath.length || method === 'OPTIONS' || url.pathname.startsWith('/__mock/') || !!entry._serviceWorkerRef;
}

/** Checks the API calls recorded in a HAR file. */
export async function checkTraffic(file: string, options: TrafficOptions = {}): Promise<TrafficReport> {
  const entries = readHar(file);
  const redact = credentialRedactor(recordedSecrets(entries));
  const validator = new ResponseValidator();
  const replayer = options.replay ? new Replayer(options.replay, redact) : undefined;
  const exchanges: TrafficExchange[] = [];
  for (const entry of entries) {
    const url = new URL(entry.request.url);
    const method = entry.request.method.toUpperCase();
    const { op, onPath } = operationOf(method, url.pathname);
    const status = entry.response.status;
    if (ignored(entry, url, onPath)) {
      // no query: not ours to judge
      exchanges.push({ request: redact(shownRequest(method, url, false)), status, state: 'ignored', problems: [] });
      continue;
    }
    const text = bodyText(entry.response.content);
    const json = parseJson(text);
    const problems = recordedProblems(validator, op ? [op] : onPath, status, json, text).map(redact);
    const exchange: TrafficExchange = {
      request: redact(shownRequest(method, url)),
      ...(op ? { operationId: op.operationId } : {}),
      status,
      state: problems.length ? 'failed' : 'ok',
      problems,
    };
    if (replayer) {
      exchange.replay = await replayer.replay(entry, json);
      if (exchange.replay.differences.length) exchange.state = 'failed';
    }
    exchanges.push(exchange);
  }
  const replayedAgainst = options.replay ? { replayedAgainst: options.replay } : {};
  return { file, exchanges, ...replayedAgainst, ok: exchanges.every((e) => e.state !== 'failed') };
}

const replayNotes = (e: TrafficExchange) => e.replay?.differences.map((d) => `replay: ${d}`) ?? [];

/** The recording as a Markdown table of its API calls, then a summary line. */
export function trafficMarkdown(r: TrafficReport): string {
  const calls = r.exchanges.filter((e) => e.state !== 'ignored');
  const lines = [`## Recorded traffic: ${r.file}`, ''];
  if (r.replayedAgainst) lines.push(`Replayed against ${r.replayedAgainst}.`, '');
  lines.push('| request | operation | status | result |', '|---|---|---:|---|');
  for (const e of calls) {
    const notes = [...e.problems, ...replayNotes(e), ...(e.replay?.skipped ? [e.replay.skipped] : [])];
    const result = e.state === 'ok' ? ['ok', ...notes].join('; ') : notes.join('; ');
    lines.push(row([e.request, e.operationId ?? '(no such method)', e.status, result]));
  }
  const count = (state: TrafficExchange['state']) => calls.filter((e) => e.state === state).length;
  lines.push(
    '',
    `${calls.length} API calls: ${count('ok')} ok, ${count('failed')} failed; ` +
      `${r.exchanges.length - calls.length} other requests ignored`,
  );
  return lines.join('\n');
}

/** The recording as JUnit XML: a test case per API call, a failure per problem or replay difference. */
export function trafficJunit(r: TrafficReport): string {
  const calls = r.exchanges.filter((e) => e.state !== 'ignored');
  const tests = calls.map((e, i): JunitCase => {
    const notes = [...e.problems, ...replayNotes(e)];
    return {
      classname: `traffic.${e.operationId ?? 'unknown'}`,
      name: `#${i + 1} ${e.request} -> ${e.status}`,
      ...(notes.length ? { failure: { message: notes[0]!, detail: notes.join('\n') } } : {}),
    };
  });
  return junitXml('scrub-contract traffic', [{ name: r.file, cases: tests }], { countSkipped: false });
}
