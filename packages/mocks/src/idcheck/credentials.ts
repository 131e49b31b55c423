// `x-api-key` -> project. A key belongs to one project; an orphaned key names a project that is gone.
import { encrypt } from '@scrub/spec/crypto';
import type { MockRequest } from '../core/request.js';
import { json, type MockResponse } from '../core/response.js';
import type { IdCheckProject, IdCheckState } from './state.js';

/** What the gate hands an ID-check operation: the key's project. */
export interface ProjectAuth {
  project: IdCheckProject;
  apiKey: string;
}

export type Credentials = ({ kind: 'project' } & ProjectAuth) | { kind: 'orphan' } | { kind: 'unknown' };

export function credentials(state: IdCheckState, request: MockRequest): Credentials {
  const apiKey = request.header('x-api-key');
  if (!apiKey) return { kind: 'unknown' };
  const projectId = state.apiKeys.get(apiKey);
  const project = projectId === undefined ? undefined : state.projects.get(projectId);
  if (project) return { kind: 'project', project, apiKey };
  if (projectId !== undefined || state.orphanApiKeys.has(apiKey)) return { kind: 'orphan' };
  return { kind: 'unknown' };
}

/** A success body, sealed as `{"data": "<ciphertext>"}` for projects with the encryption option on. */
export function success(auth: ProjectAuth, body: unknown): MockResponse {
  return auth.project.encryption ? json(200, { data: encrypt(auth.apiKey, JSON.stringify(body)) }) : json(200, body);
}
