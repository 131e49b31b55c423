// `startRecorder()`: the recording proxy started from code (the `scrub-mock record` command runs
// through it too). `stop()` ends it and pseudonymises what it saw; `writeRecording` writes that.

import type { AddressInfo } from 'node:net';
import { isLoopbackAddress } from '@scrub/mocks/http';
import { type Exchange, type Recording, recordingOf } from '@scrub/spec/recording';
import { createRecordingProxy } from './proxy.js';

export interface StartRecorderOptions {
  /** The server to record: an http(s) URL (origin and optional base path); no credentials in it. */
  upstream: string | URL;
  /** Port to listen on (default 0: a free port, see `url`). */
  port?: number;
  /**
   * Address to bind (default `127.0.0.1`). While it is a loopback address, a request whose `Host` is not
   * a loopback name (`localhost`, `127.x.x.x`, `[::1]`) nor in `allowedHosts` gets 403 (DNS rebinding).
   */
  host?: string;
  /** Host names accepted besides the loopback ones while bound to loopback. */
  allowedHosts?: readonly string[];
  /**
   * Browser origins whose `/__mock/*` requests are forwarded (the upstream mock must list them too); by
   * default a `/__mock/*` request with an `Origin` header gets 403 (a web page cannot use the admin routes).
   */
  adminOrigins?: readonly string[];
  /**
   * Secret of the keyed HMAC that derives the pseudonyms (same key, same pseudonyms across
   * recordings); default: a random one per recording.
   */
  key?: string;
  /** No per-request log lines (default true); otherwise they go to `log`. */
  quiet?: boolean;
  /** Where the per-request lines go when not quiet (default `console.log`; the CLI: its buffered stdout). */
  log?: (line: string) => void;
}

export interface RunningRecorder {
  /** Where clients call it instead of the upstream: `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** The port it listens on (the free one picked for port 0). */
  port: number;
  /** It listens on a loopback address (then a request naming another Host is refused). */
  loopback: boolean;
  /** The upstream's answers so far, as they came (kept in memory only, never written by the recorder). */
  exchanges(): readonly Exchange[];
  /**
   * Stops as on SIGTERM: no new connections, requests in flight may finish for up to `graceMs`
   * (default 5 000; then they are cut off and not recorded), then the exchanges are pseudonymised:
   * the recording `writeRecording` writes. Called again while stopping, it cuts them off at once.
   */
  stop(graceMs?: number): Promise<Recording>;
}

/** The upstream as a URL: http(s), no credentials, query or fragment; anything else is a `TypeError`. */
export function upstreamOf(upstream: string | URL): URL {
  const url = URL.canParse(String(upstream)) ? new URL(String(upstream)) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new TypeError('the upstream must be an http:// or https:// URL');
  if (url.username || url.password)
    throw new TypeError('the upstream URL must not carry credentials (clients send their own)');
  if (url.search || url.hash) throw new TypeError('the upstream URL must have no query or fragment');
  return url;
}

/** Starts the recording proxy and resolves once it listens (an `Error` with `code` `EADDRINUSE` for a taken port). */
export async function startRecorder(options: StartRecorderOptions): Promise<RunningRecorder> {
  const upstream = upstreamOf(options.upstream);
  const quiet = options.quiet ?? true;
  const proxy = createRecordingProxy({
    upstream,
    ...(quiet ? {} : { log: options.log ?? ((line: string) => console.log(line)) }),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.adminOrigins ? { adminOrigins: options.adminOrigins } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    proxy.server.once('error', reject);
    proxy.server.listen(options.port ?? 0, host, () => {
      proxy.server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = proxy.server.address() as AddressInfo;
  let recording: Promise<Recording> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    loopback: isLoopbackAddress(address),
    exchanges: () => proxy.exchanges(),
    stop: (graceMs = 5_000) => {
      const closed = proxy.stop(graceMs);
      recording ??= closed.then(() =>
        recordingOf(proxy.exchanges(), options.key === undefined ? {} : { key: options.key }),
      );
      return recording;
    },
  };
}
