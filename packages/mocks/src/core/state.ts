// In-memory state of both API areas. Plain maps keyed the way requests look things up, so every
// operation is O(1) or O(items of one project); `toFixture()` turns it back into fixture JSON.
import defaultFixtureJson from '../fixtures/default.json' with { type: 'json' };
import { assertFixture, FixtureError, type AuditEntry, type Fixture, type FixtureText, type Projection, type Submission } from './fixture-schema.js';

export interface MockOptions {
  /** Polls of a text's results answered with `results_not_ready` before the results (default 1). */
  resultsNotReadyPolls?: number;
  /** Clock used for timestamps (default `() => new Date()`). */
  now?: () => Date;
  /** Called with a short note when a request carries something the mock ignores (unknown `Prefer` values). */
  onWarning?: (message: string) => void;
}

export interface IdCheckProject {
  id: string;
  apiKeys: string[];
  encryption: boolean;
  submissions: Map<string, Submission>;
  projections: Projection[];
  auditLog: AuditEntry[];
}

export interface StoredText extends FixtureText {
  polls: number;
}

export interface AuthorDeletion {
  submissions_deleted: number;
  timestamp: string;
  textsSince: boolean;
}

export interface TextAccount {
  id: string;
  token: string;
  texts: Map<string, StoredText>;
  usedTextIds: Set<string>;
  authorDeletions: Map<string, AuthorDeletion>;
}

export interface MockState {
  readonly options: Required<Omit<MockOptions, 'onWarning'>> & Pick<MockOptions, 'onWarning'>;
  idcheck: {
    projects: Map<string, IdCheckProject>;
    /** API key -> project id. */
    apiKeys: Map<string, string>;
    orphanApiKeys: Set<string>;
  };
  textAssessment: { accounts: Map<string, TextAccount> };
  /** Replaces the whole current state; throws `FixtureError` (and keeps the old state) when `fixture` is malformed. */
  load(fixture: unknown): void;
  /** Back to the fixture the state was created with (`load` does not change it). */
  reset(): void;
  toFixture(): Fixture;
}

export const defaultFixture: Fixture = defaultFixtureJson as Fixture;

const clone = <T>(value: T): T => structuredClone(value);

function build(fixture: Fixture): Pick<MockState, 'idcheck' | 'textAssessment'> {
  const projects = new Map<string, IdCheckProject>();
  const apiKeys = new Map<string, string>();
  fixture.idcheck.projects.forEach((p, i) => {
    if (projects.has(p.id)) throw new FixtureError(`idcheck.projects[${i}].id: duplicate project id "${p.id}"`);
    const submissions = new Map<string, Submission>();
    p.submissions.forEach((s, j) => {
      if (submissions.has(s.submission_id))
        throw new FixtureError(`idcheck.projects[${i}].submissions[${j}].submission_id: duplicate "${s.submission_id}"`);
      submissions.set(s.submission_id, clone(s));
    });
    p.apiKeys.forEach((key, j) => {
      if (apiKeys.has(key)) throw new FixtureError(`idcheck.projects[${i}].apiKeys[${j}]: key used by two projects`);
      apiKeys.set(key, p.id);
    });
    const auditLog = clone(p.auditLog ?? []);
    const seen = new Set<string>();
    p.projections.forEach((projection, j) => {
      for (const key of [`id:${projection.projection_id}`, `name:${projection.name}`]) {
        if (seen.has(key)) throw new FixtureError(`idcheck.projects[${i}].projections[${j}]: duplicate projection ${key.replace(':', ' ')}`);
        seen.add(key);
      }
    });
    if (p.projections.length > 10) throw new FixtureError(`idcheck.projects[${i}].projections: expected at most 10 (the API's limit)`);
    projects.set(p.id, { id: p.id, apiKeys: [...p.apiKeys], encryption: p.encryption, submissions, projections: clone(p.projections), auditLog });
  });
  const accounts = new Map<string, TextAccount>();
  fixture.textAssessment.accounts.forEach((a, i) => {
    if (accounts.has(a.id)) throw new FixtureError(`textAssessment.accounts[${i}].id: duplicate account id "${a.id}"`);
    const texts = new Map<string, StoredText>();
    a.texts.forEach((t, j) => {
      if (texts.has(t.id)) throw new FixtureError(`textAssessment.accounts[${i}].texts[${j}].id: duplicate "${t.id}"`);
      texts.set(t.id, { ...clone(t), polls: t.polls ?? 0 });
    });
    const deletions = new Map<string, AuthorDeletion>();
    for (const [author, d] of Object.entries(a.authorDeletions ?? {}))
      deletions.set(author, { submissions_deleted: d.submissions_deleted, timestamp: d.timestamp, textsSince: d.textsSince ?? false });
    accounts.set(a.id, {
      id: a.id,
      token: a.token,
      texts,
      usedTextIds: new Set([...(a.usedTextIds ?? []), ...texts.keys()]),
      authorDeletions: deletions,
    });
  });
  return {
    idcheck: { projects, apiKeys, orphanApiKeys: new Set(fixture.idcheck.orphanApiKeys) },
    textAssessment: { accounts },
  };
}

/** Checks and copies a fixture; anything that cannot be copied (e.g. nesting too deep) is a FixtureError too. */
function accept(fixture: unknown): Fixture {
  assertFixture(fixture);
  try {
    return clone(fixture);
  } catch (error) {
    throw new FixtureError(`fixture cannot be stored: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function buildChecked(fixture: Fixture) {
  try {
    return build(fixture);
  } catch (error) {
    if (error instanceof FixtureError) throw error;
    throw new FixtureError(`fixture cannot be stored: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A fresh, isolated state seeded from `fixture` (default: the built-in fixture). */
export function createMockState(fixture: unknown = defaultFixture, options: MockOptions = {}): MockState {
  const base = accept(fixture);
  const state: MockState = {
    options: {
      resultsNotReadyPolls: options.resultsNotReadyPolls ?? 1,
      now: options.now ?? (() => new Date()),
      onWarning: options.onWarning ?? ((message) => console.warn(`[@scrub/mocks] ${message}`)),
    },
    ...buildChecked(base),
    load(next) {
      Object.assign(state, buildChecked(accept(next)));
    },
    reset() {
      Object.assign(state, build(base));
    },
    toFixture() {
      return {
        idcheck: {
          projects: [...state.idcheck.projects.values()].map((p) => ({
            id: p.id,
            apiKeys: [...p.apiKeys],
            encryption: p.encryption,
            submissions: clone([...p.submissions.values()]),
            projections: clone(p.projections),
            auditLog: clone(p.auditLog),
          })),
          orphanApiKeys: [...state.idcheck.orphanApiKeys],
        },
        textAssessment: {
          accounts: [...state.textAssessment.accounts.values()].map((a) => ({
            id: a.id,
            token: a.token,
            texts: clone([...a.texts.values()]),
            usedTextIds: [...a.usedTextIds],
            authorDeletions: Object.fromEntries(a.authorDeletions),
          })),
        },
      };
    },
  };
  return state;
}
