// The framework-free request/response pair every adapter (MSW, node:http) converts to and from.
import { messageOf } from '@scrub/spec/helpers';

export interface MockRequest {
  method: string;
  /** Path without query, exactly as sent (still percent-encoded). */
  path: string;
  /** Query parameters; repeated names keep every value. */
  query: URLSearchParams;
  /** Header lookup by lower-case name. */
  header(name: string): string | undefined;
  /** The query string as sent, without `?` (the journal keeps it and parses it only when read). */
  search: string;
  /** Raw body text, `undefined` when the request had none (or it was over the size limit). */
  body: string | undefined;
  /** Set by the adapter when the body was over `BODY_LIMIT` and was not read. */
  bodyTooLarge?: boolean;
}

/** Bodies over 1 MiB are refused with 413 (api-decisions.md). */
export const BODY_LIMIT = 1024 * 1024;

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialised body (JSON text), or `undefined` for none. */
  body: string | undefined;
  /** The documented error message the body carries, when the core knows it (the journal records it). */
  message?: string;
}

/** What an armed fault does to the answer (the server and MSW do each as far as their transport allows). */
export const FAULTS = ['reset', 'apply-then-reset', 'stall', 'truncate', 'invalid-json'] as const;
export type Fault = (typeof FAULTS)[number];

/**
 * What the core asks an adapter to do instead of answering normally: `reset` and `apply-then-reset`
 * drop the connection; `stall` sends status and headers and never the body; `truncate` sends part of
 * `response` and closes; `invalid-json` answers 200 with a body that is not JSON.
 */
export interface MockFault {
  fault: Fault;
  /** The answer the fault cuts short (truncate). */
  response?: MockResponse;
}

/** The body an `invalid-json` fault sends (with `content-type: application/json`). */
export const INVALID_JSON_BODY =
  '<html><body>Scrub mock: invalid-json fault (this body is not JSON on purpose)</body></html>';
/** The answer a `stall` or `truncate` fault starts: a 200 whose body the client never receives whole. */
export const FAULT_BODY = '{"message":"Scrub mock: this answer is cut short on purpose by an armed fault"}';

export type MockResult = MockResponse | MockFault;

export const isFault = (result: MockResult): result is MockFault => 'fault' in result;

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

export function json(status: number, body: unknown): MockResponse {
  return { status, headers: JSON_HEADERS as Record<string, string>, body: JSON.stringify(body) };
}

/** An error answer that carries its message, so the journal never parses the body to find it. */
export function errorJson(status: number, body: Readonly<Record<string, unknown>>): MockResponse {
  const message = messageOf(body);
  return { ...json(status, body), ...(message !== undefined ? { message } : {}) };
}

/** The 200 a `stall` or `truncate` fault starts (built once: it never changes). */
export const FAULT_RESPONSE: MockResponse = Object.freeze({
  status: 200,
  headers: JSON_HEADERS as Record<string, string>,
  body: FAULT_BODY,
});

/**
 * The path of a request target: origin-form (`/v3/...`) as is, absolute-form (`http://host/v3/...`,
 * what MSW sees) without scheme, userinfo and host. One rule for routing, logs and the journal.
 */
export function pathOf(target: string): string {
  const queryAt = target.indexOf('?');
  let path = queryAt === -1 ? target : target.slice(0, queryAt);
  const schemeAt = path.indexOf('://');
  if (schemeAt !== -1 && !path.startsWith('/')) {
    const slash = path.indexOf('/', schemeAt + 3);
    path = slash === -1 ? '/' : path.slice(slash);
  }
  return path;
}

/** Builds a `MockRequest` from a URL string (path + query, or absolute) and plain headers. */
export function toMockRequest(input: {
  method: string;
  url: string;
  headers?: Record<string, string | string[] | undefined> | Headers;
  body?: string | undefined;
  bodyTooLarge?: boolean;
}): MockRequest {
  const queryAt = input.url.indexOf('?');
  const path = pathOf(input.url);
  let query: URLSearchParams | undefined; // parsed on first use: most routes never read it
  const rawQuery = queryAt === -1 ? '' : input.url.slice(queryAt + 1);
  const headers = input.headers;
  const header =
    headers instanceof Headers
      ? (name: string) => headers.get(name) ?? undefined
      : (name: string) => {
          const value = headers?.[name];
          return Array.isArray(value) ? value.join(', ') : value;
        };
  return {
    method: input.method.toUpperCase(),
    path,
    get query() {
      query ??= new URLSearchParams(rawQuery);
      return query;
    },
    header,
    search: rawQuery,
    body: input.body,
    bodyTooLarge: input.bodyTooLarge ?? false,
  };
}
