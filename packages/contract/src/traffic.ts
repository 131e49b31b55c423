// `scrub-contract traffic <file.har>`: recorded exchanges (a browser's or a proxy's HAR) checked
// against the specs: a documented status for the operation, a documented message, the body schema.
// Optionally each request is sent again to a mock and the answers compared. Reports never hold a
// credential or a personal value.
import { readFileSync } from 'node:fs';
import { type Req, send } from './http.js';
import { credentialRedactor, PERSONAL_KEYS } from './redact.js';
import { type Shape, shapeDifferences, shapeOf } from './shape.js';
import { messageOf, type Operation, operations, ResponseValidator, templateMatches } from './spec.js';

interface HarHeader {
  name: string;
  value: string;
}
interface HarEntry {
  /** Playwright's mark of a request a service worker made (an MSW worker passing a page's call through). */
  _serviceWorkerRef?: string;
  request: { method: string; url: string; headers?: HarHeader[]; postData?: { text?: string } };
  response: {
    status: number;
    headers?: HarHeader[];
    content?: { text?: string; encoding?: string; mimeType?: string };
  };
}

const CREDENTIAL_HEADERS = new Set(['x-api-key', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

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

const pattern = (path: string) =>
  new RegExp(`^(?:/[^?]*?)??${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
const routes = operations.map((op) => ({ op, re: pattern(op.path) }));

/** The operation of a recorded request (a base path before the documented path is allowed). */
function operationOf(method: string, pathname: string): { op?: Operation; onPath: Operation[] } {
  const onPath = routes.filter((r) => r.re.test(pathname)).map((r) => r.op);
  return { op: onPath.find((op) => op.method === method.toUpperCase()), onPath };
}

function bodyText(content: HarEntry['response']['content']): string {
  if (!content?.text) return '';
  return content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
}

const parse = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/** The problems of one answer for the operations of its path. */
function judge(
  validator: ResponseValidator,
  candidates: Operation[],
  status: number,
  json: unknown,
  text: string,
): string[] {
  const documented = candidates.filter((op) => op.responses.has(status));
  if (!documented.length)
    return [`status ${status} is not documented for ${candidates.map((o) => o.operationId).join(' or ')}`];
  if (json === undefined)
    return [text ? 'the body is not JSON' : 'the body is empty (a documented answer has a JSON body)'];
  const problems: string[] = [];
  if (status >= 400) {
    const message = messageOf(json);
    const known = documented.some((op) =>
      op.errors.some((e) => e.status === status && message !== undefined && templateMatches(e.message, message)),
    );
    if (!known) problems.push(`message ${JSON.stringify(message ?? null)} is not documented for ${status}`);
  }
  // valid against any of the candidates' schemas (several only for a 405 on a shared path)
  const schemaProblems = documented.map((op) => validator.check(op, status, json));
  if (schemaProblems.every((p) => p.length)) problems.push(...schemaProblems[0]!);
  return problems;
}

/** Checks the API calls recorded in a HAR file. */
export async function checkTraffic(file: string, options: TrafficOptions = {}): Promise<TrafficReport> {
  let har: { log?: { entries?: HarEntry[] } };
  try {
    har = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a HAR file: ${(error as Error).message}`);
  }
  const entries = har.log?.entries;
  if (!Array.isArray(entries)) throw new Error(`${file} is not a HAR file: no log.entries`);

  const secrets: string[] = [];
  for (const e of entries)
    for (const h of e.request.headers ?? [])
      if (CREDENTIAL_HEADERS.has(h.name.toLowerCase()))
        secrets.push(h.value.trim(), h.value.replace(/^Token token=/, '').trim());
  const redact = credentialRedactor(secrets);

  const validator = new ResponseValidator();
  const exchanges: TrafficExchange[] = [];
  /** Ids the replay target gave for ids of the recording (a created projection has another id there). */
  const ids = new Map<string, string>();
  const unreplayable = new Set<string>();
  const mapIds = (text: string) => [...ids].reduce((t, [recorded, replayed]) => t.split(recorded).join(replayed), text);

  for (const entry of entries) {
    const url = new URL(entry.request.url);
    const method = entry.request.method.toUpperCase();
    const query = [...new URLSearchParams(url.search)]
      .map(([k, v]) => `${encodeURIComponent(k)}=${PERSONAL_KEYS.has(k) ? '[redacted]' : encodeURIComponent(v)}`)
      .join('&');
    // an author id in a path is a learner's id: as personal as `author_id` in a body
    const pathname = url.pathname.replace(/(\/author\/)[^/]+/, '$1[redacted]');
    const shown = redact(`${method} ${pathname}${query ? `?${query}` : ''}`);
    const { op, onPath } = operationOf(method, url.pathname);
    const status = entry.response.status;
    // a service worker's copy of a page's call is not a call of its own (the page's entry has the answer)
    if (!onPath.length || method === 'OPTIONS' || url.pathname.startsWith('/__mock/') || entry._serviceWorkerRef) {
      exchanges.push({ request: redact(`${method} ${pathname}`), status, state: 'ignored', problems: [] }); // no query: not ours to judge
      continue;
    }
    const text = bodyText(entry.response.content);
    const json = parse(text);
    const problems = judge(validator, op ? [op] : onPath, status, json, text).map(redact);
    const exchange: TrafficExchange = {
      request: shown,
      ...(op ? { operationId: op.operationId } : {}),
      status,
      state: problems.length ? 'failed' : 'ok',
      problems,
    };

    const length = Number(
      (entry.request.headers ?? []).find((h) => h.name.toLowerCase() === 'content-length')?.value ?? 0,
    );
    const raw = `${url.pathname}${url.search}\n${entry.request.postData?.text ?? ''}`;
    const dependsOn = [...unreplayable].find((id) => raw.includes(id));
    if (options.replay && length > 0 && entry.request.postData?.text === undefined) {
      // a recorder that kept no request body (Chromium's HAR, for some fetches)
      exchange.replay = { status: 0, differences: [], skipped: 'not replayed: the recording holds no request body' };
      const created = (json as { projection_id?: unknown } | undefined)?.projection_id;
      if (typeof created === 'string') unreplayable.add(created);
    } else if (options.replay && dependsOn) {
      exchange.replay = {
        status: 0,
        differences: [],
        skipped: `not replayed: it names ${dependsOn}, created by a request that was not replayed`,
      };
    } else if (options.replay) {
      const headers = Object.fromEntries(
        (entry.request.headers ?? [])
          .filter(
            (h) =>
              !h.name.startsWith(':') &&
              !['host', 'content-length', 'connection', 'origin', 'referer', 'cookie', 'accept-encoding'].includes(
                h.name.toLowerCase(),
              ),
          )
          .map((h) => [h.name.toLowerCase(), h.value]),
      );
      const req: Req = {
        method,
        path: mapIds(url.pathname),
        ...(url.search ? { query: mapIds(url.search.slice(1)) } : {}),
        headers,
        ...(entry.request.postData?.text !== undefined ? { body: mapIds(entry.request.postData.text) } : {}),
      };
      try {
        const res = await send(options.replay, req);
        const differences: string[] = [];
        if (res.status !== status) differences.push(`status: ${status} recorded, ${res.status} replayed`);
        const recordedMessage = messageOf(json);
        const replayedMessage = messageOf(res.json);
        if (recordedMessage !== replayedMessage)
          differences.push(
            `message: ${JSON.stringify(recordedMessage ?? null)} recorded, ${JSON.stringify(replayedMessage ?? null)} replayed`,
          );
        // the same requests on the mock's same data: every key counts
        differences.push(
          ...shapeDifferences(
            JSON.parse(shapeOf(json)) as Shape,
            JSON.parse(shapeOf(res.json)) as Shape,
            'body',
            true,
          ).map((d) =>
            d
              .replace(/: (\S+) vs (\S+)$/, ': $1 recorded, $2 replayed')
              .replace('only in A', 'only recorded')
              .replace('only in B', 'only replayed'),
          ),
        );
        const recordedId = (json as { projection_id?: unknown } | undefined)?.projection_id;
        const replayedId = (res.json as { projection_id?: unknown } | undefined)?.projection_id;
        if (typeof recordedId === 'string' && typeof replayedId === 'string' && recordedId !== replayedId)
          ids.set(recordedId, replayedId);
        exchange.replay = { status: res.status, differences: differences.map(redact) };
      } catch (error) {
        exchange.replay = { status: 0, differences: [redact(`the replay failed: ${(error as Error).message}`)] };
      }
      if (exchange.replay.differences.length) exchange.state = 'failed';
    }
    exchanges.push(exchange);
  }
  return {
    file,
    exchanges,
    ...(options.replay ? { replayedAgainst: options.replay } : {}),
    ok: exchanges.every((e) => e.state !== 'failed'),
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function trafficMarkdown(r: TrafficReport): string {
  const calls = r.exchanges.filter((e) => e.state !== 'ignored');
  const lines = [`## Recorded traffic: ${r.file}`, ''];
  if (r.replayedAgainst) lines.push(`Replayed against ${r.replayedAgainst}.`, '');
  lines.push('| request | operation | status | result |', '|---|---|---:|---|');
  for (const e of calls) {
    const notes = [
      ...e.problems,
      ...(e.replay?.differences.map((d) => `replay: ${d}`) ?? []),
      ...(e.replay?.skipped ? [e.replay.skipped] : []),
    ];
    lines.push(
      `| ${cell(e.request)} | ${e.operationId ?? '(no such method)'} | ${e.status} | ${cell(e.state === 'ok' ? ['ok', ...notes].join('; ') : notes.join('; '))} |`,
    );
  }
  lines.push(
    '',
    `${calls.length} API calls: ${calls.filter((e) => e.state === 'ok').length} ok, ${calls.filter((e) => e.state === 'failed').length} failed; ${r.exchanges.length - calls.length} other requests ignored`,
  );
  return lines.join('\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function trafficJunit(r: TrafficReport): string {
  const calls = r.exchanges.filter((e) => e.state !== 'ignored');
  const tests = calls.map((e, i) => {
    const notes = [...e.problems, ...(e.replay?.differences.map((d) => `replay: ${d}`) ?? [])];
    return `    <testcase classname="traffic.${xml(e.operationId ?? 'unknown')}" name="${xml(`#${i + 1} ${e.request} -> ${e.status}`)}">${notes.length ? `<failure message="${xml(notes[0]!)}">${xml(notes.join('\n'))}</failure>` : ''}</testcase>`;
  });
  const failures = calls.filter((e) => e.state === 'failed').length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="scrub-contract traffic">\n  <testsuite name="${xml(r.file)}" tests="${tests.length}" failures="${failures}">\n${tests.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
