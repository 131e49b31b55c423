// CORS: any web page may read the API's answers (`*`); the admin routes
// answer a listed origin only, and nobody else gets CORS headers from them.
import type { IncomingMessage } from 'node:http';
import { SESSION_HEADER } from '../core/admin.js';
import type { MockResponse } from '../core/response.js';

/** The CORS headers of every API answer, as a flat name/value list. */
export const API_CORS: readonly string[] = [
  'access-control-allow-origin',
  '*',
  'access-control-expose-headers',
  'content-type, retry-after, x-should-retry',
];
const ADMIN_METHODS = 'GET, POST, PUT, DELETE';

/** The CORS headers an answer starts with (a fresh list: the answer's own headers are pushed onto it). */
export function corsHeaders(admin: boolean, adminOrigin: string | undefined): string[] {
  if (!admin) return API_CORS.slice();
  return adminOrigin ? ['access-control-allow-origin', adminOrigin, 'vary', 'origin'] : [];
}

/** The answer to a browser's preflight of an API route. */
export function apiPreflight(req: IncomingMessage): MockResponse {
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
      'access-control-allow-headers':
        req.headers['access-control-request-headers'] ??
        `content-type, x-api-key, authorization, prefer, ${SESSION_HEADER}`,
      'access-control-max-age': '600',
    },
    body: undefined,
  };
}

/** The answer to a listed origin's preflight of an admin route. */
export function adminPreflight(req: IncomingMessage): MockResponse {
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': ADMIN_METHODS,
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
      'access-control-max-age': '600',
    },
    body: undefined,
  };
}
