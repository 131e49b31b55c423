// `defineFixture`: a fixture from only what a test cares about; every omitted key gets its empty or
// default value, so a one-project fixture is a few lines.
import type { FixtureProject, IdCheckFixture } from './idcheck/index.js';
import type { Fixture } from './state.js';
import type { FixtureAccount, TextAssessmentFixture } from './text-assessment/index.js';

/** A project: `id` and `apiKeys` required; `encryption` false, no submissions, no projections unless given. */
export type ProjectInput = Pick<FixtureProject, 'id' | 'apiKeys'> & Partial<Omit<FixtureProject, 'id' | 'apiKeys'>>;
/** An account: `id` and `token` required; no texts unless given. */
export type AccountInput = Pick<FixtureAccount, 'id' | 'token'> & Partial<Omit<FixtureAccount, 'id' | 'token'>>;

export interface FixtureInput {
  idcheck?: { projects?: ProjectInput[]; orphanApiKeys?: string[] };
  textAssessment?: { accounts?: AccountInput[] };
}

/**
 * A complete `Fixture` from a partial one (extra keys are kept). Pass it to `createMockState` or
 * `--fixture` (as JSON).
 */
export function defineFixture(input: FixtureInput = {}): Fixture {
  const idcheck: IdCheckFixture = {
    ...input.idcheck,
    projects: (input.idcheck?.projects ?? []).map((p) => ({
      encryption: false,
      submissions: [],
      projections: [],
      ...p,
    })),
    orphanApiKeys: input.idcheck?.orphanApiKeys ?? [],
  };
  const textAssessment: TextAssessmentFixture = {
    ...input.textAssessment,
    accounts: (input.textAssessment?.accounts ?? []).map((a) => ({ texts: [], ...a })),
  };
  return { ...input, idcheck, textAssessment };
}
