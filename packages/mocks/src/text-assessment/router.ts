// `/{version}/account/{account_id}/...`: route, method, version, credentials, then the operation.
import { json, type MockRequest, type MockResponse } from '../core/http.js';
import type { MockState, TextAccount } from '../core/state.js';
import { documentedError, type OperationId } from '../core/errors.js';
import { deleteAuthorSubmissions, getTextResults, submitText } from './operations.js';

// what looks like a version, well-formed or not (`v2.3.0`, `v9`, `2.3.0`): the area claims the path and
// answers `unsupported API version` rather than a generic 404; `/api/account/...` stays someone else's
const VERSION_SEGMENT = /^[vV0-9][^/]*$/;
const SUPPORTED_VERSION = /^v2\.\d+\.\d+$/;
const TOKEN = /^Token token=(.+)$/;

export type TextOperationId = Extract<OperationId, 'deleteAuthorSubmissions' | 'submitText' | 'getTextResults'>;

export interface TextRoute {
  /** The operation per allowed method. */
  methods: Partial<Record<string, TextOperationId>>;
  version: string;
  accountId: string;
  id: string;
}

const envelope = (status: number, message: string) => json(status, { type: 'error', code: status, message });

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape stays as sent and fails the id rules
  }
}

/** The route of a path of this area, or `undefined` when the path is not one of ours at all. */
export function matchTextRoute(path: string): TextRoute | 'not found' | undefined {
  const segments = path.split('/');
  if (segments[0] !== '' || !VERSION_SEGMENT.test(segments[1] ?? '') || segments[2] !== 'account') return undefined;
  const [, version = '', , account = '', kind, rawId, tail, ...rest] = segments;
  const accountId = decode(account);
  const id = rawId === undefined ? '' : decode(rawId);
  if (!accountId || !id || rest.length) return 'not found';
  if (kind === 'author' && tail === undefined) return { methods: { DELETE: 'deleteAuthorSubmissions' }, version, accountId, id };
  if (kind === 'text' && tail === undefined) return { methods: { PUT: 'submitText' }, version, accountId, id };
  if (kind === 'text' && tail === 'results') return { methods: { GET: 'getTextResults' }, version, accountId, id };
  return 'not found';
}

export function routeNotFound(): MockResponse {
  return envelope(404, 'not found');
}

export function methodNotAllowed(): MockResponse {
  return envelope(405, 'method not allowed');
}

function account(state: MockState, request: MockRequest, accountId: string): TextAccount | undefined {
  const token = TOKEN.exec(request.header('authorization') ?? '')?.[1];
  const found = state.textAssessment.accounts.get(accountId);
  return found && token !== undefined && found.token === token ? found : undefined;
}

/** Runs an operation after the version and credential checks its spec lists first. */
export function handleTextOperation(state: MockState, request: MockRequest, operationId: TextOperationId, route: TextRoute): MockResponse {
  if (!SUPPORTED_VERSION.test(route.version)) return documentedError(operationId, 'unsupported API version');
  const found = account(state, request, route.accountId);
  if (!found) return documentedError(operationId, 'invalid authentication credentials');
  if (request.bodyTooLarge)
    return operationId === 'submitText' ? documentedError(operationId, 'request entity too large') : envelope(413, 'request entity too large');
  switch (operationId) {
    case 'deleteAuthorSubmissions':
      return deleteAuthorSubmissions(state, found, route.id);
    case 'submitText':
      return submitText(state, found, route.id, request);
    case 'getTextResults':
      return getTextResults(state, found, route.id);
  }
}
