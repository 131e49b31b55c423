// The ID-check part of a fixture and of the live state: projects (their keys, submissions,
// projections and audit log) and orphaned keys. Live state is keyed the way requests look things up.
import type { AuditEntry, IdCheckFixture } from '@scrub/spec';
import { type components, projectionFieldValues } from '@scrub/spec/idcheck';
import { arrayOf, boolean, FixtureError, identifier, matching, object, oneOf, string } from '../core/fixture-check.js';

export type Submission = components['schemas']['Submission'];
export type Projection = components['schemas']['Projection'];

// the fixture's types are the spec's (a recording builds fixtures too); re-exported under the same names
export type { AuditEntry, FixtureProject, IdCheckFixture } from '@scrub/spec';

/** Entries kept in a project's audit log (`GET /__mock/state` shows them). */
export const AUDIT_LOG_LIMIT = 1000;

/** The most projections a project can hold (`Projection count limit exceeded`). */
export const PROJECTION_LIMIT = 10;

export interface IdCheckProject {
  id: string;
  apiKeys: string[];
  encryption: boolean;
  submissions: Map<string, Submission>;
  projections: Projection[];
  auditLog: AuditEntry[];
}

export interface IdCheckState {
  projects: Map<string, IdCheckProject>;
  /** API key -> project id. */
  apiKeys: Map<string, string>;
  orphanApiKeys: Set<string>;
}

const submission = object(
  { submission_id: identifier },
  { email: string, userid: string, projection_id: string, data: object({}) },
);
const projection = object({
  projection_id: matching(/^[a-z0-9]{13}$/, '13 lowercase alphanumerics'),
  name: matching(/^[a-z0-9_]+$/, 'a name of lowercase letters, digits and _'),
  mode: oneOf(['exclude'], '"exclude"'),
  fields: arrayOf(oneOf(projectionFieldValues, 'a projection field name')),
  created_at: string,
});

export const checkIdCheckFixture = object({
  projects: arrayOf(
    object(
      {
        id: identifier,
        apiKeys: arrayOf(identifier),
        encryption: boolean,
        submissions: arrayOf(submission),
        projections: arrayOf(projection),
      },
      {
        auditLog: arrayOf(
          object({
            at: string,
            projectId: string,
            submission_id: string,
            fields: arrayOf(string),
            data_fields: arrayOf(string),
          }),
        ),
      },
    ),
  ),
  orphanApiKeys: arrayOf(identifier),
});

const clone = <T>(value: T): T => structuredClone(value);

export function loadIdCheck(fixture: IdCheckFixture, path: string): IdCheckState {
  const projects = new Map<string, IdCheckProject>();
  const apiKeys = new Map<string, string>();
  fixture.projects.forEach((p, i) => {
    const at = `${path}.projects[${i}]`;
    if (projects.has(p.id)) throw new FixtureError(`${at}.id: duplicate project id "${p.id}"`);
    const submissions = new Map<string, Submission>();
    p.submissions.forEach((s, j) => {
      if (submissions.has(s.submission_id))
        throw new FixtureError(`${at}.submissions[${j}].submission_id: duplicate "${s.submission_id}"`);
      submissions.set(s.submission_id, clone(s));
    });
    p.apiKeys.forEach((key, j) => {
      if (apiKeys.has(key)) throw new FixtureError(`${at}.apiKeys[${j}]: key used by two projects`);
      apiKeys.set(key, p.id);
    });
    const seen = new Set<string>();
    p.projections.forEach((projection, j) => {
      for (const key of [`id:${projection.projection_id}`, `name:${projection.name}`]) {
        if (seen.has(key))
          throw new FixtureError(`${at}.projections[${j}]: duplicate projection ${key.replace(':', ' ')}`);
        seen.add(key);
      }
    });
    if (p.projections.length > PROJECTION_LIMIT)
      throw new FixtureError(`${at}.projections: expected at most ${PROJECTION_LIMIT} (the API's limit)`);
    if ((p.auditLog?.length ?? 0) > AUDIT_LOG_LIMIT)
      throw new FixtureError(
        `${at}.auditLog: expected at most ${AUDIT_LOG_LIMIT} entries ` +
          `(the mock keeps the latest ${AUDIT_LOG_LIMIT.toLocaleString('en')})`,
      );
    projects.set(p.id, {
      id: p.id,
      apiKeys: [...p.apiKeys],
      encryption: p.encryption,
      submissions,
      projections: clone(p.projections),
      auditLog: clone(p.auditLog ?? []),
    });
  });
  fixture.orphanApiKeys.forEach((key, i) => {
    // a key has one role: a project's, or an orphan's (never quoted: it is a credential)
    if (apiKeys.has(key))
      throw new FixtureError(
        `${path}.orphanApiKeys[${i}]: also a key of project "${apiKeys.get(key)}" ` +
          "(a key is a project's or an orphan's, not both)",
      );
  });
  return { projects, apiKeys, orphanApiKeys: new Set(fixture.orphanApiKeys) };
}

export function dumpIdCheck(state: IdCheckState): IdCheckFixture {
  return {
    projects: [...state.projects.values()].map((p) => ({
      id: p.id,
      apiKeys: [...p.apiKeys],
      encryption: p.encryption,
      submissions: clone([...p.submissions.values()]),
      projections: clone(p.projections),
      auditLog: clone(p.auditLog),
    })),
    orphanApiKeys: [...state.orphanApiKeys],
  };
}
