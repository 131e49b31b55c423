// The two implementations of the encryption option (node:crypto for Node, @noble for browsers)
// must be interchangeable: same ciphertext, each opens the other's, same refusals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as web from '../src/crypto.js';
import * as node from '../src/crypto-node.js';

describe('encryption option', () => {
  it('node:crypto and @noble produce the same ciphertext and open each other', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ unit: 'grapheme' }), (apiKey, text) => {
        const a = node.encrypt(apiKey, text);
        expect(web.encrypt(apiKey, text)).toBe(a);
        expect(web.decrypt(apiKey, a)).toBe(text);
        expect(node.decrypt(apiKey, web.encrypt(apiKey, text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('matches the spec example (API key `encrypted-api-key`)', () => {
    const plain = JSON.stringify({ projection_id: '55sqp8ma0jvwh', message: 'Create projection success' });
    expect(node.encrypt('encrypted-api-key', plain)).toBe(
      '613Pw9d8tq+7LG3RWOFOu47wqsXF4JGrpjHob8E7rip32wIXV/zvaBSK7Duc3zI3L7OpJFKPa9WoObl/VULt/e4bdfOhb5SrCBbhDSD4HuE=',
    );
  });

  it.each([
    ['not base64', 'not base64!'],
    ['empty', ''],
    ['not a whole block', 'AAAA'],
    ['wrong key or padding', 'AAAAAAAAAAAAAAAAAAAAAA=='],
  ])('both refuse %s', (_name, ciphertext) => {
    expect(node.decrypt('k', ciphertext)).toBeUndefined();
    expect(web.decrypt('k', ciphertext)).toBeUndefined();
  });

  it('a different key does not open it', () => {
    const sealed = node.encrypt('key-a', '{"a":1}');
    expect(node.decrypt('key-b', sealed)).toBeUndefined();
    expect(web.decrypt('key-b', sealed)).toBeUndefined();
  });
});
