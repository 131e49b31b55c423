// Documented errors come from the spec's catalogue: the mock names a documented message and the values
// of its `{name}` parts; the catalogue decides status and body. An undocumented message is a type error.
import {
  type DocumentedError,
  type DocumentedMessage,
  documentedResponse,
  errorMessages,
  type OperationId,
} from '@scrub/spec';
import { errorJson, json, type MockResponse } from './response.js';

/** The documented error `message` of `operationId`, with `{name}` parts filled from `values`. */
export function documentedError<Op extends OperationId>(
  operationId: Op,
  message: DocumentedMessage<Op>,
  values?: Record<string, string>,
): MockResponse {
  const { status, body, message: sent } = documentedResponse(operationId, message, values);
  return { ...json(status, body), message: sent };
}

/**
 * The documented example body of `operationId` for a status and/or an exact message (`Prefer: code=`,
 * `example=`): the first documented error that fits; undefined when none does.
 */
export function exampleError(operationId: OperationId, status?: number, message?: string): MockResponse | undefined {
  const entry = (errorMessages[operationId] as readonly DocumentedError[]).find((e) => {
    if (status !== undefined && e.status !== status) return false;
    if (message === undefined) return true;
    return e.message === message || e.example.errorCode === message || e.example.message === message;
  });
  return entry && errorJson(entry.status, entry.example);
}
