// Both areas' generated catalogues as one: every operation's route and documented errors (status,
// message, example body), plus the body each error is sent in. Types and data come from the specs only.
import {
  type ErrorMessages as IdCheckMessages,
  type operations as IdCheckOperations,
  errorMessages as idcheckErrors,
  operationRoutes as idcheckRoutes,
} from './generated/idcheck.js';
import {
  type ErrorMessages as TextAssessmentMessages,
  type operations as TextAssessmentOperations,
  errorMessages as textErrors,
  operationRoutes as textRoutes,
} from './generated/text-assessment.js';
import { fillTemplate, templateMatches } from './helpers.js';

/** The two API areas, by the name of their spec file. */
export type Area = 'idcheck' | 'text-assessment';

/** Documented error messages per operation of both areas; variable parts are `${string}`. */
export type ErrorMessages = IdCheckMessages & TextAssessmentMessages;
/** Every operation id of both specs. */
export type OperationId = keyof ErrorMessages;

/** openapi-typescript's `operations` of both specs, by operation id. */
export type Operations = IdCheckOperations & TextAssessmentOperations;

/** The JSON body of an operation's documented 200 answer. */
export type SuccessBody<Op extends OperationId> = Operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/**
 * One documented error of an operation: its status, its message (`{name}` marks variable text) and
 * the documented body.
 */
export interface DocumentedError {
  readonly status: number;
  readonly message: string;
  readonly example: Readonly<Record<string, unknown>>;
}

/** Documented errors of each operation, in the order the server checks them. */
export const errorMessages: { readonly [Op in OperationId]: (typeof idcheckErrors & typeof textErrors)[Op] } =
  /* @__PURE__ */ Object.assign({}, idcheckErrors, textErrors);

/** The message templates an operation documents (a typo in a hand-written one does not compile). */
export type DocumentedMessage<Op extends OperationId = OperationId> = Op extends OperationId
  ? (typeof errorMessages)[Op][number]['message']
  : never;

/** Method, path template and area of each operation. */
export const operationRoutes: {
  readonly [Op in OperationId]: { readonly method: string; readonly path: string; readonly area: Area };
} = /* @__PURE__ */ (() => {
  const out: Record<string, { method: string; path: string; area: Area }> = {};
  for (const [id, route] of Object.entries(idcheckRoutes)) out[id] = { ...route, area: 'idcheck' };
  for (const [id, route] of Object.entries(textRoutes)) out[id] = { ...route, area: 'text-assessment' };
  return out as never;
})();

/**
 * The body an error of `operationId` is sent in, holding `message`: the envelope its documented
 * example uses (`{errorCode}`, `{message}`, or text assessment's `{type, code, message}`).
 */
export function errorBody(
  example: Readonly<Record<string, unknown>>,
  status: number,
  message: string,
): Record<string, unknown> {
  if ('errorCode' in example) return { errorCode: message };
  if ('type' in example) return { type: 'error', code: status, message };
  return { message };
}

/** The documented error of `operationId` whose message is `template` (exactly), or undefined. */
export function documentedErrorOf<Op extends OperationId>(
  operationId: Op,
  template: DocumentedMessage<Op>,
): DocumentedError | undefined {
  return (errorMessages[operationId] as readonly DocumentedError[]).find((entry) => entry.message === template);
}

/** Status and body of a documented error with its `{name}` parts filled; throws for an undocumented one. */
export function documentedResponse<Op extends OperationId>(
  operationId: Op,
  template: DocumentedMessage<Op>,
  values?: Readonly<Record<string, string>>,
): { status: number; message: string; body: Record<string, unknown> } {
  const entry = documentedErrorOf(operationId, template);
  if (!entry) throw new Error(`${operationId} does not document "${template}"`);
  const message = fillTemplate(template, values);
  return { status: entry.status, message, body: errorBody(entry.example, entry.status, message) };
}

/**
 * The documented error of `operationId` that `message` is (the documented text itself, `{name}` parts
 * filled in or not), as sent: the documented example for the documented text, else the message in the
 * operation's envelope. Undefined when the operation documents no such message.
 */
export function documentedErrorFor(
  operationId: OperationId,
  message: string,
): { status: number; message: string; body: Record<string, unknown> } | undefined {
  const entry = (errorMessages[operationId] as readonly DocumentedError[]).find(
    (e) => e.message === message || templateMatches(e.message, message),
  );
  if (!entry) return undefined;
  const body = message === entry.message ? { ...entry.example } : errorBody(entry.example, entry.status, message);
  return { status: entry.status, message: (body.errorCode ?? body.message) as string, body };
}
