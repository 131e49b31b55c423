// The text-assessment area (`/{version}/account/{account_id}/...`): its routes (generated), its gate
// (version, then the token of the account in the path, then body size), its operations and state.
import { operationRoutes } from '@scrub/spec/text-assessment';
import type { ApiArea, GateResult, OperationRequest } from '../core/area.js';
import { documentedError } from '../core/errors.js';
import { errorJson } from '../core/response.js';
import { deleteAuthorSubmissions, getTextResults, submitText } from './operations.js';
import {
  checkTextAssessmentFixture,
  dumpTextAssessment,
  loadTextAssessment,
  type TextAccount,
  type TextAssessmentFixture,
  type TextAssessmentState,
} from './state.js';

// what looks like a version, well-formed or not (`v2.3.0`, `v9`, `2.3.0`): the area claims the path and
// answers `unsupported API version` rather than a generic 404; `/api/account/...` stays someone else's
const VERSION_SEGMENT = /^[vV0-9][^/]*$/;
const SUPPORTED_VERSION = /^v2\.\d+\.\d+$/;
const TOKEN = /^Token token=(.+)$/;

const envelope = (status: number, message: string) => errorJson(status, { type: 'error', code: status, message });
const NOT_FOUND = envelope(404, 'not found');
const METHOD_NOT_ALLOWED = envelope(405, 'method not allowed');

function claims(path: string): boolean {
  const secondSlash = path.indexOf('/', 1);
  if (secondSlash === -1 || !VERSION_SEGMENT.test(path.slice(1, secondSlash))) return false;
  const rest = path.slice(secondSlash);
  return rest === '/account' || rest.startsWith('/account/');
}

function gate({ request, operationId, params, slice }: OperationRequest<TextAssessmentState>): GateResult<TextAccount> {
  if (!SUPPORTED_VERSION.test(params.version!))
    return { ok: false, response: documentedError(operationId, 'unsupported API version') };
  const token = TOKEN.exec(request.header('authorization') ?? '')?.[1];
  const account = slice.accounts.get(params.account_id!);
  if (!account || token === undefined || account.token !== token)
    return { ok: false, response: documentedError(operationId, 'invalid authentication credentials') };
  if (request.bodyTooLarge) return { ok: false, response: documentedError(operationId, 'request entity too large') };
  return { ok: true, auth: account };
}

export const textAssessmentArea: ApiArea<'textAssessment', TextAssessmentState, TextAccount, TextAssessmentFixture> = {
  key: 'textAssessment',
  // `v2%2E3%2E0` is not a version this API serves (it answers `unsupported API version`)
  rawParams: ['version'],
  routes: operationRoutes,
  claims,
  notFound: () => NOT_FOUND,
  methodNotAllowed: () => METHOD_NOT_ALLOWED,
  check: checkTextAssessmentFixture,
  load: (part, path) => loadTextAssessment(part, path),
  dump: dumpTextAssessment,
  gate,
  operations: { deleteAuthorSubmissions, submitText, getTextResults },
};

export type {
  AuthorDeletion,
  FixtureAccount,
  FixtureText,
  StoredText,
  TextAccount,
  TextAssessmentFixture,
  TextAssessmentState,
} from './state.js';
