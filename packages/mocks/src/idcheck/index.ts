// The ID-check area (`/v3/...`): its routes (generated), its gate (body size, then the key), its
// operations and its part of the state.
import { operationRoutes } from '@scrub/spec/idcheck';
import type { ApiArea, GateResult, OperationRequest } from '../core/area.js';
import { documentedError } from '../core/errors.js';
import { errorJson, type MockResponse } from '../core/response.js';
import { credentials, type ProjectAuth } from './credentials.js';
import { partialDeleteSubmission } from './partial-delete.js';
import { createProjection, deleteProjection, getProjection, listProjections } from './projections.js';
import { checkIdCheckFixture, dumpIdCheck, type IdCheckFixture, type IdCheckState, loadIdCheck } from './state.js';
import { getSubmission } from './submissions.js';

const refuse = (response: MockResponse): GateResult<never> => ({ ok: false, response });
const NOT_FOUND = errorJson(404, { message: 'Not Found' });
const METHOD_NOT_ALLOWED = errorJson(405, { message: 'Method Not Allowed' });

function gate({ request, operationId, slice }: OperationRequest<IdCheckState>): GateResult<ProjectAuth> {
  // the gateway refuses an oversized body before the key is looked at
  if (request.bodyTooLarge) return refuse(documentedError(operationId, 'Request Entity Too Large'));
  const auth = credentials(slice, request);
  if (auth.kind === 'project') return { ok: true, auth };
  if (operationId === 'partialDeleteSubmission')
    return refuse(
      documentedError(
        operationId,
        auth.kind === 'unknown' ? 'invalid API key for this project' : 'not Exist Project Data',
      ),
    );
  return refuse(documentedError(operationId, 'Forbidden'));
}

export const idcheckArea: ApiArea<'idcheck', IdCheckState, ProjectAuth, IdCheckFixture> = {
  key: 'idcheck',
  routes: operationRoutes,
  claims: (path) => path === '/v3' || path.startsWith('/v3/'),
  notFound: () => NOT_FOUND,
  methodNotAllowed: () => METHOD_NOT_ALLOWED,
  check: checkIdCheckFixture,
  load: (part, path) => loadIdCheck(part, path),
  dump: dumpIdCheck,
  gate,
  operations: {
    partialDeleteSubmission,
    getSubmission,
    createProjection,
    listProjections,
    getProjection,
    deleteProjection,
  },
};

export type {
  AuditEntry,
  FixtureProject,
  IdCheckFixture,
  IdCheckProject,
  IdCheckState,
  Projection,
  Submission,
} from './state.js';
