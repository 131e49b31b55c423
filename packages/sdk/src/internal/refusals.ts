// Local refusals: the server's own request rules (`@scrub/spec/rules`) applied before sending, each
// answered with the operation's documented 400 exactly as the server would send it. Loaded on first
// use: the rules and the catalogue weigh more than a client.
import { type DocumentedMessage, documentedResponse, type OperationId } from '@scrub/spec';
import { checkAuthorId, checkPartialDelete } from '@scrub/spec/rules';
import { type APIError, apiError } from '../errors.js';

function refusal<Op extends OperationId>(
  operation: Op,
  message: DocumentedMessage<Op>,
  values?: Record<string, string>,
): APIError<Op> {
  const { status, message: code, body } = documentedResponse(operation, message, values);
  return apiError<Op>({ status, code, body, operation, sent: false });
}

/** The documented refusal of a partial delete's parameters, or undefined when the server would take them. */
export function partialDeleteRefusal(values: Readonly<Record<string, string | undefined>>) {
  // the query values the request would carry, exactly as it would carry them
  const checked = checkPartialDelete({ getAll: (name) => (values[name] === undefined ? [] : [values[name]!]) });
  return checked.ok ? undefined : refusal('partialDeleteSubmission', checked.message, checked.values);
}

/** The documented refusal of an author id, or undefined when it is well-formed. */
export function authorIdRefusal(id: string) {
  const message = checkAuthorId(id);
  return message && refusal('deleteAuthorSubmissions', message);
}
