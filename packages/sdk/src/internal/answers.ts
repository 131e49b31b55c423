// What an exchange comes to: the JSON body of a success, the typed `APIError` of an error answer, or,
// when no answer came, `APITimeoutError`, `APIUserAbortError` or `APIConnectionError`.
import type { OperationId } from '@scrub/spec';
import { messageOf } from '@scrub/spec/helpers';
import { TimeoutError } from 'ky';
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  apiError,
  ScrubError,
} from '../errors.js';

/** The parsed body of a success answer; one without a body, or whose body is not JSON, is a `ScrubError`. */
export function successBody(operation: OperationId, status: number, text: string): unknown {
  if (!text) throw new ScrubError(`${operation}: the ${status} response has no body.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScrubError('The server answered with a body that is not valid JSON.', { cause: error });
  }
}

/** The body of an error answer: parsed when it is JSON, else the text (undefined when empty). */
export function errorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text || undefined;
  }
}

/** The `APIError` subclass of an error answer, its `code` the documented message the body carries. */
export function answerError<Op extends OperationId>(operation: Op, response: Response, body: unknown): APIError<Op> {
  const code = messageOf(body) ?? (typeof body === 'string' ? body : 'unknown error');
  return apiError({ status: response.status, code, body, headers: response.headers, operation });
}

/**
 * The error of an exchange that got no answer (or lost it mid-body). ky's own errors carry the Request,
 * credentials included: never attach them as `cause`.
 */
export function exchangeFailure(error: unknown, signal: AbortSignal | undefined, ms: number): Error {
  if (error instanceof ScrubError) return error;
  if (error instanceof TimeoutError) return new APITimeoutError(`Request timed out after ${ms} ms.`);
  if (signal?.aborted) return new APIUserAbortError('Request was aborted.', { cause: error });
  const message = (error as Error | undefined)?.message ?? String(error);
  return new APIConnectionError(`Connection error: ${message}`, { cause: error });
}
