// The one request pipeline of a client: one ky instance (retries with jittered backoff that honour
// `Retry-After`, per-attempt timeout), per-call options merged here, the body read under the same
// time limit, failures mapped to the SDK's error classes, sealed bodies of the encryption option
// opened, and the operations whose lost first attempt already did the work resolved as success.

import type { DocumentedMessage, OperationId, SuccessBody } from '@scrub/spec';
import { messageOf } from '@scrub/spec/helpers';
import ky, { HTTPError, type KyInstance, type Options as KyOptions, TimeoutError } from 'ky';
import type { Client } from 'openapi-fetch';
import { APIConnectionError, APITimeoutError, APIUserAbortError, apiError, ScrubError } from '../errors.js';
import {
  checkCredentials,
  checkHeaders,
  checkLimits,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type RequestOptions,
  type TransportOptions,
} from './options.js';

/** One API call, as the client methods describe it. */
export interface Call<Op extends OperationId = OperationId> {
  operation: Op;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Path below the base URL, parameters already percent-encoded. */
  path: string;
  /** Query string without `?`, already encoded (see `query`). */
  query?: string;
  /** JSON request body. */
  body?: unknown;
}

export interface PipelineConfig extends TransportOptions {
  baseUrl: string;
  /** The credential headers (checked here, sent on every request, never logged). */
  credentials: Record<string, string>;
  /** The ID-check encryption option: `apiKey` derives the key; `enabled` seals POST bodies and opens `{"data": ...}` answers. */
  encryption?: { apiKey: string; enabled: boolean };
}

export interface Pipeline<Paths extends {}> {
  send<T>(call: Call, options?: RequestOptions): Promise<T>;
  /** The typed openapi-fetch client over the same ky instance (`{ data, error, response }` style). */
  raw: Client<Paths>;
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
/** Statuses whose `Retry-After` is honoured (up to `RETRY_AFTER_CAP_MS`); others back off exponentially. */
const RETRY_AFTER_STATUS = [408, 429, 503];
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
const RETRY_AFTER_CAP_MS = 60_000;

const SUBMIT_ID_TAKEN: DocumentedMessage<'submitText'> = 'id already used';
/**
 * Answers that, after a retry, mean the lost first attempt already did the work: what the call
 * resolves to instead (typed by the spec's success body, so it cannot drift from it). Everything else a
 * retry meets is reported as it is.
 */
const EFFECT_OF_LOST_ATTEMPT: { [Op in OperationId]?: (status: number, body: unknown) => SuccessBody<Op> | undefined } =
  {
    deleteProjection: (status) => (status === 404 ? { message: 'Delete projection success' } : undefined),
    submitText: (status, body) =>
      status === 400 && messageOf(body) === SUBMIT_ID_TAKEN ? { type: 'success', code: 200 } : undefined,
  };

/** Per-call bookkeeping the ky hooks write to (through ky's `context`), never shared between calls. */
interface CallState {
  retried: boolean;
}

/** A path segment or query value, percent-encoded; a string that is not well-formed UTF-16 is refused, naming `what`. */
export function encode(value: string, what: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw new ScrubError(`\`${what}\` is not a well-formed string (it holds a lone surrogate).`);
  }
}

/** `a=1&b=2` from the defined entries, each value percent-encoded (names are plain). */
export function query(params: Record<string, string | undefined>): string {
  let out = '';
  for (const name in params) {
    const value = params[name];
    if (value !== undefined) out += `${out ? '&' : ''}${name}=${encode(value, name)}`;
  }
  return out;
}

const decoder = new TextDecoder();

/** Waits for `promise`, or rejects with APITimeoutError after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new APITimeoutError(`Response body not received within ${ms} ms.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createPipeline<Paths extends {}>(config: PipelineConfig): Pipeline<Paths> {
  checkCredentials(config.credentials);
  const clientHeaders = config.headers === undefined ? {} : checkHeaders(config.headers, 'client');
  checkLimits(config);
  const baseUrl = config.baseUrl.replace(/\/$/, '');
  const timeout = config.timeout ?? DEFAULT_TIMEOUT_MS;
  const log = config.log;
  const fetch = sameOriginRedirects(
    config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
  );
  const pathOf = (url: string) => new URL(url).pathname;

  const api: KyInstance = ky.create({
    timeout,
    redirect: 'manual',
    throwHttpErrors: true,
    fetch,
    headers: { ...clientHeaders, ...config.credentials },
    retry: {
      limit: config.maxRetries ?? DEFAULT_MAX_RETRIES,
      methods: config.retryPost ? ['get', 'put', 'delete', 'post'] : ['get', 'put', 'delete'],
      statusCodes: RETRY_STATUS,
      afterStatusCodes: RETRY_AFTER_STATUS,
      maxRetryAfter: RETRY_AFTER_CAP_MS,
      backoffLimit: BACKOFF_CAP_MS,
      delay: (attempt) => BACKOFF_BASE_MS * 2 ** (attempt - 1),
      jitter: true,
      shouldRetry: ({ error }) => {
        // the SDK's own refusals (a cross-origin redirect) are final; network failures are retried as usual
        if (error instanceof ScrubError && !(error instanceof APIConnectionError)) return false;
        // a server (or the Scrub mock, for armed answers) may say whether a retry makes sense
        const advice = error instanceof HTTPError ? error.response.headers.get('x-should-retry') : null;
        return advice === 'false' ? false : advice === 'true' ? true : undefined;
      },
    },
    hooks: {
      beforeRetry: [
        ({ request, options, error, retryCount }) => {
          const state = options.context.call as CallState | undefined;
          if (state) state.retried = true;
          log?.(
            `${request.method} ${pathOf(request.url)} retry ${retryCount} after ${error instanceof HTTPError ? error.response.status : error.name}`,
          );
        },
      ],
    },
  });

  // loaded only for projects with the encryption option (node:crypto on Node, @noble in browsers)
  const encryption = config.encryption;
  const crypto = encryption?.enabled ? import('@scrub/spec/crypto') : undefined;

  /** ky's own errors carry the Request, credentials included: never attach them as `cause`. */
  function failure(error: unknown, signal: AbortSignal | undefined, ms: number): Error {
    if (error instanceof ScrubError) return error;
    if (error instanceof TimeoutError) return new APITimeoutError(`Request timed out after ${ms} ms.`);
    if (signal?.aborted) return new APIUserAbortError('Request was aborted.', { cause: error });
    return new APIConnectionError(`Connection error: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }

  /** The plain body of a success: opened when the project seals responses as `{"data": "<ciphertext>"}`. */
  async function open(body: unknown): Promise<unknown> {
    if (!encryption || !body || typeof body !== 'object') return body;
    const sealed = (body as { data?: unknown }).data;
    if (typeof sealed !== 'string' || Object.keys(body).length !== 1) return body;
    if (!crypto) throw new ScrubError('The response is encrypted: create the client with `encryption: true`.');
    const text = (await crypto).decrypt(encryption.apiKey, sealed);
    if (text === undefined) throw new ScrubError('Could not decrypt the response with this API key.');
    return JSON.parse(text);
  }

  async function send<T>(call: Call, o?: RequestOptions): Promise<T> {
    const state: CallState = { retried: false };
    const options: KyOptions = { method: call.method, context: { call: state } };
    let ms = timeout;
    if (o) {
      checkLimits(o);
      if (o.timeout !== undefined) options.timeout = ms = o.timeout;
      if (o.maxRetries !== undefined) options.retry = { limit: o.maxRetries };
      if (o.signal) options.signal = o.signal;
      if (o.headers) options.headers = checkHeaders(o.headers, 'per-call');
    }
    if (call.body !== undefined) {
      const plain = JSON.stringify(call.body);
      options.body = crypto ? JSON.stringify({ body: (await crypto).encrypt(encryption!.apiKey, plain) }) : plain;
      options.headers = { ...options.headers, 'content-type': 'application/json' };
    }
    const url = call.query ? `${baseUrl}${call.path}?${call.query}` : baseUrl + call.path;
    const { response, body: bytes } = await exchange(url, options, call.method, o?.signal, ms);
    const text = decoder.decode(bytes);

    if (response.ok) {
      if (!text) throw new ScrubError(`${call.operation}: the ${response.status} response has no body.`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new ScrubError('The server answered with a body that is not valid JSON.', { cause: error });
      }
      return (await open(body)) as T;
    }
    let body: unknown = text || undefined;
    try {
      body = JSON.parse(text);
    } catch {}
    if (state.retried) {
      const effect = EFFECT_OF_LOST_ATTEMPT[call.operation]?.(response.status, body);
      if (effect !== undefined) return effect as T;
    }
    const code = messageOf(body) ?? (typeof body === 'string' ? body : 'unknown error');
    throw apiError({ status: response.status, code, body, headers: response.headers, operation: call.operation });
  }

  /**
   * One exchange through the ky instance: HTTP errors come back as responses, the body is read under
   * the same time limit, everything else becomes an `APIConnectionError`, `APITimeoutError` or
   * `APIUserAbortError`; one log line.
   */
  async function exchange(
    input: string | Request,
    options: KyOptions | undefined,
    method: string,
    signal: AbortSignal | undefined,
    ms: number,
  ) {
    const started = log ? performance.now() : 0;
    const done = (status: number | string) =>
      log?.(
        `${method} ${pathOf(typeof input === 'string' ? input : input.url)} ${status} ${(performance.now() - started).toFixed(0)}ms`,
      );
    try {
      let response: Response;
      try {
        response = await api(input, options);
      } catch (error) {
        if (!(error instanceof HTTPError)) throw error;
        response = error.response;
      }
      done(response.status);
      return { response, body: await within(response.arrayBuffer(), ms) };
    } catch (error) {
      if (!(error instanceof ScrubError)) done(error instanceof TimeoutError ? 'timeout' : 'failed');
      throw failure(error, signal, ms);
    }
  }

  /** openapi-fetch's `fetch`: the same exchange, its body handed back in a fresh `Response`. */
  async function rawFetch(request: Request): Promise<Response> {
    const { response, body } = await exchange(request, undefined, request.method, request.signal, timeout);
    return new Response(body.byteLength ? body : null, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  const raw = lazyClient<Paths>(() =>
    import('openapi-fetch').then(({ default: createClient }) =>
      createClient<Paths>({
        baseUrl,
        headers: { ...clientHeaders, ...config.credentials },
        querySerializer: { array: { style: 'form', explode: false } },
        fetch: rawFetch,
      }),
    ),
  );

  return { send, raw };
}

const MAX_REDIRECTS = 5;

/**
 * A `fetch` that follows redirects only within the origin of the request: fetch itself would follow
 * a redirect to another origin with every header but `Authorization`, so `x-api-key` would go along.
 * A redirect elsewhere is a `ScrubError` naming the origins (never a header); in a browser, where a
 * redirect cannot be inspected, any redirect is one.
 */
function sameOriginRedirects(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    // ky hands over its Request (built with `redirect: 'manual'`); keep a copy of a body in case a 307/308 must repeat it
    let current = input instanceof Request ? input : new Request(input as RequestInfo, init);
    let replay = current.body !== null ? current.clone() : undefined;
    let response = await fetch(input, init);
    for (let hop = 0; ; hop++) {
      if (response.type === 'opaqueredirect')
        throw new ScrubError(
          'The server answered with a redirect, which the SDK does not follow in a browser (it cannot tell where it leads). Use the final URL as `baseUrl`.',
        );
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) return response;
      const from = new URL(current.url);
      const to = new URL(location, from);
      if (to.origin !== from.origin)
        throw new ScrubError(
          `The server redirected to another origin (${to.origin}); the SDK does not follow it, so the credentials stay with ${from.origin}.`,
        );
      if (hop === MAX_REDIRECTS) throw new ScrubError(`More than ${MAX_REDIRECTS} redirects.`);
      await response.body?.cancel();
      // 307/308 repeat the request as it was; 301/302/303 turn anything but GET/HEAD into a bodiless GET, as fetch does
      const repeat =
        response.status === 307 || response.status === 308 || current.method === 'GET' || current.method === 'HEAD';
      const body = repeat && replay ? await replay.arrayBuffer() : undefined;
      current = new Request(to, {
        method: repeat ? current.method : 'GET',
        headers: current.headers,
        body,
        signal: current.signal,
        redirect: 'manual',
      });
      replay = body === undefined ? undefined : current.clone();
      response = await fetch(current);
    }
  };
}

const RAW_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'request'] as const;

/**
 * openapi-fetch's client, loaded on first use: every request method of it is async anyway, and most
 * users never touch `raw`, so its code stays out of the bundle an `import` loads. Middleware added
 * before it loads is applied when it does.
 */
function lazyClient<Paths extends {}>(create: () => Promise<Client<Paths>>): Client<Paths> {
  let client: Client<Paths> | undefined;
  let loading: Promise<Client<Paths>> | undefined;
  const pending: ['use' | 'eject', unknown[]][] = [];
  const load = () =>
    (loading ??= create().then(
      (created) => {
        for (const [op, middleware] of pending) (created[op] as (...m: unknown[]) => void)(...middleware);
        client = created;
        return created;
      },
      (error: unknown) => {
        loading = undefined; // a failed load (a chunk that did not arrive) is tried again on the next call
        throw error;
      },
    ));
  const facade: Record<string, unknown> = {
    use: (...middleware: unknown[]) =>
      client ? (client.use as (...m: unknown[]) => void)(...middleware) : void pending.push(['use', middleware]),
    eject: (...middleware: unknown[]) =>
      client ? (client.eject as (...m: unknown[]) => void)(...middleware) : void pending.push(['eject', middleware]),
  };
  for (const method of RAW_METHODS)
    facade[method] = (...args: unknown[]) => load().then((c) => (c[method] as (...a: unknown[]) => unknown)(...args));
  return facade as unknown as Client<Paths>;
}
