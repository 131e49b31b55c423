// Documented errors come from the spec's generated catalog: the core names a message template and its
// values; the catalog decides status and body. An undocumented template is a type error.
import * as idcheck from '@scrub/sdk/spec/idcheck';
import * as textAssessment from '@scrub/sdk/spec/text-assessment';
import { json, type MockResponse } from './http.js';

export const catalog = { ...idcheck.errorMessages, ...textAssessment.errorMessages };
export type OperationId = keyof typeof catalog;
export type Template<Op extends OperationId> = (typeof catalog)[Op][number]['message'];

/** Error body of an operation: the envelope its area and documented examples use. */
function envelope(operationId: OperationId, status: number, message: string): unknown {
  if (operationId in textAssessment.errorMessages) return { type: 'error', code: status, message };
  const entry = catalog[operationId].find((e) => e.status === status);
  return entry && 'errorCode' in entry.example ? { errorCode: message } : { message };
}

/** The documented error `template` of `operationId`, with `{name}` parts filled from `values`. */
export function documentedError<Op extends OperationId>(
  operationId: Op,
  template: Template<Op>,
  values: Record<string, string> = {},
): MockResponse {
  const entry = (catalog[operationId] as readonly { status: number; message: string }[]).find((e) => e.message === template);
  if (!entry) throw new Error(`${operationId} does not document "${template}"`);
  const message = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
  return json(entry.status, envelope(operationId, entry.status, message));
}

/** The documented example body for `Prefer: code=` / `example=`; undefined when nothing matches. */
export function preferredError(operationId: OperationId, status?: number, example?: string): MockResponse | undefined {
  const entries = catalog[operationId] as readonly { status: number; message: string; example: Record<string, unknown> }[];
  const entry = entries.find((e) => {
    if (status !== undefined && e.status !== status) return false;
    if (example === undefined) return true;
    return e.message === example || e.example.errorCode === example || e.example.message === example;
  });
  return entry && json(entry.status, entry.example);
}
