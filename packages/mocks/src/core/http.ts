// The framework-free request/response pair every adapter (MSW, node:http) converts to and from.

export interface MockRequest {
  method: string;
  /** Path without query, exactly as sent (still percent-encoded). */
  path: string;
  /** Query parameters; repeated names keep every value. */
  query: URLSearchParams;
  /** Header lookup by lower-case name. */
  header(name: string): string | undefined;
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
}

/** What the core asks an adapter to do instead of answering: drop the connection. */
export interface MockFault {
  fault: 'reset';
}

export type MockResult = MockResponse | MockFault;

export const isFault = (result: MockResult): result is MockFault => 'fault' in result;

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

export function json(status: number, body: unknown): MockResponse {
  return { status, headers: JSON_HEADERS as Record<string, string>, body: JSON.stringify(body) };
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
  let path = queryAt === -1 ? input.url : input.url.slice(0, queryAt);
  const schemeAt = path.indexOf('://');
  if (schemeAt !== -1) {
    const slash = path.indexOf('/', schemeAt + 3);
    path = slash === -1 ? '/' : path.slice(slash);
  }
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
      return (query ??= new URLSearchParams(rawQuery));
    },
    header,
    body: input.body,
    bodyTooLarge: input.bodyTooLarge ?? false,
  };
}
