// The retry policy, as ky options and hooks: which attempts are repeated, and after how long. A failed
// exchange (network error) goes through ky's `shouldRetry`; an error answer through `retryAnswer`, an
// `afterResponse` hook (ky itself retries no answer, as HTTP errors are not thrown).
import ky, { type AfterResponseHook, type RetryOptions } from 'ky';
import { APIConnectionError, ScrubError } from '../errors.js';

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
/** Statuses whose `Retry-After` is honoured (up to `RETRY_AFTER_CAP_MS`); others back off exponentially. */
const RETRY_AFTER_STATUS = [408, 429, 503];
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
const RETRY_AFTER_CAP_MS = 60_000;
/** A `Retry-After` number this large (in ms) is a time in epoch seconds, not a delay (ky's rule). */
const RETRY_AFTER_TIMESTAMP_FROM = Date.UTC(2024, 0, 1);

/** ky's retry options for a client: how many retries, of which methods, backing off how. */
export function retryOptions(limit: number, retryPost: boolean | undefined): ClientRetry {
  return {
    limit,
    methods: retryPost ? ['get', 'put', 'delete', 'post'] : ['get', 'put', 'delete'],
    delay: (attempt) => BACKOFF_BASE_MS * 2 ** (attempt - 1),
    backoffLimit: BACKOFF_CAP_MS,
    jitter: true,
    // the SDK's own refusals (a cross-origin redirect) are final; network failures are retried as usual
    shouldRetry: ({ error }) =>
      error instanceof ScrubError && !(error instanceof APIConnectionError) ? false : undefined,
  };
}

/** A client's retry options (limit and methods always set). */
export type ClientRetry = RetryOptions & { limit: number; methods: string[] };

/** Whether a call of `method` may be retried, `limit` times at most. */
export const mayRetry = (method: string, limit: number, retry: ClientRetry): boolean =>
  limit > 0 && retry.methods.includes(method.toLowerCase());

/**
 * Retries an error answer: one of `RETRY_STATUS`, after its `Retry-After` where honoured, else after
 * the jittered backoff; a server (or the Scrub mock, for armed answers) may say otherwise with
 * `x-should-retry`. Only for calls that `mayRetry` (ky clones every answer for a hook).
 */
export const retryAnswer: AfterResponseHook = (request, options, response, { retryCount }) => {
  if (response.ok || retryCount >= options.retry.limit!) return;
  if (!options.retry.methods!.includes(request.method.toLowerCase())) return;
  const advice = response.headers.get('x-should-retry');
  if (advice === 'false') return;
  // the status is the retry's `code`: the log line of the retry names it
  const code = String(response.status);
  if (advice === 'true') return ky.retry({ code });
  if (!RETRY_STATUS.includes(response.status)) return;
  const retryAfter = RETRY_AFTER_STATUS.includes(response.status) ? response.headers.get('retry-after') : null;
  return ky.retry(retryAfter ? { code, delay: retryAfterMs(retryAfter) } : { code });
};

/** Milliseconds a `Retry-After` asks to wait (seconds, a date or a time), capped at `RETRY_AFTER_CAP_MS`. */
export function retryAfterMs(value: string): number {
  let ms = Number(value) * 1000;
  if (Number.isNaN(ms)) ms = Date.parse(value) - Date.now();
  else if (ms >= RETRY_AFTER_TIMESTAMP_FROM) ms -= Date.now();
  // an unreadable value waits the cap, as ky does
  return Number.isNaN(ms) ? RETRY_AFTER_CAP_MS : Math.min(ms, RETRY_AFTER_CAP_MS);
}
