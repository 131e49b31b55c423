// The framework-free request every adapter (MSW, node:http) builds: method, path, query, headers and
// body, parsed once; and the one rule for the path of a request target.

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

/**
 * Bodies over 1 MiB are refused with 413
 * (docs/decisions.md "Generic behaviour of both areas: routes, methods, body limit").
 */
export const BODY_LIMIT = 1024 * 1024;

/** A request body as an adapter read it: the text, or `tooLarge` when it was over `BODY_LIMIT` (not kept). */
export interface RequestBody {
  text: string | undefined;
  tooLarge: boolean;
}

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
