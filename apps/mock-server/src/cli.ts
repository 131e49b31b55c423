#!/usr/bin/env node
// `pnpm mock`: the Scrub mock server of both API areas on one port: the flags, checked, handed to
// `startMockServer` (the library's one way to start it), then the ready line and the signals.
import { parseArgs } from 'node:util';
import { type RunningMockServer, startMockServer } from './start.js';

const USAGE =
  'Usage: npx @scrub/mock-server [options]   ' +
  '(installed: scrub-mock [options]; in the Scrub repository: pnpm mock -- [options])';
const HELP = `${USAGE}

Serves the ID-check API (/v3/...) and the text-assessment API (/{version}/account/...) on one port,
with in-memory state seeded from a fixture.

Options:
  -p, --port <n>               port to listen on (default: env PORT, else 4010; 0 picks a free one)
      --host <addr>            address to bind (default: 127.0.0.1; anything but loopback prints a warning)
  -f, --fixture <file.json>    seed state from this fixture file instead of the built-in one
      --results-not-ready <n>  polls of a text's results answered "results_not_ready" first (default: 1)
      --admin-origin <origin>  a browser origin allowed to use /__mock/* (repeatable; e.g. the
                               playground's http://localhost:5173); by default no web page can
      --allowed-host <name>    a Host name accepted besides localhost, 127.x.x.x and [::1] while
                               bound to loopback (repeatable; guards against DNS rebinding)
      --admin-token <token>    require "Authorization: Bearer <token>" on /__mock/* (or set env
                               SCRUB_MOCK_ADMIN_TOKEN, which keeps it out of the process list)
      --grace <ms>             on SIGINT/SIGTERM, how long requests in flight may finish (default 5000)
  -q, --quiet                  no per-request log lines
  -h, --help                   show this help

API reference (Redoc, rendered from openapi/): GET /docs

Admin endpoints (curl and server-side code; a request with a foreign Origin header gets 403):
  POST /__mock/reset           back to the fixture (arms and journal cleared too)
  GET  /__mock/state           the whole state as fixture JSON
  PUT  /__mock/state           replace the state (body: fixture JSON; a bad one is refused with 400)
  POST /__mock/arm             arm the next requests of an operation: {"operationId", one of "status",
                               "message", "fault" (reset, apply-then-reset, stall, truncate,
                               invalid-json), "delay"?, "times"?}; GET lists, DELETE drops them
  GET  /__mock/requests        the request journal (?operationId= filters); DELETE empties it
  Header x-mock-session: <name> gives a test worker its own state, arms and journal (API routes too).

Stopping: SIGINT/SIGTERM stop accepting connections and let requests in flight finish (up to
--grace ms), then exit 0; a second signal (half a second or more after the first) stops at once.

Per-request controls (header "Prefer"): code=<status>, example="<exact message>", delay=<ms>,
fault=reset. See the root README for the built-in fixture's keys and tokens.`;

function fail(message: string): never {
  console.error(`scrub-mock: ${message}\nRun with --help for usage.`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    fail(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

let args: ReturnType<typeof parseOptions>;
try {
  args = parseOptions();
} catch (error) {
  fail((error as Error).message);
}

function parseOptions() {
  return parseArgs({
    // `pnpm <script> -- --flag` hands the `--` through; it is not a separator here
    args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--')),
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', default: '127.0.0.1' },
      fixture: { type: 'string', short: 'f' },
      'results-not-ready': { type: 'string' },
      'admin-origin': { type: 'string', multiple: true, default: [] },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      'admin-token': { type: 'string' },
      grace: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const port = integer('--port', args.port ?? process.env.PORT, 0, 65535) ?? 4010;
const resultsNotReadyPolls = integer('--results-not-ready', args['results-not-ready'], 0, 1000);
const grace = integer('--grace', args.grace, 0, 600_000) ?? 5_000;
for (const origin of args['admin-origin']) {
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {}
  if (!parsed || parsed.origin !== origin)
    fail(`--admin-origin must be an origin like http://localhost:5173 (scheme, host, port; no path), got "${origin}"`);
}
const adminToken = args['admin-token'] ?? process.env.SCRUB_MOCK_ADMIN_TOKEN;
if (adminToken !== undefined && !/^[\x21-\x7e]{8,}$/.test(adminToken))
  fail('the admin token must be at least 8 visible ASCII characters');
let running: RunningMockServer | undefined;
// installed before the server listens: a signal right after the ready line must find them
let stopping: number | undefined;
// A launcher that forwards signals (npx, bunx) gets the one a terminal or `kill -- -pgid` sends to the
// whole process group and passes it on: the server sees it twice within moments. That echo is one
// signal; only a second one later than this stops at once.
const ECHO_MS = 500;
function shutdown(signal: string) {
  if (stopping !== undefined) {
    if (performance.now() - stopping < ECHO_MS) return;
    console.log(`${signal} again: stopping now`);
    process.exit(0);
  }
  stopping = performance.now();
  console.log(`${signal}: finishing requests in flight (up to ${grace} ms), then stopping`);
  if (!running) process.exit(0); // not listening yet: nothing in flight
  void running.close(grace).then(({ forced }) => {
    if (forced) console.log(`stopped: requests still in flight after ${grace} ms were cut off`);
    process.exit(0);
  });
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

try {
  running = await startMockServer({
    ...(args.fixture === undefined ? {} : { fixture: args.fixture }),
    port,
    host: args.host,
    quiet: args.quiet,
    ...(resultsNotReadyPolls === undefined ? {} : { resultsNotReadyPolls }),
    adminOrigins: args['admin-origin'],
    allowedHosts: args['allowed-host'],
    ...(adminToken === undefined ? {} : { adminToken }),
  });
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  fail(code === 'EADDRINUSE' ? `${message} (try --port)` : message);
}
running.server.on('error', (error: NodeJS.ErrnoException) => fail(error.message));
announce(running);

/** The ready line (loopback shown as `localhost`), and a warning when other machines can reach the server. */
function announce({ server, port: bound }: RunningMockServer) {
  const address = server.address();
  const loopback =
    typeof address === 'object' &&
    address !== null &&
    (address.address.startsWith('127.') || address.address === '::1');
  const host = loopback ? 'localhost' : args.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  console.log(`Scrub mock server listening on ${url} (fixture: ${args.fixture ?? 'built-in'})`);
  if (loopback) return;
  const admin =
    adminToken === undefined
      ? ' and read, replace or reset the state through /__mock (set --admin-token or SCRUB_MOCK_ADMIN_TOKEN)'
      : '';
  console.warn(
    `warning: listening on ${args.host}, not a loopback address: ` +
      `anyone who can reach it can use the API keys of the fixture${admin}.`,
  );
}
