// The recording proxy: a node:http server that forwards every request to the upstream with fetch and
// hands back its answer as it came (status, headers, body bytes), keeping each exchange in memory
// (bodies as text) for the recording. Nothing is written here: see write.ts. It guards itself as the
// mock does (docs/decisions.md "Admin routes and the browser"): what it refuses is neither forwarded
// nor recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAdminPath, type MockResponse } from '@scrub/mocks/core';
import { Guard, isLoopbackAddress } from '@scrub/mocks/http';
import type { Exchange, Header } from '@scrub/spec/recording';
import { carriesBody, forwardedRequestHeaders, returnedResponseHeaders } from './headers.js';
import { logLine } from './log.js';

export interface RecordingProxyOptions {
  /** Where requests go: an http(s) origin, with a base path the request paths are appended to. */
  upstream: URL;
  /** One line per request (`METHOD /path STATUS ms`); none when absent. */
  log?: (line: string) => void;
  /** Host names accepted besides loopback ones (`localhost`, `127.x.x.x`, `[::1]`) while it listens on loopback. */
  allowedHosts?: readonly string[];
  /** Browser origins whose `/__mock/*` requests are forwarded; by default one there with an `Origin` gets 403. */
  adminOrigins?: readonly string[];
}

export interface RecordingProxy {
  server: Server;
  /** The exchanges answered so far, in the order their requests arrived. */
  exchanges(): readonly Exchange[];
  /**
   * No new connections; requests in flight may finish for up to `graceMs`, then they are cut off (their
   * exchanges are not kept). Called again while stopping, it cuts them off at once.
   */
  stop(graceMs: number): Promise<{ forced: boolean }>;
}

interface ProxyContext {
  readonly upstream: URL;
  readonly log: ((line: string) => void) | undefined;
  /** The Host and Origin checks; `loopbackOnly` is set once the server listens. */
  readonly guard: Guard;
  /** One slot per request, in arrival order; filled when the upstream's answer is complete. */
  readonly slots: (Exchange | undefined)[];
  /** The upstream calls in flight: a forced stop aborts them. */
  readonly calls: Set<AbortController>;
  /** Set by the first `stop()`: it resolves once the server is closed; `cut` ends the grace at once. */
  stopping: { closed: Promise<{ forced: boolean }>; cut: () => void } | undefined;
}

/** An answer the proxy makes itself (the upstream gave none): JSON with a message. */
interface OwnAnswer {
  status: number;
  message: string;
}

export function createRecordingProxy(options: RecordingProxyOptions): RecordingProxy {
  const context: ProxyContext = {
    upstream: options.upstream,
    log: options.log,
    guard: new Guard({ allowedHosts: options.allowedHosts ?? [], adminOrigins: options.adminOrigins ?? [] }),
    slots: [],
    calls: new Set(),
    stopping: undefined,
  };
  const server = createServer((req, res) => {
    res.sendDate = false; // the upstream's Date, or none: not one of ours
    proxied(context, req, res).catch(() => {
      // an answer Node refuses to write as it came (a header it rejects): the client gets no half of it
      if (res.headersSent) res.destroy();
      else send(context, res, ownAnswer({ status: 502, message: 'the upstream answer could not be handed back' }));
    });
  });
  server.on('listening', () => {
    const address = server.address();
    context.guard.loopbackOnly = typeof address === 'object' && address !== null && isLoopbackAddress(address.address);
  });
  return {
    server,
    exchanges: () => context.slots.filter((slot) => slot !== undefined),
    stop: (graceMs) => stop(context, server, graceMs),
  };
}

function stop(context: ProxyContext, server: Server, graceMs: number): Promise<{ forced: boolean }> {
  if (context.stopping) {
    context.stopping.cut();
    return context.stopping.closed;
  }
  let forced = false;
  const cut = () => {
    forced = true;
    for (const call of context.calls) call.abort();
    server.closeAllConnections();
  };
  const timer = setTimeout(cut, graceMs);
  const closed = new Promise<{ forced: boolean }>((resolve) =>
    server.close(() => {
      clearTimeout(timer);
      resolve({ forced });
    }),
  );
  context.stopping = { closed, cut };
  server.closeIdleConnections();
  return closed;
}

/** The URL a request target goes to: the upstream's origin and base path, then the target's path and query. */
export function upstreamUrl(upstream: URL, target: string): URL {
  // origin-form as it came (`/v3/x?y`); absolute-form (a client set up for a forward proxy) by its path
  const absolute = !target.startsWith('/') && URL.canParse(target) ? new URL(target) : undefined;
  const path = absolute ? absolute.pathname + absolute.search : target.startsWith('/') ? target : '/';
  return new URL(upstream.origin + upstream.pathname.replace(/\/$/, '') + path);
}

/**
 * Why a request is not forwarded: a Host that is not this machine's (DNS rebinding: the proxy sends the
 * upstream its own Host, so the upstream's check never sees the page's), or a web page at `/__mock/*`.
 */
function refusalOf(guard: Guard, upstream: URL, url: URL, req: IncomingMessage): MockResponse | undefined {
  const refusal = guard.hostRefusal(req.headers.host);
  if (refusal) return refusal;
  // the path the upstream gets (dot segments resolved), with and without the upstream's base path
  const { pathname } = url;
  const base = upstream.pathname.replace(/\/$/, '');
  const admin = isAdminPath(pathname) || (pathname.startsWith(`${base}/`) && isAdminPath(pathname.slice(base.length)));
  return admin ? guard.adminRefusal(req) : undefined;
}

/** A refusal as the mock writes it: JSON, no CORS header. */
function refusalAnswer(refusal: MockResponse) {
  const body = Buffer.from(refusal.body ?? '');
  const headers = Object.entries(refusal.headers).map(([name, value]) => ({ name, value }));
  headers.push({ name: 'content-length', value: String(body.length) });
  return { status: refusal.status, statusText: '', headers, body };
}

async function proxied(context: ProxyContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const startedDateTime = new Date().toISOString();
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  const done = (outcome: number | string) => context.log?.(logLine(method, target, outcome, started));
  const url = upstreamUrl(context.upstream, target);
  const refusal = refusalOf(context.guard, context.upstream, url, req);
  if (refusal) return done(send(context, res, refusalAnswer(refusal))); // its body is never read
  const slot = context.slots.push(undefined) - 1;
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    return done('aborted');
  }
  if (method === 'GET' || method === 'HEAD') body = Buffer.alloc(0); // fetch sends none: neither is kept
  const headers = forwardedRequestHeaders(req.rawHeaders);
  const answer = await call(context, method, url, headers, body);
  if ('message' in answer) return done(send(context, res, ownAnswer(answer)));
  const { response, bytes } = answer;
  const returned = returnedResponseHeaders(method, response.status, response.headers);
  context.slots[slot] = {
    startedDateTime,
    time: performance.now() - started,
    request: { method, url: url.href, headers, ...text(body) },
    response: { status: response.status, statusText: response.statusText, headers: returned, ...text(bytes) },
  };
  const length = carriesBody(method, response.status) ? [{ name: 'content-length', value: String(bytes.length) }] : [];
  const { status, statusText } = response;
  done(send(context, res, { status, statusText, headers: [...returned, ...length], body: bytes }));
}

/** A body as the exchange keeps it: UTF-8 text, none when empty. */
function text(bytes: Buffer): { body?: string } {
  return bytes.length ? { body: bytes.toString('utf8') } : {};
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => reject(new Error('aborted'))); // after 'end' this changes nothing
  });
}

/** The upstream's answer, read whole; or why there is none (naming the upstream's origin, nothing else). */
async function call(
  context: ProxyContext,
  method: string,
  url: URL,
  headers: readonly Header[],
  body: Buffer,
): Promise<{ response: Response; bytes: Buffer } | OwnAnswer> {
  const controller = new AbortController();
  context.calls.add(controller);
  try {
    const response = await fetch(url, {
      method,
      headers: headers.map(({ name, value }): [string, string] => [name, value]),
      ...(body.length ? { body: new Uint8Array(body) } : {}),
      redirect: 'manual',
      signal: controller.signal,
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  } catch (error) {
    if (controller.signal.aborted)
      return { status: 502, message: `the recording stopped before ${url.origin} answered` };
    const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
    const why = typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : '';
    return { status: 502, message: `the recording proxy could not reach the upstream ${url.origin}${why}` };
  } finally {
    context.calls.delete(controller);
  }
}

function ownAnswer({ status, message }: OwnAnswer) {
  const body = Buffer.from(JSON.stringify({ message }));
  const headers = [
    { name: 'content-type', value: 'application/json' },
    { name: 'content-length', value: String(body.length) },
  ];
  return { status, statusText: '', headers, body };
}

/** Writes an answer (`connection: close` while stopping); what the log line shows as its outcome. */
function send(
  context: ProxyContext,
  res: ServerResponse,
  answer: { status: number; statusText: string; headers: readonly Header[]; body: Buffer },
): number | string {
  if (res.destroyed || res.socket?.destroyed) return 'aborted';
  const flat = answer.headers.flatMap(({ name, value }) => [name, value]);
  if (context.stopping) flat.push('connection', 'close');
  if (answer.statusText) res.writeHead(answer.status, answer.statusText, flat);
  else res.writeHead(answer.status, flat);
  res.end(answer.body);
  return answer.status;
}
