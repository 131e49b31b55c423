// The fixture format: the state the mock starts from (`scrub-mock --fixture`, `createMockState()`,
// `PUT /__mock/state`) and what a recording builds from real traffic. Types only; the mock checks the
// shape when it loads one (@scrub/mocks re-exports these under the same names).
import type { components } from './generated/idcheck.js';

type Submission = components['schemas']['Submission'];
type Projection = components['schemas']['Projection'];

/** One partial delete, as the mock's audit log records it (`admin_name` is never echoed in responses). */
export interface AuditEntry {
  at: string;
  projectId: string;
  submission_id: string;
  admin_name: string | undefined;
  fields: string[];
  data_fields: string[];
}

export interface FixtureProject {
  id: string;
  apiKeys: string[];
  encryption: boolean;
  submissions: Submission[];
  projections: Projection[];
  /** Partial deletes so far (state dumps carry it). */
  auditLog?: AuditEntry[];
}

export interface IdCheckFixture {
  projects: FixtureProject[];
  orphanApiKeys: string[];
}

export interface FixtureText {
  id: string;
  author_id: string;
  task_id: string;
  text: string;
  session_id?: string;
  sequence_id?: number;
  sequence_count?: number;
  question_text?: string;
  /** How many times its results were polled (state dumps carry it). */
  polls?: number;
}

export interface FixtureAuthorDeletion {
  submissions_deleted: number;
  timestamp: string;
  /** True once a text by that author arrived after the deletion. */
  textsSince?: boolean;
}

export interface FixtureAccount {
  id: string;
  token: string;
  texts: FixtureText[];
  /** Ids ever used by a text of this account, deleted ones included (state dumps carry it). */
  usedTextIds?: string[];
  authorDeletions?: Record<string, FixtureAuthorDeletion>;
}

export interface TextAssessmentFixture {
  accounts: FixtureAccount[];
}

/**
 * Fixture / state JSON: what `--fixture`, `PUT /__mock/state` and `createMockState()` accept, and
 * `GET /__mock/state` returns. Extra keys are allowed.
 */
export interface Fixture {
  idcheck: IdCheckFixture;
  textAssessment: TextAssessmentFixture;
}
