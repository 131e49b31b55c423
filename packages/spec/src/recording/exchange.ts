// One request and its answer, as a proxy or a HAR saw them.

export interface Header {
  name: string;
  value: string;
}

/** One request and its answer as a proxy or a HAR saw them; bodies as UTF-8 text. */
export interface Exchange {
  /** ISO 8601, when the request started. */
  startedDateTime: string;
  /** Milliseconds until the answer was complete. */
  time: number;
  request: { method: string; url: string; headers: Header[]; body?: string };
  response: { status: number; statusText: string; headers: Header[]; body?: string };
}

/** The value of the first header named `name` (case-insensitive). */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}
