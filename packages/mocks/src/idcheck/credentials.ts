// `x-api-key` -> project. A key belongs to one project; an orphaned key names a project that is gone.
import { encrypt } from '@scrub/sdk/crypto';
import { json, type MockRequest, type MockResponse } from '../core/http.js';
import type { IdCheckProject, MockState } from '../core/state.js';

export type Credentials =
  | { kind: 'project'; project: IdCheckProject; apiKey: string }
  | { kind: 'orphan' }
  | { kind: 'unknown' };

export function credentials(state: MockState, request: MockRequest): Credentials {
  const apiKey = request.header('x-api-key');
  if (!apiKey) return { kind: 'unknown' };
  const projectId = state.idcheck.apiKeys.get(apiKey);
  const project = projectId === undefined ? undefined : state.idcheck.projects.get(projectId);
  if (project) return { kind: 'project', project, apiKey };
  if (projectId !== undefined || state.idcheck.orphanApiKeys.has(apiKey)) return { kind: 'orphan' };
  return { kind: 'unknown' };
}

/** A success body, sealed as `{"data": "<ciphertext>"}` for projects with the encryption option on. */
export function success(auth: { project: IdCheckProject; apiKey: string }, body: unknown): MockResponse {
  return auth.project.encryption ? json(200, { data: encrypt(auth.apiKey, JSON.stringify(body)) }) : json(200, body);
}
