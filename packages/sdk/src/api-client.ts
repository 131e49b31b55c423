// What both clients share: one openapi-fetch client per API area, calls that resolve to the success
// body or reject with the documented error, and local refusals shaped like the server's.
import createClient, { type Client } from 'openapi-fetch';
import { apiError, type APIError, type OperationId } from './errors.js';
import { errorMessages as idcheckErrors } from './generated/idcheck.js';
import { errorMessages as textErrors } from './generated/text-assessment.js';
import { createTransport, type RequestOptions, type TransportOptions } from './transport.js';

const catalog: Record<string, readonly { status: number; message: string; example: Record<string, unknown> }[]> = { ...idcheckErrors, ...textErrors };

export interface ApiClient<Paths extends {}> {
  /** The typed openapi-fetch client (`{ data, error, response }` style), sharing transport and auth. */
  raw: Client<Paths>;
  /** The `fetch` to pass per call: the client's transport, or one with `options` overriding it. */
  fetchFor(options?: RequestOptions): ((request: Request) => Promise<Response>) | undefined;
}

export function apiClient<Paths extends {}>(baseUrl: string, auth: Record<string, string>, transport: TransportOptions): ApiClient<Paths> {
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

/** Resolves an openapi-fetch result to its data, or throws the typed error. */
export function unwrap<T, Op extends OperationId>(
  operation: Op,
  result: { data?: T; error?: unknown; response: Response },
): T {
  if (result.response.ok && result.error === undefined) return result.data as T;
  throw apiError<Op>({ status: result.response.status, code: messageOf(result.error), body: result.error, headers: result.response.headers, operation });
}

/** The documented error `template` of `operation`, raised locally without a request. */
export function refuse<Op extends OperationId>(operation: Op, template: string, values: Record<string, string> = {}): APIError<Op> {
  const entry = catalog[operation]?.find((e) => e.message === template);
  if (!entry) throw new Error(`${operation} documents no "${template}"`);
  const code = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => values[name] ?? name);
  const body = 'type' in entry.example ? { type: 'error', code: entry.status, message: code } : 'errorCode' in entry.example ? { errorCode: code } : { message: code };
  return apiError<Op>({ status: entry.status, code, body, operation, sent: false });
}
