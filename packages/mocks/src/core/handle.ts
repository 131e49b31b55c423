// The core's handling of a routed request in the state it acts on: the controls (the request's own
// `Prefer` header, else an armed response for the operation), the area's gate and the operation;
// every request an area claims goes into the journal. Adapters reach it through `serveRequest`
// (core/serve.ts), which picks the session first. Synchronous unless a delay asks to wait.
import { messageOf } from '@scrub/spec/helpers';
import type { ApiArea, OperationRequest } from './area.js';
import { type ArmEffect, type Fault, JOURNAL_BODY_LIMIT } from './control.js';
import { exampleError } from './errors.js';
import { FAULT_RESPONSE, isFault, type MockResult } from './faults.js';
import { describeIgnored, type Preferences, parsePrefer } from './prefer.js';
import type { MockRequest } from './request.js';
import { errorJson, type MockResponse } from './response.js';
import type { RouteMatch } from './router.js';
import type { MockStateCore } from './state.js';

// not unref'd: under MSW in a plain script the timer is what keeps the process alive for the answer
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
  if (match.operationId === undefined) return journal(state, request, null, match.response, false);

  const prefs = parsePrefer(request.header('prefer'));
  if (prefs?.ignored.length) state.options.onWarning?.(`Prefer: ignored ${describeIgnored(prefs.ignored)}`);
  // a request's own Prefer controls win over arms, and then consume none
  const own =
    prefs !== undefined &&
    (prefs.code !== undefined || prefs.example !== undefined || prefs.delay !== undefined || prefs.fault !== undefined);
  const armed = own ? undefined : state.control.take(match.operationId);
  const delay = own ? prefs!.delay : armed?.delay;
  if (delay) {
    const generation = state.control.generation;
    return sleep(delay).then((): MockResult => {
      // the state was reset while this request waited: it is the previous test's, answer nothing and record nothing
      if (state.control.generation !== generation) return { fault: 'reset' };
      return answer(state, request, match, own ? prefs : undefined, armed);
    });
  }
  return answer(state, request, match, own ? prefs : undefined, armed);
}

function answer(
  state: MockStateCore,
  request: MockRequest,
  match: Extract<RouteMatch, { params: unknown }>,
  prefs: Preferences | undefined,
  armed: ArmEffect | undefined,
): MockResult {
  const { area, operationId } = match;
  const record = (result: MockResult) => journal(state, request, operationId, result, armed !== undefined);
  if (prefs) {
    if (prefs.fault) return record({ fault: prefs.fault });
    if (prefs.code !== undefined || prefs.example !== undefined) {
      const forced = exampleError(operationId, prefs.code, prefs.example);
      if (forced) return record(forced);
      const asked = describeIgnored(
        [prefs.code ? `code=${prefs.code}` : '', prefs.example ? `example=${prefs.example}` : ''].filter(Boolean),
      );
      state.options.onWarning?.(`Prefer: ${operationId} documents no error for ${asked}`);
    }
  }
  if (armed?.response) return record(armed.response);
  const fault: Fault | undefined = armed?.fault;
  if (fault === 'reset') return record({ fault });
  if (fault === 'stall' || fault === 'truncate' || fault === 'invalid-json')
    return record({ fault, response: FAULT_RESPONSE });
  const call = {
    request,
    operationId,
    params: match.params,
    slice: state.slices[area.key],
    options: state.options,
  };
  let response: MockResponse;
  try {
    response = runOperation(area, call);
  } catch (error) {
    state.options.onWarning?.(`${operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
    response = exampleError(operationId, 500) ?? errorJson(500, { message: 'Internal server error' });
  }
  // the operation ran and changed what it changes; the answer is lost on the way
  if (fault === 'apply-then-reset') return record({ fault, response });
  return record(response);
}

/** The area's gate (version, credentials, body size), then the operation. */
function runOperation(area: ApiArea, call: OperationRequest<unknown>) {
  const gate = area.gate(call);
  if (!gate.ok) return gate.response;
  const operation = area.operations[call.operationId];
  if (!operation) throw new Error(`area ${area.key} has no operation ${call.operationId}`);
  return operation(call, gate.auth);
}

/** Records the request and what it got in the journal; returns `result`. */
function journal<R extends MockResult>(
  state: MockStateCore,
  request: MockRequest,
  operationId: RouteMatch['operationId'] | null,
  result: R,
  armed: boolean,
): R {
  const fault = isFault(result) ? result.fault : null;
  // a dropped connection sent nothing (status 0); invalid-json sent a 200
  const response = isFault(result)
    ? fault === 'stall' || fault === 'truncate' || fault === 'invalid-json'
      ? result.response
      : undefined
    : (result as MockResponse);
  let message: string | null = null;
  if (response && response.status >= 400) message = response.message ?? messageFromBody(response.body);
  state.control.record({
    at: state.options.now(),
    operationId: operationId ?? null,
    method: request.method,
    path: request.path,
    search: request.search,
    body: request.body !== undefined && request.body.length <= JOURNAL_BODY_LIMIT ? request.body : undefined,
    status: response?.status ?? 0,
    message,
    armed,
    fault,
  });
  return result;
}

function messageFromBody(body: string | undefined): string | null {
  try {
    return messageOf(JSON.parse(body ?? '')) ?? null;
  } catch {
    return null;
  }
}
