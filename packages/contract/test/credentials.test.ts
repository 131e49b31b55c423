import { describe, expect, it } from 'vitest';
import { credentialsRedactor, mockCredentials, targetCredentials, unreachableReason } from '../src/credentials.js';
import { CONTRACT_CREDENTIALS } from '../src/fixture.js';
import type { SetupContext } from '../src/setup.js';
import { CREDS } from './support/fake.js';

const context = (env: Record<string, string>): SetupContext => ({ target: 'http://t.test', env, destructive: false });

describe('credentials', () => {
  it("a mock run uses the fixture's credentials, its reader submission also the deletable one; options win", () => {
    expect(mockCredentials({ token: 'other' })).toEqual({
      ...CONTRACT_CREDENTIALS,
      deletableSubmissionId: 'contract-s1',
      version: 'v2.3.0',
      token: 'other',
    });
  });

  it(
    'a real-target run layers environment, set-up ids, ' + 'before hook, options; the main key fills the limit',
    async () => {
      const creds = await targetCredentials(
        context({ SCRUB_CONTRACT_API_KEY: ' env-key\n', SCRUB_CONTRACT_TOKEN: 'env-token' }),
        {
          idcheck: { submissionId: 'from-setup', deletableSubmissionId: 'setup-deletable' },
          textAssessment: { accountId: 'setup-account' },
          before: () => ({ idcheck: { submissionId: 'from-before' } }),
        },
        { accountId: 'option-account' },
      );
      expect(creds).toEqual({
        version: 'v2.3.0',
        apiKey: 'env-key',
        limitApiKey: 'env-key',
        token: 'env-token',
        submissionId: 'from-before',
        deletableSubmissionId: 'setup-deletable',
        accountId: 'option-account',
      });
    },
  );

  it('refuses ids from a before hook that look like a credential', async () => {
    await expect(
      targetCredentials(context({}), { before: () => ({ idcheck: { apiKey: 'k' } }) as never }),
    ).rejects.toThrow(`the set-up's before(): "idcheck.apiKey" looks like a credential`);
  });

  it('redacts every secret of the credentials, not the ids', () => {
    const redact = credentialsRedactor(CREDS);
    expect(redact('unit-api-key unit-token unit-s1')).toBe('[redacted] [redacted] unit-s1');
  });

  it('says which need a target lacks, or nothing when it has them all', () => {
    expect(unreachableReason(['apiKey', 'controls'], CREDS, true)).toBeUndefined();
    expect(unreachableReason(['apiKey', 'controls'], CREDS, false)).toBe(
      'not reachable on this target: needs mock controls (Prefer, /__mock/state)',
    );
    expect(unreachableReason(['account'], { ...CREDS, token: undefined }, true)).toBe(
      'not reachable on this target: needs textAssessment.accountId in the set-up (or --account) ' +
        'and SCRUB_CONTRACT_TOKEN (or --token)',
    );
  });
});
