// The one request pipeline of a client: one ky instance (retry policy, per-attempt timeout, redirects
// policy, error answers returned rather than thrown, but for those ky is to retry) and `send`, which
// turns a call into its typed result: options merged, body sealed, answer read, opened or mapped to the
// SDK's error classes.
import type { OperationId } from '@scrub/spec';
import ky, { type KyInstance } from 'ky';
import type { Client } from 'openapi-fetch';
import { answerError, errorBody, successBody } from './answers.js';
import { type Call, methodOf, type Result, urlOf } from './call.js';
import { type BodyCodec, type EncryptionOption, encryptionCodec, plainBodies } from './encryption.js';
import { createExchange, type Exchange, logRetry } from './exchange.js';
import { lostAttemptEffect } from './lost-attempt.js';
import {
  type ClientDefaults,
  callOptions,
  checkCredentials,
  checkHeaders,
  checkLimits,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type RequestOptions,
  type TransportOptions,
} from './options.js';
import { rawClient } from './raw.js';
import { sameOriginRedirects } from './redirects.js';
import { retryOptions } from './retry.js';

export interface PipelineConfig extends TransportOptions {
  baseUrl: string;
  /** The credential headers (checked here, sent on every request, never logged). */
  credentials: Record<string, string>;
  /** The ID-check encryption option (the text-assessment API has none). */
  encryption?: EncryptionOption;
}

/** One call: it resolves to the operation's success body, typed by the spec. */
export type Send = <Op extends OperationId>(call: Call<Op>, options?: RequestOptions) => Promise<Result<Op>>;

export interface Pipeline<Paths extends {}> {
  send: Send;
  /** The typed openapi-fetch client over the same ky instance (`{ data, error, response }` style). */
  raw: Client<Paths>;
}

export function createPipeline<Paths extends {}>(config: PipelineConfig): Pipeline<Paths> {
  checkCredentials(config.credentials);
  const clientHeaders = config.headers === undefined ? {} : checkHeaders(config.headers, 'client');
  checkLimits(config);
  const baseUrl = config.baseUrl.replace(/\/$/, '');
  const headers = { ...clientHeaders, ...config.credentials };
  const defaults: ClientDefaults = {
    timeout: config.timeout ?? DEFAULT_TIMEOUT_MS,
    retry: retryOptions(config.maxRetries ?? DEFAULT_MAX_RETRIES, config.retryPost),
    fetch: sameOriginRedirects(config.fetch ?? ((input, init) => globalThis.fetch(input, init))),
  };
  const api: KyInstance = ky.create({
    timeout: defaults.timeout,
    redirect: 'manual',
    // error answers come back as Responses; a call that may be retried throws those ky is to retry
    throwHttpErrors: false,
    fetch: defaults.fetch,
    headers,
    retry: defaults.retry,
    hooks: config.log ? { beforeRetry: [logRetry(config.log)] } : {},
  });
  const exchange = createExchange(api, config.log);
  const codec = config.encryption ? encryptionCodec(config.encryption) : plainBodies;
  const raw = rawClient<Paths>({
    baseUrl,
    headers,
    exchange,
    options: (request) => ({ ...callOptions(request.method, undefined, defaults), signal: request.signal }),
  });
  return { send: sender(baseUrl, defaults, exchange, codec), raw };
}

/** `send` of a pipeline. */
function sender(baseUrl: string, defaults: ClientDefaults, exchange: Exchange, codec: BodyCodec): Send {
  return async function send<Op extends OperationId>(call: Call<Op>, o?: RequestOptions): Promise<Result<Op>> {
    const url = urlOf(baseUrl, call);
    const options = callOptions(methodOf(call.operation), o, defaults);
    const effectOfLostAttempt = lostAttemptEffect(call.operation, options);
    if (call.body !== undefined) {
      options.body = await codec.seal(JSON.stringify(call.body));
      options.headers = { ...options.headers, 'content-type': 'application/json' };
    }
    const { response, body: bytes } = await exchange(url, options);
    const text = decoder.decode(bytes);
    if (response.ok) return (await codec.open(successBody(call.operation, response.status, text))) as Result<Op>;
    const body = errorBody(text);
    const effect = effectOfLostAttempt(response.status, body);
    if (effect !== undefined) return effect;
    throw answerError(call.operation, response, body);
  };
}

const decoder = new TextDecoder();
