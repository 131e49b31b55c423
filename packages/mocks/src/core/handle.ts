// One entry point for every adapter: route once, then the `Prefer` controls, the area's gate and the
// operation. Synchronous unless `Prefer: delay=` asks to wait, so the server's hot path allocates no promises.
import type { ApiArea, OperationRequest } from './area.js';
import { exampleError } from './errors.js';
import { json, type MockRequest, type MockResult } from './http.js';
import { describeIgnored, parsePrefer, type Preferences } from './prefer.js';
import type { RouteMatch } from './router.js';
import type { MockStateCore } from './state.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Answers a request of any registered area, or returns `undefined` when no area claims its path
 * (MSW then lets it pass; the server answers 404). `match` is the router's verdict when the adapter
 * has it already (MSW matches in its predicate), so a request is routed once.
 */
export function handleRequest(
  state: MockStateCore,
  request: MockRequest,
  match: RouteMatch | undefined = state.router.match(request.method, request.path),
): MockResult | undefined | Promise<MockResult> {
  if (!match) return undefined;
  if (match.operationId === undefined) return match.response;

  const prefs = parsePrefer(request.header('prefer'));
  if (prefs) {
    if (prefs.ignored.length) state.options.onWarning?.(`Prefer: ignored ${describeIgnored(prefs.ignored)}`);
    if (prefs.delay) {
      const delay = prefs.delay;
      prefs.delay = undefined;
      return sleep(delay).then(() => answer(state, request, match, prefs));
    }
  }
  return answer(state, request, match, prefs);
}

function answer(state: MockStateCore, request: MockRequest, match: Extract<RouteMatch, { params: unknown }>, prefs: Preferences | undefined): MockResult {
  const { area, operationId } = match;
  if (prefs) {
    if (prefs.fault) return { fault: prefs.fault };
    if (prefs.code !== undefined || prefs.example !== undefined) {
      const forced = exampleError(operationId, prefs.code, prefs.example);
      if (forced) return forced;
      const asked = describeIgnored([prefs.code ? `code=${prefs.code}` : '', prefs.example ? `example=${prefs.example}` : ''].filter(Boolean));
      state.options.onWarning?.(`Prefer: ${operationId} documents no error for ${asked}`);
    }
  }
  try {
    return runOperation(area, { request, operationId, params: match.params, slice: (state as unknown as Record<string, unknown>)[area.key], options: state.options });
  } catch (error) {
    state.options.onWarning?.(`${operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
    return exampleError(operationId, 500) ?? json(500, { message: 'Internal server error' });
  }
}

/** The area's gate (version, credentials, body size), then the operation. */
function runOperation(area: ApiArea, call: OperationRequest<unknown>): MockResult {
  const gate = area.gate(call);
  if (!gate.ok) return gate.response;
  const operation = area.operations[call.operationId];
  if (!operation) throw new Error(`area ${area.key} has no operation ${call.operationId}`);
  return operation(call, gate.auth);
}
