// The fixture / state JSON: what `--fixture`, `PUT /__mock/state` and `createMockState()` accept, and
// what `GET /__mock/state` returns. Extra keys are allowed everywhere.
import { projectionFieldValues, type components as IdCheck } from '@scrub/sdk/spec/idcheck';

export type Submission = IdCheck['schemas']['Submission'];
export type Projection = IdCheck['schemas']['Projection'];

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

export interface Fixture {
  idcheck: { projects: FixtureProject[]; orphanApiKeys: string[] };
  textAssessment: { accounts: FixtureAccount[] };
}

export class FixtureError extends Error {
  override name = 'FixtureError';
}

type Check = (value: unknown, path: string) => void;

const fail = (path: string, expected: string): never => {
  throw new FixtureError(`${path || 'fixture'}: expected ${expected}`);
};
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const string: Check = (v, p) => void (typeof v === 'string' || fail(p, 'string'));
const boolean: Check = (v, p) => void (typeof v === 'boolean' || fail(p, 'boolean'));
const count: Check = (v, p) => void ((Number.isInteger(v) && (v as number) >= 0) || fail(p, 'integer >= 0'));
const arrayOf =
  (item: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) fail(p, 'array');
    (v as unknown[]).forEach((x, i) => item(x, `${p}[${i}]`));
  };
const object =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'object');
    for (const [key, check] of Object.entries(required)) {
      if (!Object.hasOwn(v, key)) fail(join(p, key), 'a value (required)');
      check(v[key], join(p, key));
    }
    for (const [key, check] of Object.entries(optional)) if (Object.hasOwn(v, key) && v[key] !== undefined) check(v[key], join(p, key));
  };
const recordOf =
  (item: Check): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'object');
    for (const [key, value] of Object.entries(v)) item(value, join(p, key));
  };

const submission = object({ submission_id: string }, { email: string, userid: string, projection_id: string, data: object({}) });
const matching =
  (pattern: RegExp, what: string): Check =>
  (v, p) => void ((typeof v === 'string' && pattern.test(v)) || fail(p, what));
const oneOf =
  (allowed: readonly string[], what: string): Check =>
  (v, p) => void ((typeof v === 'string' && allowed.includes(v)) || fail(p, what));
const projection = object({
  projection_id: matching(/^[a-z0-9]{13}$/, '13 lowercase alphanumerics'),
  name: matching(/^[a-z0-9_]+$/, 'a name of lowercase letters, digits and _'),
  mode: oneOf(['exclude'], '"exclude"'),
  fields: arrayOf(oneOf(projectionFieldValues, 'a projection field name')),
  created_at: string,
});
const textBody: Check = (v, p) => void ((typeof v === 'string' && [...v].length <= 10_000) || fail(p, 'a string of at most 10,000 characters'));
const text = object(
  { id: string, author_id: string, task_id: string, text: textBody },
  { session_id: string, sequence_id: count, sequence_count: count, question_text: string, polls: count },
);

const fixture = object({
  idcheck: object({
    projects: arrayOf(
      object(
        { id: string, apiKeys: arrayOf(string), encryption: boolean, submissions: arrayOf(submission), projections: arrayOf(projection) },
        { auditLog: arrayOf(object({ at: string, projectId: string, submission_id: string, fields: arrayOf(string), data_fields: arrayOf(string) })) },
      ),
    ),
    orphanApiKeys: arrayOf(string),
  }),
  textAssessment: object({
    accounts: arrayOf(
      object(
        { id: string, token: string, texts: arrayOf(text) },
        {
          usedTextIds: arrayOf(string),
          authorDeletions: recordOf(object({ submissions_deleted: count, timestamp: string }, { textsSince: boolean })),
        },
      ),
    ),
  }),
});

/** Checks the shape of a fixture; throws a `FixtureError` naming the first bad path. */
export function assertFixture(value: unknown): asserts value is Fixture {
  fixture(value, '');
}
