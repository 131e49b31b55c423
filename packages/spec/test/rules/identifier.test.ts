// The text-assessment id rule, as the SDK applies it locally and the mock on the wire.
import { describe, expect, it } from 'vitest';
import { checkAuthorId, identifierProblem } from '../../src/rules/identifier.js';

describe('identifiers', () => {
  it.each([
    ['learner-1', undefined],
    ['a'.repeat(40), undefined],
    ['a'.repeat(41), 'too long'],
    ['learner_1', 'must only contain alphanumerics and hyphens'],
    ['é', 'must only contain alphanumerics and hyphens'],
    ['', 'must only contain alphanumerics and hyphens'],
    // length first: an over-long id with a bad character is "too long"
    [`${'a'.repeat(40)}_`, 'too long'],
    // counted in characters, not UTF-16 units: 40 astral characters are not "too long"
    ['😀'.repeat(40), 'must only contain alphanumerics and hyphens'],
  ])('%j -> %s', (id, problem) => {
    expect(identifierProblem(id)).toBe(problem);
  });

  it('checkAuthorId answers with the documented message of deleteAuthorSubmissions', () => {
    expect(checkAuthorId('a'.repeat(41))).toBe('id too long');
    expect(checkAuthorId('learner_1')).toBe('id must only contain alphanumerics and hyphens');
    expect(checkAuthorId('learner-1')).toBeUndefined();
  });
});
