// The faults a test can arm (or ask for with `Prefer: fault=`): what each does to the answer, and the
// bodies they send. The adapters enact them as far as their transport allows.
import { JSON_HEADERS, type MockResponse } from './response.js';

/** What an armed fault does to the answer (the server and MSW do each as far as their transport allows). */
export const FAULTS = ['reset', 'apply-then-reset', 'stall', 'truncate', 'invalid-json'] as const;
export type Fault = (typeof FAULTS)[number];

/**
 * What the core asks an adapter to do instead of answering normally: `reset` and `apply-then-reset`
 * drop the connection; `stall` sends status and headers and never the body; `truncate` sends part of
 * `response` and closes; `invalid-json` answers 200 with a body that is not JSON.
 */
export interface MockFault {
  fault: Fault;
  /** The answer the fault cuts short (truncate). */
  response?: MockResponse;
}

/** What handling a request comes to: an answer, or a fault to enact. */
export type MockResult = MockResponse | MockFault;

export const isFault = (result: MockResult): result is MockFault => 'fault' in result;

/** The body an `invalid-json` fault sends (with `content-type: application/json`). */
export const INVALID_JSON_BODY =
  '<html><body>Scrub mock: invalid-json fault (this body is not JSON on purpose)</body></html>';
/** The answer a `stall` or `truncate` fault starts: a 200 whose body the client never receives whole. */
export const FAULT_BODY = '{"message":"Scrub mock: this answer is cut short on purpose by an armed fault"}';

/** The 200 a `stall` or `truncate` fault starts (built once: it never changes). */
export const FAULT_RESPONSE: MockResponse = Object.freeze({
  status: 200,
  headers: JSON_HEADERS as Record<string, string>,
  body: FAULT_BODY,
});

/** The 200 an `invalid-json` fault sends: a whole answer whose body is not JSON (built once). */
export const INVALID_JSON_RESPONSE: MockResponse = Object.freeze({
  status: 200,
  headers: JSON_HEADERS as Record<string, string>,
  body: INVALID_JSON_BODY,
});
