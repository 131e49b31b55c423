// `startMockServer()`: the mock server of both API areas, started from code (a Vitest globalSetup, a
// Playwright config, a script). The CLI runs through it too, so there is one way to start the server.
import { readFileSync } from 'node:fs';
import {
  createMockHttpServer,
  createMockState,
  type Fixture,
  FixtureError,
  type MockHttpServer,
  type MockState,
} from '@scrub/mocks/http';
import { docsRoutes } from './docs.js';

export interface StartMockServerOptions {
  /** The state's fixture: an object, or the path of a JSON fixture file (default: the built-in fixture). */
  fixture?: Fixture | string;
  /** Port to listen on (default 0: a free port, see `url`). */
  port?: number;
  /** Address to bind (default `127.0.0.1`). */
  host?: string;
  /** No per-request log lines and no warnings (default true); otherwise they go to `console.log`. */
  quiet?: boolean;
  /** Polls of a text's results answered `results_not_ready` first (default 1). */
  resultsNotReadyPolls?: number;
  /** Browser origins (`http://localhost:5173`) allowed to use `/__mock/*`; by default no web page can. */
  adminOrigins?: readonly string[];
  /** Host names accepted besides `localhost`, `127.x.x.x` and `[::1]` while bound to loopback. */
  allowedHosts?: readonly string[];
  /** When set, `/__mock/*` needs `Authorization: Bearer <token>`. */
  adminToken?: string;
}

export interface RunningMockServer {
  /** Where it answers: `http://127.0.0.1:<port>` (or the host given), no trailing slash. */
  url: string;
  /** The port it listens on (the free one picked for port 0). */
  port: number;
  /** The live state it answers from: `state.arm(...)`, `state.requests()`, `state.reset()`. */
  state: MockState;
  /** The underlying `node:http` server. */
  server: MockHttpServer;
  /**
   * Stops as on SIGTERM: no new connections, requests in flight may finish for up to `graceMs`
   * (default 1 000), then the rest are cut off. Resolves once closed; `forced` says whether any were cut.
   */
  close(graceMs?: number): Promise<{ forced: boolean }>;
}

/** The fixture as data: a path is read and parsed; every failure is a `FixtureError` saying which file and why. */
function fixtureData(fixture: Fixture | string | undefined): unknown {
  if (typeof fixture !== 'string') return fixture;
  let text: string;
  try {
    text = readFileSync(fixture, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FixtureError(`cannot read fixture ${fixture}: ${reason}`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`fixture ${fixture} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

function createState(options: StartMockServerOptions, log: (line: string) => void): MockState {
  const data = fixtureData(options.fixture);
  const stateOptions = {
    ...(options.resultsNotReadyPolls === undefined ? {} : { resultsNotReadyPolls: options.resultsNotReadyPolls }),
    onWarning: (message: string) => log(`warning: ${message}`),
  };
  try {
    return createMockState(data, stateOptions); // `undefined`: the built-in fixture
  } catch (error) {
    if (error instanceof FixtureError && typeof options.fixture === 'string')
      throw new FixtureError(`fixture ${options.fixture}: ${error.message}`, { cause: error });
    throw error;
  }
}

function listen(server: MockHttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      reject(Object.assign(new Error(`port ${port} is already in use`, { cause: error }), { code: error.code }));
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Starts the mock server and resolves once it listens. Rejects with a `FixtureError` for a fixture
 * that cannot be used (naming the bad path, and the file when `fixture` is one) and with an `Error`
 * whose `code` is `EADDRINUSE` when the port is taken.
 */
export function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  return startLogged(options, (options.quiet ?? true) ? undefined : (line: string) => console.log(line));
}

/**
 * `startMockServer` with the request lines and warnings going to `log` (none when undefined) instead
 * of `console.log`: the command passes its buffered stdout writer. Not part of the package's API.
 */
export async function startLogged(
  options: StartMockServerOptions,
  log: ((line: string) => void) | undefined,
): Promise<RunningMockServer> {
  const state = createState(options, log ?? (() => {}));
  const server = createMockHttpServer({
    state,
    ...(log ? { log } : {}),
    extraRoutes: docsRoutes(),
    ...(options.adminOrigins ? { adminOrigins: options.adminOrigins } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    state,
    server,
    close: (graceMs = 1_000) => server.shutdown(graceMs),
  };
}
