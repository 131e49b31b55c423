// Client and per-call options: their types, their defaults, the checks both get before anything is
// sent, and a call's options merged over the client's. One place, so a bad value is refused the same
// way wherever it comes from.
import type { Options as KyOptions } from 'ky';
import { ScrubError } from '../errors.js';
import { type ClientRetry, mayRetry, retriedAnswers } from './retry.js';

export interface TransportOptions {
  /** Milliseconds per attempt before `APITimeoutError` (default 60 000); the body gets the same again. */
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

/** Options every method takes as its last argument, overriding the client's for that call. */
export interface RequestOptions {
  timeout?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

// a credential is a single visible token: no spaces at either end, no control characters
const CREDENTIAL = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** Refuses a credential no header can carry, without quoting it (it is a secret). */
export function checkCredentials(credentials: Record<string, string>): void {
  for (const [name, value] of Object.entries(credentials))
    if (typeof value !== 'string' || !CREDENTIAL.test(value))
      throw new ScrubError(`The ${name} credential has characters an HTTP header cannot carry.`);
}

/**
 * Refuses header names and values fetch would reject, as a `ScrubError` naming the header (never its
 * value): otherwise fetch throws a `TypeError` per attempt, which would look like a network failure.
 */
export function checkHeaders(headers: unknown, where: 'client' | 'per-call'): Record<string, string> {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers))
    throw new ScrubError(`The ${where} \`headers\` option must be an object of header names to string values.`);
  for (const [name, value] of Object.entries(headers)) {
    let valid = typeof value === 'string';
    if (valid) {
      try {
        new Headers([[name, value as string]]);
      } catch {
        valid = false;
      }
    }
    if (!valid)
      throw new ScrubError(
        `The ${where} header "${safeName(name)}" is not a valid HTTP header ` +
          '(name must be a token, value a string without line breaks or NUL).',
      );
  }
  return headers as Record<string, string>;
}

/** A header name as it may be shown: control characters escaped, long names cut. */
const safeName = (name: string) => JSON.stringify(name.slice(0, 64)).slice(1, -1);

/** Refuses a `timeout` or `maxRetries` that is not a number in range. */
export function checkLimits(options: { timeout?: unknown; maxRetries?: unknown }): void {
  const { timeout, maxRetries } = options;
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && timeout <= 2_147_483_647))
    throw new ScrubError('`timeout` must be a number of milliseconds from 1 to 2147483647.');
  if (maxRetries !== undefined && !(Number.isSafeInteger(maxRetries) && (maxRetries as number) >= 0))
    throw new ScrubError('`maxRetries` must be an integer >= 0.');
}

/** What a client sets for every call. */
export interface ClientDefaults {
  timeout: number;
  retry: ClientRetry;
  /** The client's `fetch` (redirects policy applied), which a call that may be retried watches. */
  fetch: typeof globalThis.fetch;
}

/** The ky options of one call (`timeout` always set: the body read gets the same limit). */
export type CallOptions = KyOptions & { method: string; timeout: number };

/**
 * The ky options of a call of `method`: the per-call options checked and laid over the client's, and,
 * when the call may be retried at all, which error answers ky is to throw and so retry.
 */
export function callOptions(method: string, perCall: RequestOptions | undefined, client: ClientDefaults): CallOptions {
  const options: CallOptions = { method, timeout: client.timeout };
  let limit = client.retry.limit;
  if (perCall) {
    checkLimits(perCall);
    if (perCall.timeout !== undefined) options.timeout = perCall.timeout;
    if (perCall.maxRetries !== undefined) {
      limit = perCall.maxRetries;
      options.retry = { limit };
    }
    if (perCall.signal) options.signal = perCall.signal;
    if (perCall.headers) options.headers = checkHeaders(perCall.headers, 'per-call');
  }
  return mayRetry(method, limit, client.retry) ? Object.assign(options, retriedAnswers(client.fetch, limit)) : options;
}
