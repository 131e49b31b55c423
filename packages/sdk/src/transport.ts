// ky under openapi-fetch: retries with jittered exponential backoff that honour `Retry-After`,
// per-attempt timeout, and ky/fetch failures mapped to the SDK's error classes.
import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from './errors.js';

export interface TransportOptions {
  /** Milliseconds per attempt before `APITimeoutError` (default 60 000). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Also retry POST (not idempotent here; default false). */
  retryPost?: boolean;
  /** Custom `fetch` (tests, proxies); default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** One line per call, `METHOD /path STATUS ms`, and one per retry (no query string, no credentials). */
  log?: (line: string) => void;
}

/** Options every method takes as its last argument, overriding the client's. */
export interface RequestOptions {
  timeout?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
const RETRY_AFTER_CAP_MS = 60_000;

function kyFor(options: TransportOptions & RequestOptions): KyInstance {
  const log = options.log;
  return ky.create({
    timeout: options.timeout ?? 60_000,
    throwHttpErrors: true,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    retry: {
      limit: options.maxRetries ?? 2,
      methods: options.retryPost ? ['get', 'put', 'delete', 'post'] : ['get', 'put', 'delete'],
      statusCodes: RETRY_STATUS,
      afterStatusCodes: [408, 429, 503],
      maxRetryAfter: RETRY_AFTER_CAP_MS,
      backoffLimit: BACKOFF_CAP_MS,
      delay: (attempt) => BACKOFF_BASE_MS * 2 ** (attempt - 1),
      jitter: true,
    },
    hooks: {
      beforeRetry: [
        ({ request, error, retryCount }) =>
          log?.(`${request.method} ${new URL(request.url).pathname} retry ${retryCount} after ${error instanceof HTTPError ? error.response.status : error.name}`),
      ],
    },
  });
}

const RETRIED = new WeakSet<Response>();

/** True when the response answers a retry, i.e. an earlier attempt may have reached the server. */
export const wasRetried = (response: Response) => RETRIED.has(response);

/** Waits for `promise`, or rejects with APITimeoutError after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new APITimeoutError(`Response body not received within ${ms} ms.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The `fetch` handed to openapi-fetch. HTTP errors come back as responses (openapi-fetch turns them
 * into `error`); everything else becomes an `APIConnectionError`, `APITimeoutError` or `APIUserAbortError`.
 */
export function createTransport(client: TransportOptions, call: RequestOptions = {}): (request: Request) => Promise<Response> {
  const merged = { ...client };
  const baseFetch = client.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  for (const [k, v] of Object.entries(call)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  const api = kyFor(merged);
  const log = merged.log;
  return async (request) => {
    const started = log ? performance.now() : 0;
    const done = (status: number | string) =>
      log?.(`${request.method} ${new URL(request.url).pathname} ${status} ${(performance.now() - started).toFixed(0)}ms`);
    // counts this call's attempts (a retry means an earlier attempt may have reached the server)
    let attempts = 0;
    const counted: typeof globalThis.fetch = (input, init) => (attempts++, baseFetch(input, init));
    try {
      let response: Response;
      try {
        response = await api(request, { fetch: counted });
      } catch (error) {
        if (!(error instanceof HTTPError)) throw error;
        response = error.response;
      }
      done(response.status);
      // the body is read here, under the same time limit and error mapping as the headers
      const body = await within(response.arrayBuffer(), merged.timeout ?? 60_000);
      const copy = new Response(body.byteLength ? body : null, { status: response.status, statusText: response.statusText, headers: response.headers });
      if (attempts > 1) RETRIED.add(copy);
      return copy;
    } catch (error) {
      if (error instanceof APITimeoutError) throw error;
      done(error instanceof TimeoutError ? 'timeout' : 'failed');
      // ky's own errors carry the Request, credentials included: never attach them as `cause`
      if (error instanceof TimeoutError) throw new APITimeoutError(`Request timed out after ${merged.timeout ?? 60_000} ms.`);
      if (request.signal.aborted || (call.signal?.aborted ?? false)) throw new APIUserAbortError('Request was aborted.', { cause: error });
      throw new APIConnectionError(`Connection error: ${(error as Error)?.message ?? String(error)}`, { cause: error });
    }
  };
}
