// The retry policy, as ky options: which attempts are repeated, and after how long. ky retries what it
// throws, so a call that may be retried has ky throw (`throwHttpErrors`) exactly the error answers the
// policy retries while retries are left; every other answer comes back as a Response, like a success.
import { HTTPError, type Options as KyOptions, type RetryOptions } from 'ky';
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
    statusCodes: RETRY_STATUS,
    // ky waits a `Retry-After` of these statuses itself, capped, as `retryAfterMs` reads it
    afterStatusCodes: RETRY_AFTER_STATUS,
    maxRetryAfter: RETRY_AFTER_CAP_MS,
    delay: (attempt) => BACKOFF_BASE_MS * 2 ** (attempt - 1),
    backoffLimit: BACKOFF_CAP_MS,
    jitter: true,
    shouldRetry: ({ error }) => {
      if (error instanceof HTTPError) return waitsRetryAfter(error.response) ? undefined : true;
      // the SDK's own refusals (a cross-origin redirect) are final; network failures are retried as usual
      return error instanceof ScrubError && !(error instanceof APIConnectionError) ? false : undefined;
    },
  };
}

/** A client's retry options (limit and methods always set). */
export type ClientRetry = RetryOptions & { limit: number; methods: string[] };

/** Whether a call of `method` may be retried, `limit` times at most. */
export const mayRetry = (method: string, limit: number, retry: ClientRetry): boolean =>
  limit > 0 && retry.methods.includes(method.toLowerCase());

/**
 * Whether the policy retries an error answer: one of `RETRY_STATUS`, unless a server (or the Scrub
 * mock, for armed answers) says otherwise with `x-should-retry`.
 */
export function retriesAnswer(response: Response): boolean {
  const advice = response.headers.get('x-should-retry');
  return advice === null ? RETRY_STATUS.includes(response.status) : advice === 'true';
}

/**
 * Whether a retried answer waits its `Retry-After` (ky computes it) rather than the jittered backoff:
 * only on `RETRY_AFTER_STATUS`, and not when `x-should-retry` forced the retry. (Without the header ky
 * would read `RateLimit-Reset` and the like, which this policy does not honour.)
 */
function waitsRetryAfter(response: Response): boolean {
  // the answer is not read: cancel its body, as ky does with the answers it drops
  void response.body?.cancel().catch(() => undefined);
  return (
    RETRY_AFTER_STATUS.includes(response.status) &&
    response.headers.has('retry-after') &&
    response.headers.get('x-should-retry') !== 'true'
  );
}

/**
 * The per-call ky options of a call that may be retried `limit` times: its `fetch` keeps the latest
 * answer, so that `throwHttpErrors` (which ky hands only the status) throws, for ky to retry, exactly
 * the answers `retriesAnswer` retries while retries are left. The last answer is never thrown.
 */
export function retriedAnswers(fetch: typeof globalThis.fetch, limit: number): KyOptions {
  let attempts = 0;
  let latest: Response | undefined;
  const keep = (response: Response) => {
    latest = response;
    return response;
  };
  return {
    fetch: (input, init) => {
      attempts++;
      return fetch(input, init).then(keep);
    },
    throwHttpErrors: () => attempts <= limit && latest !== undefined && retriesAnswer(latest),
  };
}

/**
 * Milliseconds a `Retry-After` asks to wait (seconds, a date or a time), capped at `RETRY_AFTER_CAP_MS`:
 * the rule ky applies with `afterStatusCodes` and `maxRetryAfter` above, spelled out so a ky upgrade
 * that changes it fails a test (test/internal/retry.test.ts) rather than the wait.
 */
export function retryAfterMs(value: string): number {
  let ms = Number(value) * 1000;
  if (Number.isNaN(ms)) ms = Date.parse(value) - Date.now();
  else if (ms >= RETRY_AFTER_TIMESTAMP_FROM) ms -= Date.now();
  // an unreadable value waits the cap, as ky does
  return Number.isNaN(ms) ? RETRY_AFTER_CAP_MS : Math.min(ms, RETRY_AFTER_CAP_MS);
}
