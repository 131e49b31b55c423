// One exchange through the client's ky instance: the answer whatever its status, its body read under
// the time limit, a failure as the SDK's error, one log line.
import { type BeforeRetryHook, HTTPError, type KyInstance, TimeoutError } from 'ky';
import { APITimeoutError, ScrubError } from '../errors.js';
import { exchangeFailure } from './answers.js';
import type { CallOptions } from './options.js';

export interface Answer {
  response: Response;
  body: ArrayBuffer;
}

export type Exchange = (input: string | Request, options: CallOptions) => Promise<Answer>;

export type Log = (line: string) => void;

/** The path of a URL, as log lines show it (no query string: it may hold personal data). */
export const pathOf = (url: string) => new URL(url).pathname;

/** The exchange over `api`, logging to `log`. */
export function createExchange(api: KyInstance, log: Log | undefined): Exchange {
  return async (input, options) => {
    const started = log ? performance.now() : 0;
    const done = (status: number | string) =>
      log?.(
        `${options.method} ${pathOf(typeof input === 'string' ? input : input.url)} ${status} ${elapsed(started)}ms`,
      );
    try {
      const response = await api(input, options);
      done(response.status);
      return { response, body: await readBody(response, options.timeout) };
    } catch (error) {
      if (!(error instanceof ScrubError)) done(error instanceof TimeoutError ? 'timeout' : 'failed');
      throw exchangeFailure(error, options.signal ?? undefined, options.timeout);
    }
  };
}

/** The log line of a retry: what failed, the status of an error answer or the name of the failure. */
export const logRetry =
  (log: Log): BeforeRetryHook =>
  ({ request, error, retryCount }) =>
    log(
      `${request.method} ${pathOf(request.url)} retry ${retryCount} after ` +
        (error instanceof HTTPError ? error.response.status : error.name),
    );

const elapsed = (started: number) => (performance.now() - started).toFixed(0);

/**
 * The body of an answer, or `APITimeoutError` when it does not arrive within `ms` more: ky's `timeout`
 * ends when the headers arrive (ky 1.14 clears its timer once `fetch` resolves).
 */
function readBody(response: Response, ms: number): Promise<ArrayBuffer> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new APITimeoutError(`Response body not received within ${ms} ms.`)), ms);
  });
  return Promise.race([response.arrayBuffer(), timeout]).finally(() => clearTimeout(timer));
}
