// One entry point for every adapter: route, `Prefer` controls, then the operation.
import { catalog, preferredError, type OperationId } from './errors.js';
import { json, type MockRequest, type MockResult } from './http.js';
import { parsePrefer } from './prefer.js';
import type { MockState } from './state.js';
import { handleIdCheckOperation, idCheckNotFound, matchIdCheckRoute } from '../idcheck/router.js';
import { handleTextOperation, matchTextRoute, methodNotAllowed, routeNotFound } from '../text-assessment/router.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function internalError(operationId: OperationId) {
  const entry = catalog[operationId].find((e) => e.status === 500);
  return json(500, entry?.example ?? { message: 'Internal server error' });
}

/**
 * Answers a request of either API area, or returns `undefined` when the path belongs to neither
 * (MSW then lets it pass; the server answers 404). Synchronous unless `Prefer: delay=` asks to wait,
 * so the server's hot path allocates no promises.
 */
export function handleRequest(state: MockState, request: MockRequest): MockResult | undefined | Promise<MockResult> {
  const idcheck = matchIdCheckRoute(request.path);
  const text = idcheck === undefined ? matchTextRoute(request.path) : undefined;
  if (idcheck === undefined && text === undefined) return undefined;
  if (idcheck === 'not found') return idCheckNotFound();
  if (text === 'not found') return routeNotFound();

  const route = (idcheck ?? text)!;
  const operationId = route.methods[request.method];
  if (!operationId) return idcheck ? idcheck.methodNotAllowed() : methodNotAllowed();

  const prefs = parsePrefer(request.header('prefer'));
  if (prefs) {
    if (prefs.ignored.length) state.options.onWarning?.(`Prefer: ignored ${prefs.ignored.join(', ')}`);
    if (prefs.delay) {
      const delay = prefs.delay;
      prefs.delay = undefined;
      return sleep(delay).then(() => answer(state, request, operationId, idcheck, text, prefs));
    }
  }
  return answer(state, request, operationId, idcheck, text, prefs);
}

function answer(
  state: MockState,
  request: MockRequest,
  operationId: OperationId,
  idcheck: ReturnType<typeof matchIdCheckRoute>,
  text: ReturnType<typeof matchTextRoute>,
  prefs: ReturnType<typeof parsePrefer>,
): MockResult {
  if (prefs) {
    if (prefs.fault) return { fault: prefs.fault };
    if (prefs.code !== undefined || prefs.example !== undefined) {
      const forced = preferredError(operationId, prefs.code, prefs.example);
      if (forced) return forced;
      state.options.onWarning?.(`Prefer: ${operationId} documents no error for ${[prefs.code && `code=${prefs.code}`, prefs.example && `example=${prefs.example}`].filter(Boolean).join(', ')}`);
    }
  }

  try {
    if (idcheck) {
      if (request.bodyTooLarge)
        return operationId === 'createProjection' ? preferredError(operationId, 413)! : json(413, { message: 'Request Entity Too Large' });
      return handleIdCheckOperation(state, request, operationId as Parameters<typeof handleIdCheckOperation>[2], idcheck as Exclude<typeof idcheck, 'not found' | undefined>);
    }
    return handleTextOperation(state, request, operationId as Parameters<typeof handleTextOperation>[2], text as Exclude<typeof text, 'not found' | undefined>);
  } catch (error) {
    state.options.onWarning?.(`${operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
    return internalError(operationId);
  }
}
