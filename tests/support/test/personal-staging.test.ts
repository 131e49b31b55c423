import { createMockState } from '@scrub/mocks';
import { expect, it } from 'vitest';
import { personalStagingFixture, personalValues, STAGING_CREDENTIALS } from '../src/personal-staging.js';

it('the mock takes the personal staging fixture as it is', () => {
  const state = createMockState(personalStagingFixture);
  expect(state.toFixture()).toMatchObject(personalStagingFixture);
});

it('every personal value of six or more characters is unique, and no credential is one of them', () => {
  const long = personalValues().filter((v) => v.value.length >= 6);
  const counts = new Map<string, number>();
  for (const { value } of long) counts.set(value, (counts.get(value) ?? 0) + 1);
  // on purpose in two places (relations to keep): the shared email, and each document number (OCR read it too)
  expect(new Set([...counts].filter(([, n]) => n > 1).map(([v]) => v))).toEqual(
    new Set(['rosalind.theodora.shared@mail-stg.example', 'DOC-Q-44185', 'DOC-R-55296', 'DOC-T-66307', 'DOC-U-77418']),
  );
  for (const secret of Object.values(STAGING_CREDENTIALS)) expect(long.map((v) => v.value)).not.toContain(secret);
  expect(long.length).toBeGreaterThan(80);
});
