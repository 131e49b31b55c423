// `scrub-mock record ...`: the recording proxy's flags, checked (bad usage exits 2 before anything
// listens), handed to `startRecorder`; on SIGINT/SIGTERM the recording is written by `writeRecording`
// and summed up (see summary.ts).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KEY_MIN_LENGTH } from '@scrub/spec/recording';
import { onStopSignals } from '../command/signals.js';
import { checkOrigins, integer, usageError } from '../command/usage.js';
import { RequestLog } from '../serve/request-log.js';
import { RECORD_HELP } from './help.js';
import { type RunningRecorder, startRecorder, upstreamOf } from './recorder.js';
import { finish } from './summary.js';
import { RECORDING_FILES } from './write.js';

const COMMAND = 'scrub-mock record';
/** How long the last stdout lines may take to go out before the process exits. */
const STDOUT_WAIT_MS = 2_000;

function fail(message: string): never {
  return usageError(COMMAND, message);
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        upstream: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        port: { type: 'string', short: 'p' },
        host: { type: 'string', default: '127.0.0.1' },
        'allowed-host': { type: 'string', multiple: true, default: [] },
        'admin-origin': { type: 'string', multiple: true, default: [] },
        'redact-key': { type: 'string' },
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

/**
 * The recording's directory, checked before anything listens: it can be created or written, and holds
 * no recording unless `force`.
 */
function checkOut(out: string, force: boolean): string {
  const dir = resolve(out);
  let existing = dir;
  while (!existsSync(existing)) existing = dirname(existing);
  if (!statSync(existing).isDirectory())
    fail(existing === dir ? `--out ${out} is a file, not a directory` : `--out ${out}: ${existing} is a file`);
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    fail(`--out ${out}: ${existing} is not writable`);
  }
  const present = Object.values(RECORDING_FILES).filter((file) => existsSync(resolve(dir, file)));
  if (present.length && !force)
    fail(`--out ${out} already holds a recording (${present.join(', ')}): pass --force to replace it`);
  return dir;
}

/** The checked flags. */
function recordOptions(args: ReturnType<typeof parseOptions>) {
  if (args.upstream === undefined) fail('--upstream <url> is required (the server to record)');
  if (args.out === undefined) fail('--out <dir> is required (where the recording goes)');
  let upstream: URL;
  try {
    upstream = upstreamOf(args.upstream);
  } catch (error) {
    fail(`--upstream: ${(error as Error).message}`);
  }
  checkOrigins(COMMAND, args['admin-origin']);
  const key = args['redact-key'] ?? (process.env.SCRUB_REDACT_KEY || undefined);
  if (key !== undefined && key.length < KEY_MIN_LENGTH)
    fail(`the redact key (--redact-key or SCRUB_REDACT_KEY) must be at least ${KEY_MIN_LENGTH} characters`);
  return {
    upstream,
    dir: checkOut(args.out, args.force),
    force: args.force,
    port: integer(COMMAND, '--port', args.port, 0, 65535) ?? 4010,
    host: args.host,
    allowedHosts: args['allowed-host'],
    adminOrigins: args['admin-origin'],
    key,
    grace: integer(COMMAND, '--grace', args.grace, 0, 600_000) ?? 5_000,
    quiet: args.quiet,
  };
}

/** Runs the record command with its arguments (after `record`): records until a signal, then writes and exits. */
export async function record(argv: string[]): Promise<void> {
  const args = parseOptions(argv);
  if (args.help) {
    console.log(RECORD_HELP);
    process.exit(0);
  }
  const options = recordOptions(args);
  // every stdout line goes through one buffered writer (as the server's do), so they keep their order
  const out = new RequestLog();
  let recorder: RunningRecorder | undefined;
  // installed before the proxy listens: a signal right after the ready line must find them
  onStopSignals(
    (signal) => {
      out.line(`${signal}: finishing requests in flight (up to ${options.grace} ms), then writing the recording`);
      if (!recorder) return void out.drain(STDOUT_WAIT_MS).then(() => process.exit(0)); // nothing recorded yet
      void finish(recorder, recorder.stop(options.grace), { ...options, out });
    },
    (signal) => {
      out.line(`${signal} again: cutting off requests in flight`);
      void recorder?.stop(0);
    },
  );
  try {
    recorder = await startRecorder({
      upstream: options.upstream,
      port: options.port,
      host: options.host,
      allowedHosts: options.allowedHosts,
      adminOrigins: options.adminOrigins,
      quiet: options.quiet,
      log: out.line,
      ...(options.key === undefined ? {} : { key: options.key }),
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    fail(code === 'EADDRINUSE' ? `port ${options.port} is already in use (try --port)` : message);
  }
  announce(recorder, options, out);
}

/** The ready line (no credential: the upstream URL has none), and a warning when other machines can reach it. */
function announce(recorder: RunningRecorder, options: { upstream: URL; dir: string; host: string }, out: RequestLog) {
  // from the address it is bound to, as the Host check decides: `::ffff:127.0.0.1` is loopback too
  const { loopback } = recorder;
  const url = loopback ? recorder.url.replace(/\/\/[^/]+:/, '//localhost:') : recorder.url;
  const upstream = options.upstream.origin + options.upstream.pathname.replace(/\/$/, '');
  out.line(`Scrub recording proxy listening on ${url}, forwarding to ${upstream}`);
  out.line(`On SIGINT/SIGTERM (Ctrl-C) it writes the recording into ${options.dir}`);
  out.flush(); // whoever waits for the ready line should not wait for the interval
  if (!loopback)
    console.warn(
      `warning: listening on ${options.host}, not a loopback address: anyone who can reach it can call ` +
        'the upstream through it, and what they send and get is recorded.',
    );
}
