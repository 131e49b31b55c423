// Plain HTTP for the suite: what was sent, what came back, nothing hidden by a client library.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Req, Res } from './model.js';

/** The parsed body of a text, `undefined` when it is not JSON. */
function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** fetch refuses a body on GET and HEAD; node:http sends it (the 413 cases need one). */
function sendWithBody(url: string, req: Req, timeoutMs: number): Promise<Res> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // Node frames a GET body only with an explicit length (it never chunks GET)
    const headers = { ...req.headers, 'content-length': String(Buffer.byteLength(req.body ?? '')) };
    const outgoing = request(url, { method: req.method, headers, timeout: timeoutMs }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers))
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: incoming.statusCode ?? 0, headers, text, json: parse(text) });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

export async function send(baseUrl: string, req: Req, timeoutMs = 30_000): Promise<Res> {
  const url = `${baseUrl.replace(/\/$/, '')}${req.path}${req.query ? `?${req.query}` : ''}`;
  if (req.body !== undefined && (req.method === 'GET' || req.method === 'HEAD'))
    return sendWithBody(url, req, timeoutMs);
  const response = await fetch(url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parse(text) };
}

/** `a=1&b=2` from pairs, each part percent-encoded. */
export const qs = (...pairs: [string, string][]) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
