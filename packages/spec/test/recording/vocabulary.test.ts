import { describe, expect, it } from 'vitest';
import { lookedFor, SPEC_WORDS } from '../../src/recording/vocabulary.js';

describe('what the safety net looks for', () => {
  it('the spec words are field names, enum values and the literal parts of its messages', () => {
    for (const word of [
      'address_city',
      'OCR_raw',
      'exclude',
      'kyc',
      'Create projection success',
      'invalid fields found in fields: ',
    ])
      expect(SPEC_WORDS).toContain(word);
    expect(SPEC_WORDS).not.toContain('');
    // and what every written HAR holds
    for (const word of ['HTTP/1.1', '1.2', 'application/json']) expect(SPEC_WORDS).toContain(word);
  });

  it('looks for personal values, but not for the words of the spec or the strings the recording keeps', () => {
    const kept = new Set(['approved', 'task-1']);
    expect(lookedFor('Jane Doe', 'text', kept)).toBe(true);
    expect(lookedFor('M', 'text', kept)).toBe(true);
    // a common word that was personal somewhere: replaced there, not hunted in `kyc.result` or field names
    expect(lookedFor('approved', 'text', kept)).toBe(false);
    expect(lookedFor('address', 'text', kept)).toBe(false);
    expect(lookedFor('success', 'text', kept)).toBe(false);
    expect(lookedFor('data', 'text', kept)).toBe(false);
    // a short value is looked for as a whole unless it is a word of its own
    expect(lookedFor('ad', 'text', kept)).toBe(true);
  });

  it('always looks for credentials', () => {
    expect(lookedFor('approved', 'api-key', new Set(['approved']))).toBe(true);
    expect(lookedFor('data', 'token', new Set())).toBe(true);
  });
});
