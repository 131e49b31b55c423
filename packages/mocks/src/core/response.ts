// The framework-free answer every adapter writes out: status, headers and serialised body, plus the
// documented message it carries (for the journal); and the JSON answers the core builds.
import { messageOf } from '@scrub/spec/helpers';

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialised body (JSON text), or `undefined` for none. */
  body: string | undefined;
  /** The documented error message the body carries, when the core knows it (the journal records it). */
  message?: string;
}

export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

export function json(status: number, body: unknown): MockResponse {
  return { status, headers: JSON_HEADERS as Record<string, string>, body: JSON.stringify(body) };
}

/** An error answer that carries its message, so the journal never parses the body to find it. */
export function errorJson(status: number, body: Readonly<Record<string, unknown>>): MockResponse {
  const message = messageOf(body);
  return { ...json(status, body), ...(message !== undefined ? { message } : {}) };
}
