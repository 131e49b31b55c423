// What both clients share: one openapi-fetch client per API area, calls that resolve to the success
// body or reject with the documented error, and local refusals shaped like the server's.
import createClient, { type Client } from 'openapi-fetch';
import { apiError, ScrubError, type APIError, type ErrorMessages, type OperationId } from './errors.js';
import { createTransport, type RequestOptions, type TransportOptions } from './transport.js';

export interface ApiClient<Paths extends {}> {
  /** The typed openapi-fetch client (`{ data, error, response }` style), sharing transport and auth. */
  raw: Client<Paths>;
  /** The `fetch` to pass per call: the client's transport, or one with `options` overriding it. */
  fetchFor(options?: RequestOptions): ((request: Request) => Promise<Response>) | undefined;
}

export function apiClient<Paths extends {}>(baseUrl: string, auth: Record<string, string>, transport: TransportOptions): ApiClient<Paths> {
  // a credential that cannot be a header value would make fetch throw a message quoting it
  for (const [name, value] of Object.entries(auth))
    if (!/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(value)) throw new ScrubError(`The ${name} credential has characters an HTTP header cannot carry.`);
  const base = createTransport(transport);
  const raw = createClient<Paths>({
    baseUrl: baseUrl.replace(/\/$/, ''),
    fetch: base,
    headers: { ...transport.headers, ...auth },
    querySerializer: { array: { style: 'form', explode: false } },
  });
  return {
    raw,
    fetchFor: (options) =>
      options && (options.timeout !== undefined || options.maxRetries !== undefined || options.signal !== undefined)
        ? createTransport(transport, options)
        : undefined,
  };
}

/** The message of an error body of either area. */
function messageOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const message = b.errorCode ?? b.message;
    if (typeof message === 'string') return message;
  }
  return typeof body === 'string' && body ? body : 'unknown error';
}

/** An openapi-fetch call whose unparsable success body becomes a clear `ScrubError`. */
export async function settle<R>(pending: Promise<R>): Promise<R> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof SyntaxError) throw new ScrubError('The server answered with a body that is not valid JSON.', { cause: error });
    throw error;
  }
}

/** Resolves an openapi-fetch result to its data, or throws the typed error. */
export function unwrap<T, Op extends OperationId>(
  operation: Op,
  result: { data?: T; error?: unknown; response: Response },
): T {
  if (result.response.ok && result.error === undefined) {
    if (result.data === undefined) throw new ScrubError(`${operation}: the ${result.response.status} response has no body.`);
    return result.data as T;
  }
  throw apiError<Op>({ status: result.response.status, code: messageOf(result.error), body: result.error, headers: result.response.headers, operation });
}

/**
 * A documented 400 raised locally, without a request. `code` is typed as one of the operation's
 * documented messages (generated from the spec), so an undocumented message does not compile.
 */
export function refuse<Op extends OperationId>(operation: Op, code: ErrorMessages[Op] & string, envelope: 'errorCode' | 'text'): APIError<Op> {
  const body = envelope === 'text' ? { type: 'error', code: 400, message: code } : { errorCode: code };
  return apiError<Op>({ status: 400, code, body, operation, sent: false });
}
