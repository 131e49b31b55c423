import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordingError } from '../../src/recording/error.js';
import { keyedStreams } from '../../src/recording/keyed.js';

const bytes = (s: { byte(): number }, n: number) => Array.from({ length: n }, () => s.byte());

describe('keyed streams', () => {
  it('the same key and input give the same bytes, past the first HMAC block too', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 16 }), fc.string(), fc.string(), (key, kind, value) => {
        expect(bytes(keyedStreams(key)(kind, value, 0), 80)).toEqual(bytes(keyedStreams(key)(kind, value, 0), 80));
      }),
    );
  });

  it('another key, kind, value or counter gives other bytes', () => {
    const first = bytes(keyedStreams('unit-test-key-0001')('email', 'a@b.c', 0), 32);
    expect(bytes(keyedStreams('unit-test-key-0002')('email', 'a@b.c', 0), 32)).not.toEqual(first);
    expect(bytes(keyedStreams('unit-test-key-0001')('text', 'a@b.c', 0), 32)).not.toEqual(first);
    expect(bytes(keyedStreams('unit-test-key-0001')('email', 'a@b.d', 0), 32)).not.toEqual(first);
    expect(bytes(keyedStreams('unit-test-key-0001')('email', 'a@b.c', 1), 32)).not.toEqual(first);
    // the separator keeps kind and value apart: ("ab", "c") is not ("a", "bc")
    expect(bytes(keyedStreams('unit-test-key-000k')('ab', 'c', 0), 32)).not.toEqual(
      bytes(keyedStreams('unit-test-key-000k')('a', 'bc', 0), 32),
    );
  });

  it('without a key, each recording draws its own random key', () => {
    expect(bytes(keyedStreams()('text', 'x', 0), 32)).not.toEqual(bytes(keyedStreams()('text', 'x', 0), 32));
  });

  it('an empty key is refused (a key is a secret)', () => {
    expect(() => keyedStreams('')).toThrow(RecordingError);
    expect(() => keyedStreams('')).toThrow('options.key: expected a non-empty string');
  });

  it('below(n) stays in [0, n) and reaches every value', () => {
    const s = keyedStreams('unit-test-key-000k')('text', 'v', 0);
    for (const n of [1, 2, 10, 26, 36, 249, 256]) {
      const seen = new Set(Array.from({ length: n * 40 }, () => s.below(n)));
      expect([...seen].every((x) => Number.isInteger(x) && x >= 0 && x < n)).toBe(true);
      expect(seen.size).toBe(n);
    }
  });
});
