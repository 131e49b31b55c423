// HAR files (a browser's or a proxy's recording): reading one, and what the traffic check takes
// from an entry (its answer's text, the credentials its requests carried, the request to replay).
import { readFileSync } from 'node:fs';
import type { Req } from './model.js';

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  /** Playwright's mark of a request a service worker made (an MSW worker passing a page's call through). */
  _serviceWorkerRef?: string;
  request: { method: string; url: string; headers?: HarHeader[]; postData?: { text?: string } };
  response: {
    status: number;
    headers?: HarHeader[];
    content?: { text?: string; encoding?: string; mimeType?: string };
  };
}

/** The entries of a HAR file; throws when it is not one. */
export function readHar(file: string): HarEntry[] {
  let har: { log?: { entries?: HarEntry[] } };
  try {
    har = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a HAR file: ${(error as Error).message}`);
  }
  const entries = har.log?.entries;
  if (!Array.isArray(entries)) throw new Error(`${file} is not a HAR file: no log.entries`);
  return entries;
}

/** The text of a recorded answer (base64 decoded). */
export function bodyText(content: HarEntry['response']['content']): string {
  if (!content?.text) return '';
  return content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
}

/** A JSON text parsed, `undefined` when it is empty or not JSON. */
export const parseJson = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

const CREDENTIAL_HEADERS = new Set(['x-api-key', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

/** Every credential the recorded requests carried (a token also without its `Token token=`). */
export function recordedSecrets(entries: readonly HarEntry[]): string[] {
  const secrets: string[] = [];
  for (const e of entries)
    for (const h of e.request.headers ?? [])
      if (CREDENTIAL_HEADERS.has(h.name.toLowerCase()))
        secrets.push(h.value.trim(), h.value.replace(/^Token token=/, '').trim());
  return secrets;
}

/** Headers a replay must not copy: the connection's own, and the browser's. */
const NOT_REPLAYED = new Set([
  'host',
  'content-length',
  'connection',
  'origin',
  'referer',
  'cookie',
  'accept-encoding',
]);

/** The request of an entry as the suite sends it again (`mapIds` turns recorded ids into replayed ones). */
export function replayRequest(entry: HarEntry, mapIds: (text: string) => string = (t) => t): Req {
  const url = new URL(entry.request.url);
  const headers = Object.fromEntries(
    (entry.request.headers ?? [])
      .filter((h) => !h.name.startsWith(':') && !NOT_REPLAYED.has(h.name.toLowerCase()))
      .map((h) => [h.name.toLowerCase(), h.value]),
  );
  const body = entry.request.postData?.text;
  return {
    method: entry.request.method.toUpperCase(),
    path: mapIds(url.pathname),
    ...(url.search ? { query: mapIds(url.search.slice(1)) } : {}),
    headers,
    ...(body !== undefined ? { body: mapIds(body) } : {}),
  };
}
