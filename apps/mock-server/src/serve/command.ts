// `scrub-mock [options]`: the mock server of both API areas on one port: the flags, checked, handed to
// `startMockServer` (the library's one way to start it), then the ready line and the signals.
import { parseArgs } from 'node:util';
import { onStopSignals } from '../command/signals.js';
import { checkOrigins, integer, usageError } from '../command/usage.js';
import { type RunningMockServer, type StartMockServerOptions, startLogged } from '../start.js';
import { SERVE_HELP } from './help.js';
import { RequestLog } from './request-log.js';

const COMMAND = 'scrub-mock';
/** How long an exit waits for stdout to take the lines still queued (a stdout nobody reads must not hold it). */
const STDOUT_WAIT_MS = 2_000;
function fail(message: string): never {
  return usageError(COMMAND, message);
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
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
  } catch (error) {
    return fail((error as Error).message);
  }
}
type ServeArgs = ReturnType<typeof parseOptions>;

/** The flags as `startMockServer` options (bad ones exit 2), and the grace period of a stop. */
function serverOptions(args: ServeArgs): { options: StartMockServerOptions; grace: number } {
  const port = integer(COMMAND, '--port', args.port ?? process.env.PORT, 0, 65535) ?? 4010;
  const resultsNotReadyPolls = integer(COMMAND, '--results-not-ready', args['results-not-ready'], 0, 1000);
  const grace = integer(COMMAND, '--grace', args.grace, 0, 600_000) ?? 5_000;
  checkOrigins(COMMAND, args['admin-origin']);
  const adminToken = args['admin-token'] ?? process.env.SCRUB_MOCK_ADMIN_TOKEN;
  if (adminToken !== undefined && !/^[\x21-\x7e]{8,}$/.test(adminToken))
    fail('the admin token must be at least 8 visible ASCII characters');
  const options: StartMockServerOptions = {
    ...(args.fixture === undefined ? {} : { fixture: args.fixture }),
    port,
    host: args.host,
    quiet: args.quiet,
    ...(resultsNotReadyPolls === undefined ? {} : { resultsNotReadyPolls }),
    adminOrigins: args['admin-origin'],
    allowedHosts: args['allowed-host'],
    ...(adminToken === undefined ? {} : { adminToken }),
  };
  return { options, grace };
}

/** Runs the serve command with its arguments (after the program name): listens until a signal. */
export async function serve(argv: string[]): Promise<void> {
  const args = parseOptions(argv);
  if (args.help) {
    console.log(SERVE_HELP);
    process.exit(0);
  }
  const { options, grace } = serverOptions(args);
  // every stdout line of the server goes through one buffered writer, so they keep their order
  const out = new RequestLog();
  const exit = () => out.drain(STDOUT_WAIT_MS).then(() => process.exit(0));
  let running: RunningMockServer | undefined;
  // installed before the server listens: a signal right after the ready line must find them
  onStopSignals(
    (signal) => {
      out.line(`${signal}: finishing requests in flight (up to ${grace} ms), then stopping`);
      if (!running) return void exit(); // not listening yet: nothing in flight
      void running.close(grace).then(({ forced }) => {
        if (forced) out.line(`stopped: requests still in flight after ${grace} ms were cut off`);
        return exit();
      });
    },
    (signal) => {
      out.line(`${signal} again: stopping now`);
      void out.drain(STDOUT_WAIT_MS / 4).then(() => process.exit(0));
    },
  );
  try {
    running = await startLogged(options, options.quiet ? undefined : out.line);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    fail(code === 'EADDRINUSE' ? `${message} (try --port)` : message);
  }
  running.server.on('error', (error: NodeJS.ErrnoException) => fail(error.message));
  announce(running, out, args.host, args.fixture, options.adminToken !== undefined);
}

/** The ready line (loopback shown as `localhost`), and a warning when other machines can reach the server. */
function announce(
  { server, port }: RunningMockServer,
  out: RequestLog,
  bound: string,
  fixture: string | undefined,
  admin: boolean,
) {
  const address = server.address();
  const loopback =
    typeof address === 'object' &&
    address !== null &&
    (address.address.startsWith('127.') || address.address === '::1');
  const host = loopback ? 'localhost' : bound;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  out.line(`Scrub mock server listening on ${url} (fixture: ${fixture ?? 'built-in'})`);
  out.flush(); // whoever waits for the ready line should not wait for the interval
  if (loopback) return;
  const unguarded = admin
    ? ''
    : ' and read, replace or reset the state through /__mock (set --admin-token or SCRUB_MOCK_ADMIN_TOKEN)';
  console.warn(
    `warning: listening on ${bound}, not a loopback address: ` +
      `anyone who can reach it can use the API keys of the fixture${unguarded}.`,
  );
}
