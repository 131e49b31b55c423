// HAR 1.2 in and out: the exchanges of a browser's or a proxy's HAR file (base64 bodies decoded), and
// the HAR of exchanges (what a recording writes).

import { RecordingError } from './error.js';
import type { Exchange, Header } from './exchange.js';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function headersAt(value: unknown, at: string): Header[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RecordingError(`${at}: expected an array`);
  return value.map((h, i) => {
    if (!isObject(h) || typeof h.name !== 'string' || typeof h.value !== 'string')
      throw new RecordingError(`${at}[${i}]: expected { name, value } strings`);
    return { name: h.name, value: h.value };
  });
}

function fromBase64(text: string, at: string): string {
  try {
    return decoder.decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    throw new RecordingError(`${at}: not base64`);
  }
}

function exchangeAt(entry: unknown, at: string): Exchange {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response))
    throw new RecordingError(`${at}: expected an entry with request and response`);
  const { request, response } = entry;
  if (typeof request.method !== 'string' || typeof request.url !== 'string')
    throw new RecordingError(`${at}.request: expected method and url strings`);
  if (typeof response.status !== 'number') throw new RecordingError(`${at}.response.status: expected a number`);
  const postData = isObject(request.postData) ? request.postData : {};
  const content = isObject(response.content) ? response.content : {};
  const requestBody = typeof postData.text === 'string' ? postData.text : undefined;
  let responseBody = typeof content.text === 'string' ? content.text : undefined;
  if (responseBody !== undefined && content.encoding === 'base64')
    responseBody = fromBase64(responseBody, `${at}.response.content.text`);
  return {
    startedDateTime: typeof entry.startedDateTime === 'string' ? entry.startedDateTime : '',
    time: typeof entry.time === 'number' ? entry.time : 0,
    request: {
      method: request.method,
      url: request.url,
      headers: headersAt(request.headers, `${at}.request.headers`),
      ...(requestBody !== undefined ? { body: requestBody } : {}),
    },
    response: {
      status: response.status,
      statusText: typeof response.statusText === 'string' ? response.statusText : '',
      headers: headersAt(response.headers, `${at}.response.headers`),
      ...(responseBody !== undefined ? { body: responseBody } : {}),
    },
  };
}

/** The exchanges of a parsed HAR file (base64 bodies decoded); throws RecordingError when it is not one. */
export function fromHar(har: unknown): Exchange[] {
  const log = isObject(har) && isObject(har.log) ? har.log : undefined;
  if (!log || !Array.isArray(log.entries)) throw new RecordingError('not a HAR file: no log.entries');
  return log.entries.map((entry, i) => exchangeAt(entry, `log.entries[${i}]`));
}

const mimeOf = (headers: readonly Header[]) =>
  headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? 'application/json';
const size = (text: string | undefined) => (text === undefined ? 0 : encoder.encode(text).length);

function queryOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url, 'http://relative.invalid').searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function entryOf(x: Exchange): Record<string, unknown> {
  const { request, response } = x;
  return {
    startedDateTime: x.startedDateTime,
    time: x.time,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: request.headers,
      queryString: queryOf(request.url),
      ...(request.body !== undefined ? { postData: { mimeType: mimeOf(request.headers), text: request.body } } : {}),
      headersSize: -1,
      bodySize: size(request.body),
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: response.headers,
      content: {
        size: size(response.body),
        mimeType: mimeOf(response.headers),
        ...(response.body !== undefined ? { text: response.body } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: size(response.body),
    },
    cache: {},
    timings: { send: 0, wait: x.time, receive: 0 },
  };
}

/** HAR 1.2 (`{ log: { version: '1.2', creator, entries } }`) of the exchanges. */
export function toHar(exchanges: readonly Exchange[], creator: { name: string; version: string }): object {
  return {
    log: { version: '1.2', creator: { name: creator.name, version: creator.version }, entries: exchanges.map(entryOf) },
  };
}
