import { describe, expect, it } from 'vitest';
import { credentialRedactor, PERSONAL_KEYS, personalRedacted, redactPersonal } from '../src/redact.js';

describe('redact', () => {
  it('replaces personal values at any depth, keeping the structure', () => {
    expect(PERSONAL_KEYS.has('first_name')).toBe(true);
    expect(redactPersonal({ Items: [{ email: 'e', data: { first_name: 'Ada' }, submission_id: 's1' }] })).toEqual({
      Items: [{ email: '[redacted]', data: { first_name: '[redacted]' }, submission_id: 's1' }],
    });
  });

  it('redacts a JSON text, leaving other text as it is', () => {
    expect(personalRedacted('{"author_id":"learner","code":1}')).toBe('{"author_id":"[redacted]","code":1}');
    expect(personalRedacted('not json')).toBe('not json');
  });

  it('replaces whole credentials, longest first, ignoring ones too short to be secrets', () => {
    const redact = credentialRedactor(['abcd', 'abcdef', 'k', undefined]);
    expect(redact('abcdef abcd k')).toBe('[redacted] [redacted] k');
  });
});
