// Routes of `/v3`: which operation serves a method on a path, and the 404/405 bodies around them.
import { documentedError, type OperationId } from '../core/errors.js';
import { json, type MockRequest, type MockResponse } from '../core/http.js';
import type { MockState } from '../core/state.js';
import { partialDeleteSubmission } from './partial-delete.js';
import { createProjection, deleteProjection, getProjection, listProjections } from './projections.js';
import { getSubmission } from './submissions.js';

export type IdCheckOperationId = Extract<
  OperationId,
  'partialDeleteSubmission' | 'getSubmission' | 'createProjection' | 'listProjections' | 'getProjection' | 'deleteProjection'
>;

export interface IdCheckRoute {
  methods: Partial<Record<string, IdCheckOperationId>>;
  /** The response to any other method. */
  methodNotAllowed: () => MockResponse;
  projectionId?: string;
}

const genericMethodNotAllowed = () => json(405, { message: 'Method Not Allowed' });

export function matchIdCheckRoute(path: string): IdCheckRoute | 'not found' | undefined {
  if (path !== '/v3' && !path.startsWith('/v3/')) return undefined;
  if (path === '/v3/submission/partial') return { methods: { DELETE: 'partialDeleteSubmission' }, methodNotAllowed: genericMethodNotAllowed };
  if (path === '/v3/submission') return { methods: { GET: 'getSubmission' }, methodNotAllowed: genericMethodNotAllowed };
  if (path === '/v3/projection')
    return {
      methods: { POST: 'createProjection', GET: 'listProjections' },
      methodNotAllowed: () => documentedError('createProjection', 'Method not allowed for /projections path'),
    };
  const match = /^\/v3\/projection\/([^/]+)$/.exec(path);
  if (match) {
    let projectionId: string;
    try {
      projectionId = decodeURIComponent(match[1]!);
    } catch {
      projectionId = match[1]!;
    }
    return {
      methods: { GET: 'getProjection', DELETE: 'deleteProjection' },
      methodNotAllowed: () => documentedError('getProjection', 'Method not allowed for /projections/projectionId path'),
      projectionId,
    };
  }
  return 'not found';
}

export const idCheckNotFound = () => json(404, { message: 'Not Found' });

export function handleIdCheckOperation(state: MockState, request: MockRequest, operationId: IdCheckOperationId, route: IdCheckRoute): MockResponse {
  switch (operationId) {
    case 'partialDeleteSubmission':
      return partialDeleteSubmission(state, request);
    case 'getSubmission':
      return getSubmission(state, request);
    case 'createProjection':
      return createProjection(state, request);
    case 'listProjections':
      return listProjections(state, request);
    case 'getProjection':
      return getProjection(state, request, route.projectionId!);
    case 'deleteProjection':
      return deleteProjection(state, request, route.projectionId!);
  }
}
