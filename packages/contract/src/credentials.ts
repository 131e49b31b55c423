// The credentials and ids of a run, from their three sources (the mock's fixture, or the
// environment, the set-up and its `before` hook; options over all), and what they leave unreachable.
import { CONTRACT_CREDENTIALS } from './fixture.js';
import type { Credentials, Need } from './model.js';
import { credentialRedactor } from './redact.js';
import { type ContractSetup, checkIds, credentialsFromEnv, idsToCredentials, type SetupContext } from './setup.js';

/** The text-assessment API version unless a set-up or option names another. */
export const DEFAULT_VERSION = 'v2.3.0';

/** The credentials of a mock run: the seeded fixture's (its reader submission is also the deletable one). */
export const mockCredentials = (given: Partial<Credentials> = {}): Credentials => ({
  ...CONTRACT_CREDENTIALS,
  deletableSubmissionId: CONTRACT_CREDENTIALS.submissionId,
  version: DEFAULT_VERSION,
  ...given,
});

/**
 * The credentials of a real-target run: the environment, then the set-up's ids, then what its
 * `before` hook returns, then `given`. Without a limit key, the main key is filled to the limit.
 */
export async function targetCredentials(
  context: SetupContext,
  setup: ContractSetup | undefined,
  given: Partial<Credentials> = {},
): Promise<Credentials> {
  const before = setup?.before ? checkIds(await setup.before(context), "the set-up's before()") : {};
  const creds: Credentials = {
    version: DEFAULT_VERSION,
    ...credentialsFromEnv(context.env),
    ...idsToCredentials(setup ?? {}),
    ...idsToCredentials(before),
    ...given,
  };
  creds.limitApiKey ??= creds.apiKey;
  return creds;
}

/** Replaces every secret of `creds` in a text with `[redacted]`. */
export const credentialsRedactor = (creds: Credentials): ((text: string) => string) =>
  credentialRedactor([creds.apiKey, creds.limitApiKey, creds.orphanApiKey, creds.sealedApiKey, creds.token]);

const WHY: Record<Need, string> = {
  controls: 'needs mock controls (Prefer, /__mock/state)',
  apiKey: 'needs SCRUB_CONTRACT_API_KEY (or --api-key)',
  limitKey: 'needs SCRUB_CONTRACT_LIMIT_API_KEY (a project the suite may fill to 10 projections)',
  orphanKey: 'needs SCRUB_CONTRACT_ORPHAN_API_KEY (a key whose project is gone)',
  sealedKey: 'needs SCRUB_CONTRACT_SEALED_API_KEY (a project with encryption on)',
  submission: 'needs idcheck.submissionId in the set-up',
  deletableSubmission: 'needs idcheck.deletableSubmissionId in the set-up',
  projectedSubmission: 'needs idcheck.projectedSubmissionId in the set-up (a submission created with a projection)',
  account: 'needs textAssessment.accountId in the set-up (or --account) and SCRUB_CONTRACT_TOKEN (or --token)',
};

/** Why a case with `needs` cannot run on this target, or undefined when it can. */
export function unreachableReason(needs: readonly Need[], creds: Credentials, controls: boolean): string | undefined {
  const has: Record<Need, boolean> = {
    controls,
    apiKey: !!creds.apiKey,
    limitKey: !!creds.limitApiKey,
    orphanKey: !!creds.orphanApiKey,
    sealedKey: !!creds.sealedApiKey,
    submission: !!creds.submissionId,
    deletableSubmission: !!creds.deletableSubmissionId,
    projectedSubmission: !!creds.projectedSubmissionId,
    account: !!creds.accountId && !!creds.token,
  };
  const missing = needs.find((n) => !has[n]);
  return missing ? `not reachable on this target: ${WHY[missing]}` : undefined;
}
