// The one request path both adapters (MSW, node:http) call: route (unless the adapter routed
// already), the state of the session the request names, then the core's handling (the `Prefer`
// controls and arms, the area's gate with its body-size rule, the operation, the journal). What comes
// back is an answer to write out as is, or a fault for the transport to enact. Synchronous unless a
// delay asks to wait, so the server's hot path allocates no promises.
import { FAULT_RESPONSE, INVALID_JSON_RESPONSE, isFault, type MockResult } from './faults.js';
import { handleRequest } from './handle.js';
import type { MockRequest } from './request.js';
import type { MockResponse } from './response.js';
import type { RouteMatch } from './router.js';
import { type MockStateCore, SESSION_HEADER, stateFor } from './state.js';

/**
 * A fault only the transport can enact: `reset` and `apply-then-reset` drop the connection; `stall`
 * sends status and headers of `response` and never its body; `truncate` sends part of it and closes.
 */
export type TransportFault =
  | { fault: 'reset'; response?: undefined }
  | { fault: 'apply-then-reset'; response?: undefined }
  | { fault: 'stall'; response: MockResponse }
  | { fault: 'truncate'; response: MockResponse };

/** What the adapter does with a request the core served: write the answer, or enact the fault. */
export type Served = MockResponse | TransportFault;

/**
 * Serves a request of any registered area, or returns `undefined` when no area claims its path (MSW
 * then lets it pass; the server answers 404). `match` is the router's verdict when the adapter has it
 * already, so a request is routed once. A malformed `x-mock-session` is a 400; a body the adapter
 * found over `BODY_LIMIT` (`request.bodyTooLarge`) gets the area's documented 413, in its gate's order.
 */
export function serveRequest(
  state: MockStateCore,
  request: MockRequest,
  match: RouteMatch | undefined = state.router.match(request.method, request.path),
): Served | undefined | Promise<Served> {
  if (!match) return undefined;
  const target = stateFor(state, request.header(SESSION_HEADER));
  if (!('control' in target)) return target;
  const result = handleRequest(target, request, match);
  if (result === undefined) return undefined;
  return result instanceof Promise ? result.then(toServed) : toServed(result);
}

/** The handling's result as the transport sees it: `invalid-json` is a plain (if not JSON) answer. */
function toServed(result: MockResult): Served {
  if (!isFault(result)) return result;
  switch (result.fault) {
    case 'invalid-json':
      return INVALID_JSON_RESPONSE;
    case 'stall':
    case 'truncate':
      return { fault: result.fault, response: result.response ?? FAULT_RESPONSE };
    default:
      return { fault: result.fault };
  }
}

export const isTransportFault = (served: Served): served is TransportFault => 'fault' in served;
