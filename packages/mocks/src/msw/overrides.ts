// Typed one-off answers for `server.use(...)`: an operation's documented error built from its message
// (right status, right body shape), or a success body checked against the spec's 200 type. Matching
// uses the core's router, so an override catches exactly the requests the operation's own handler
// would. (openapi-msw would type these from `paths` too, but its peer range stops at msw 2, and this
// package supports msw 3.)

import { documentedErrorFor, type ErrorMessages, type OperationId, type SuccessBody } from '@scrub/spec';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { createRouter } from '../core/router.js';
import { areas } from '../state.js';
import { nameHandler, urlBelow } from './match.js';

const router = /* @__PURE__ */ createRouter(areas);

/**
 * The documented error of `operationId` with `message` (documented, `{name}` parts filled in or not),
 * as a Response: the status and the body shape the operation documents. Throws for an undocumented message.
 */
export function errorResponse<Op extends OperationId>(
  operationId: Op,
  message: ErrorMessages[Op],
): HttpResponse<Record<string, unknown>> {
  const error = documentedErrorFor(operationId, message);
  if (!error) throw new Error(`${operationId} does not document the message ${JSON.stringify(message)}`);
  return HttpResponse.json(error.body, { status: error.status });
}

export interface OverrideOptions {
  /** Origin (and path prefix) to intercept, as for `createHandlers`; default any origin. */
  baseUrl?: string;
  /** Answer the next matching request only (MSW's `once`). */
  once?: boolean;
}

type Answer<Op extends OperationId> = SuccessBody<Op> | Response;

/**
 * A handler answering `operationId` with `answer`: a success body (type-checked against the spec), a
 * Response (e.g. `errorResponse(...)`), or a function of the request returning either.
 */
export function override<Op extends OperationId>(
  operationId: Op,
  answer: Answer<Op> | ((info: { request: Request }) => Answer<Op> | Promise<Answer<Op>>),
  options: OverrideOptions = {},
): HttpHandler {
  const base = options.baseUrl?.replace(/\/$/, '');
  const handler = http.all(
    ({ request }) => {
      const url = urlBelow(base, request.url);
      return url !== undefined && router.match(request.method, url.pathname)?.operationId === operationId;
    },
    async ({ request }) => {
      // a Response given once answers many times: each request gets its own copy
      const value =
        typeof answer === 'function'
          ? await (answer as (info: { request: Request }) => Answer<Op> | Promise<Answer<Op>>)({ request })
          : answer instanceof Response
            ? answer.clone()
            : answer;
      return value instanceof Response ? value : HttpResponse.json(value as Record<string, unknown>);
    },
    { once: options.once ?? false },
  );
  return nameHandler(handler, `override of ${operationId}`);
}
