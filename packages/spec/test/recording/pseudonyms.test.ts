import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedStreams } from '../../src/recording/keyed.js';
import { type Kind, Originals, Pseudonyms } from '../../src/recording/pseudonyms.js';

const pseudonymsOf = (originals: Map<string, Kind>, key = 'key') => new Pseudonyms(keyedStreams(key), originals);

describe('Originals (first pass)', () => {
  it('notes every value with the kind it is drawn as, changing nothing; a credential kind wins', () => {
    const o = new Originals();
    expect(o.personal('personal', '1990-04-12')).toBe('1990-04-12');
    expect(o.personal('text', 'Jane')).toBe('Jane');
    expect(o.personal('country', 'Germany')).toBe('Germany');
    expect(o.credential('secret', 'k-123')).toBe('k-123');
    o.credential('api-key', 'k-123');
    o.personal('text', 'k-123');
    o.personal('text', '');
    expect([...o.kinds]).toEqual([
      ['1990-04-12', 'date'],
      ['Jane', 'text'],
      ['Germany', 'text'],
      ['k-123', 'api-key'],
    ]);
  });

  it('notes the strings kept as they are, keys and values at any depth', () => {
    const o = new Originals();
    o.keep({ kyc: { result: 'approved' }, list: ['a', 1, null] });
    expect([...o.kept].sort()).toEqual(['a', 'approved', 'kyc', 'list', 'result']);
  });
});

describe('Pseudonyms (second pass)', () => {
  it('the same (kind, value) gives the same output; the same key reproduces it; another key does not', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 16 }), (value, key) => {
        const a = pseudonymsOf(new Map(), key);
        const out = a.personal('text', value);
        expect(a.personal('text', value)).toBe(out);
        expect(pseudonymsOf(new Map(), key).personal('text', value)).toBe(out);
      }),
    );
    const value = 'Jane Q. Doe 1990';
    expect(pseudonymsOf(new Map(), 'key-1').personal('text', value)).not.toBe(
      pseudonymsOf(new Map(), 'key-2').personal('text', value),
    );
  });

  it('never equals its input, even for one-character values and values with nothing to map', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 3 }), fc.string({ minLength: 16 }), (value, key) => {
        const p = pseudonymsOf(new Map(), key);
        for (const format of ['text', 'personal', 'email', 'date', 'country', 'image', 'ip'] as const)
          expect(p.personal(format, value)).not.toBe(value);
        expect(p.credential('secret', value)).not.toBe(value);
      }),
    );
    for (const country of ['USA', 'DEU'])
      expect(pseudonymsOf(new Map()).personal('country', country)).not.toBe(country);
  });

  it('is never another original, and two inputs never share a pseudonym where the format has room', () => {
    // half the capitals are originals: each maps to a capital of the other half
    const letters = 'ABCDEFGHIJKLM'.split('');
    const originals = new Map<string, Kind>(letters.map((l) => [l, 'text']));
    const p = pseudonymsOf(originals);
    for (const l of letters) expect(p.personal('text', l)).toMatch(/^[N-Z]$/);
    const q = pseudonymsOf(new Map());
    const outs = Array.from({ length: 200 }, (_, i) => q.personal('text', `id-${i}`));
    expect(new Set(outs).size).toBe(200);
  });

  it('an empty string stays empty (nothing to hide)', () => {
    expect(pseudonymsOf(new Map()).personal('text', '')).toBe('');
    expect(pseudonymsOf(new Map()).credential('token', '')).toBe('');
  });

  it('credentials get fresh, recognisable values; one credential, one value, whatever it was met as', () => {
    const originals = new Map<string, Kind>([
      ['upstream-key', 'api-key'],
      ['upstream-token', 'token'],
      ['acct-1', 'account'],
    ]);
    const p = pseudonymsOf(originals);
    const key = p.credential('api-key', 'upstream-key');
    expect(key).toMatch(/^rec-key-[a-z0-9]{24}$/);
    expect(p.credential('token', 'upstream-token')).toMatch(/^rec-token-[a-z0-9]{24}$/);
    expect(p.credential('account', 'acct-1')).toMatch(/^rec-account-[a-z0-9]{24}$/);
    expect(p.credential('secret', 'something-else')).toMatch(/^rec-secret-[a-z0-9]{24}$/);
    // the API key sent again as a query parameter named like a secret: its project's key
    expect(p.credential('secret', 'upstream-key')).toBe(key);
    expect(pseudonymsOf(originals).credential('api-key', 'upstream-key')).toBe(key);
  });

  it('replacement(original) is the pseudonym the original got as the kind it was first seen as', () => {
    const originals = new Map<string, Kind>([
      ['jane.doe@mail.test', 'email'],
      ['upstream-key', 'api-key'],
    ]);
    const p = pseudonymsOf(originals);
    expect(p.replacement('jane.doe@mail.test')).toBe(p.personal('email', 'jane.doe@mail.test'));
    expect(p.replacement('upstream-key')).toBe(p.credential('api-key', 'upstream-key'));
  });
});
