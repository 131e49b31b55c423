// The text-assessment id rule (author, text, task and session ids): at most 40 characters, then only
// ASCII letters, digits and hyphens; length is checked first.
import type { DocumentedMessage } from '../catalogue.js';

const ID = /^[A-Za-z0-9-]+$/;
export const ID_MAX_LENGTH = 40;

/** Which rule an id breaks first, or undefined. */
export function identifierProblem(
  value: string,
): 'too long' | 'must only contain alphanumerics and hyphens' | undefined {
  if ([...value].length > ID_MAX_LENGTH) return 'too long';
  if (!ID.test(value)) return 'must only contain alphanumerics and hyphens';
  return undefined;
}

/** The documented refusal of an author id by `deleteAuthorSubmissions`, or undefined when it is well-formed. */
export function checkAuthorId(id: string): DocumentedMessage<'deleteAuthorSubmissions'> | undefined {
  const problem = identifierProblem(id);
  return problem && `id ${problem}`;
}
