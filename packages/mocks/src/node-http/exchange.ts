// One request and its answer on the wire: reading the body, writing an answer (one flat header list
// and a content-length, no chunked encoding), enacting a fault as far as HTTP allows, and the one log
// line. Continuation style: a request without a body and without a delay is answered synchronously,
// with no promise on the hot path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestBody } from '../core/request.js';
import { pathOf } from '../core/request.js';
import { json, type MockResponse } from '../core/response.js';
import { isTransportFault, type Served, type TransportFault } from '../core/serve.js';
import { ABORTED, readBody } from './body.js';
import { API_CORS, corsHeaders } from './cors.js';
import { shown } from './shown.js';

/** What every exchange of one server shares. */
export interface ServerContext {
  readonly log: ((line: string) => void) | undefined;
  /** Set by `shutdown()`: from then on every answer says `connection: close`. */
  stopping: boolean;
  /** Sockets that have asked for something (a silent one is closed after `firstRequestTimeout`). */
  readonly served: WeakSet<Socket>;
  /** Sockets held open by a `stall` fault: a shutdown closes them first instead of waiting for them. */
  readonly stalled: Set<Socket>;
}

export const NOT_FOUND: MockResponse = json(404, { message: 'Not Found' });
const INTERNAL_ERROR: MockResponse = json(500, { message: 'Internal server error' });

export class Exchange {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  /** An admin answer, or a refusal before routing: no API CORS headers. */
  admin = false;
  /** The listed origin an admin answer carries CORS headers for. */
  adminOrigin: string | undefined;
  private readonly started: number;

  constructor(
    private readonly server: ServerContext,
    readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.started = server.log ? performance.now() : 0;
    this.method = req.method ?? 'GET';
    this.url = req.url ?? '/';
    this.path = pathOf(this.url);
    if (!server.served.has(req.socket)) {
      server.served.add(req.socket);
      req.socket.setTimeout(0); // it asked for something: Node's own request and keep-alive timeouts apply from here
    }
  }

  /** The client left while we worked or waited. */
  private get gone(): boolean {
    return this.res.destroyed || this.req.socket.destroyed;
  }

  /** Ends the exchange: one log line with the status (or what happened instead) and the time taken. */
  private done(outcome: number | string): void {
    const { log } = this.server;
    if (log) log(`${this.method} ${shown(this.path)} ${outcome} ${(performance.now() - this.started).toFixed(1)}ms`);
    // while stopping, every answer says `connection: close`: Node closes each socket once its answer is out
  }

  send(response: MockResponse) {
    if (this.gone) return this.done('aborted');
    const headers = corsHeaders(this.admin, this.adminOrigin);
    for (const name in response.headers) headers.push(name, response.headers[name]!);
    if (response.body !== undefined) headers.push('content-length', String(Buffer.byteLength(response.body)));
    if (this.server.stopping) headers.push('connection', 'close');
    this.res.writeHead(response.status, headers);
    this.res.end(response.body);
    this.done(response.status);
  }

  fail(): void {
    this.send(INTERNAL_ERROR);
  }

  /** Writes out what the core served: an answer, a fault, or (once a delay is over) either. */
  finish(served: Served | undefined | Promise<Served | undefined>) {
    if (served instanceof Promise) {
      served.then((s) => this.finish(s)).catch(() => this.fail());
      return;
    }
    if (served === undefined) return this.send(NOT_FOUND);
    if (isTransportFault(served)) return this.enact(served);
    this.send(served);
  }

  /** An armed or `Prefer` fault, as far as HTTP allows. */
  private enact(fault: TransportFault) {
    if (this.gone) return this.done('aborted');
    const socket = this.req.socket;
    if (fault.fault === 'reset' || fault.fault === 'apply-then-reset') {
      socket.destroy();
      return this.done(fault.fault);
    }
    const body = fault.response.body ?? '';
    const length = String(Buffer.byteLength(body));
    this.res.writeHead(200, [...API_CORS, 'content-type', 'application/json', 'content-length', length]);
    if (fault.fault === 'stall') {
      // status and headers go out; the body never does (until the client or a shutdown closes it)
      this.res.flushHeaders();
      this.server.stalled.add(socket);
      socket.once('close', () => this.server.stalled.delete(socket));
      return this.done('stall');
    }
    this.res.write(body.slice(0, Math.floor(body.length / 2)), () => socket.destroy());
    return this.done('truncate');
  }

  /** Reads the body within the limit, then goes on (synchronously when there is none). */
  withBody(next: (body: RequestBody) => void) {
    const body = readBody(this.req);
    if (!(body instanceof Promise)) return next(body);
    body.then((b) => (b === ABORTED ? this.done('aborted') : next(b))).catch(() => this.fail());
  }
}
