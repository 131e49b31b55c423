// Plain HTTP for the suite: what was sent, what came back, nothing hidden by a client library.

export interface Req {
  method: string;
  path: string;
  /** Raw query string without `?` (sent as is, so malformed ones can be sent too). */
  query?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, `undefined` when it is not JSON. */
  json: unknown;
}

export async function send(baseUrl: string, req: Req, timeoutMs = 30_000): Promise<Res> {
  const url = `${baseUrl.replace(/\/$/, '')}${req.path}${req.query ? `?${req.query}` : ''}`;
  const response = await fetch(url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** `a=1&b=2` from pairs, each part percent-encoded. */
export const qs = (...pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
