// Who may talk to the server: the Host names it answers while it listens on loopback (against DNS
// rebinding), and the web pages (origins) and token holders that may use the `/__mock` admin routes
// (docs/decisions.md "Admin routes and the browser").
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { json, type MockResponse } from '../core/response.js';
import { shown } from './shown.js';

export interface GuardOptions {
  /**
   * Browser origins (`http://localhost:5173`) allowed to call `/__mock/*`; by default none, so no web
   * page can read or change the state.
   */
  adminOrigins?: readonly string[];
  /**
   * Host names accepted besides loopback ones (`localhost`, `127.x.x.x`, `[::1]`) while the server
   * listens on a loopback address.
   */
  allowedHosts?: readonly string[];
  /**
   * When set, admin requests must carry `Authorization: Bearer <token>` (for a server reachable from
   * other machines).
   */
  adminToken?: string;
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** True for an address the server listens on that only this machine reaches. */
export const isLoopbackAddress = (address: string) =>
  address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');

/** The host name of a `Host` header, without the port, lower-cased (`[::1]` keeps its brackets). */
function hostName(host: string): string {
  const end = host.startsWith('[')
    ? host.indexOf(']') + 1
    : host.lastIndexOf(':') === -1
      ? host.length
      : host.lastIndexOf(':');
  return host.slice(0, end || host.length).toLowerCase();
}

// compared as digests: equal lengths always, so neither the token nor its length leaks through timing
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * A server's checks of `Host` (while `loopbackOnly`) and of the admin routes' callers; set
 * `loopbackOnly` from the address it listens on (`isLoopbackAddress`).
 */
export class Guard {
  /** True while the server listens on a loopback address: then only loopback (and allowed) Host names. */
  loopbackOnly = true;
  private readonly adminOrigins: ReadonlySet<string>;
  private readonly allowedHosts: ReadonlySet<string>;
  private readonly adminToken: Buffer | undefined;

  constructor(options: GuardOptions) {
    this.adminOrigins = new Set(options.adminOrigins ?? []);
    this.allowedHosts = new Set((options.allowedHosts ?? []).map((h) => hostName(h)));
    this.adminToken = options.adminToken === undefined ? undefined : digest(`Bearer ${options.adminToken}`);
  }

  /** The refusal of a request's `Host`, or undefined when the server answers it. */
  hostRefusal(host: string | undefined): MockResponse | undefined {
    // DNS rebinding: a page of another site that resolves its name to 127.0.0.1 still sends its own Host
    if (!this.loopbackOnly || host === undefined) return undefined;
    const name = hostName(host);
    if (LOOPBACK_HOST.test(name) || this.allowedHosts.has(name)) return undefined;
    return json(403, {
      message:
        `Host ${shown(host)} is not allowed: the mock answers loopback names only ` +
        '(allow a host with --allowed-host)',
    });
  }

  /** The request's `Origin` when it is listed: the admin answers carry CORS headers for it. */
  listedOrigin(req: IncomingMessage): string | undefined {
    const origin = req.headers.origin;
    return origin !== undefined && this.adminOrigins.has(origin) ? origin : undefined;
  }

  /** The refusal of an admin request, or undefined when it may go on. */
  adminRefusal(req: IncomingMessage): MockResponse | undefined {
    const origin = req.headers.origin;
    if (origin !== undefined && !this.adminOrigins.has(origin))
      return json(403, {
        message:
          `Origin ${shown(origin)} may not use /__mock routes (a web page cannot read or change the mock's ` +
          'state; allow an origin with --admin-origin)',
      });
    // a browser sends no Authorization on a preflight: a listed origin's preflight is answered without the token
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (this.adminToken && !preflight && !timingSafeEqual(digest(req.headers.authorization ?? ''), this.adminToken))
      return json(401, { message: '/__mock routes need the admin token: Authorization: Bearer <token>' });
    return undefined;
  }
}
