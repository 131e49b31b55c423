// The spec's own texts: every operation's documented error messages, the success messages and the
// generic errors. A body keeps a message that is one of them (a `{name}` part matches anything).
import { errorMessages } from '../catalogue.js';
import { templateMatches } from '../helpers.js';

/** Messages of success bodies and of the generic errors, besides every operation's documented errors. */
const OTHER_MESSAGES = [
  'success',
  'Create projection success',
  'Get projection list success',
  'Get projection success',
  'Delete projection success',
  'Not Found',
  'Method Not Allowed',
  'Request Entity Too Large',
  'not found',
  'method not allowed',
];
export const TEMPLATES: readonly string[] = [
  ...new Set([...OTHER_MESSAGES, ...Object.values(errorMessages).flatMap((list) => list.map((e) => e.message))]),
];

/** Whether `message` is one of the spec's documented texts (a template's `{name}` parts match anything). */
export const isDocumentedMessage = (message: string) => TEMPLATES.some((t) => templateMatches(t, message));
