import { describe, expect, it } from 'vitest';
import { decrypt, encrypt } from '../../src/crypto.js';
import { open, seal, sealedText } from '../../src/recording/sealed.js';

describe('sealed bodies', () => {
  it('a sealed body is exactly one string field, `body` (requests) or `data` (answers)', () => {
    expect(sealedText({ data: 'abc' }, 'data')).toBe('abc');
    expect(sealedText({ body: 'abc' }, 'body')).toBe('abc');
    expect(sealedText({ data: 'abc' }, 'body')).toBeUndefined();
    expect(sealedText({ data: 'abc', message: 'x' }, 'data')).toBeUndefined();
    expect(sealedText({ data: 1 }, 'data')).toBeUndefined();
    expect(sealedText(['abc'], 'data')).toBeUndefined();
    expect(sealedText(null, 'data')).toBeUndefined();
  });

  it('opens with the upstream key, and seals again with another', () => {
    const plain = { Items: [{ submission_id: 's1' }] };
    expect(open('upstream', encrypt('upstream', JSON.stringify(plain)))).toEqual({ value: plain });
    expect(open('other', encrypt('upstream', JSON.stringify(plain)))).toBeUndefined();
    expect(open('upstream', encrypt('upstream', 'not json'))).toBeUndefined();
    const sealed = JSON.parse(seal('fresh', 'data', plain));
    expect(Object.keys(sealed)).toEqual(['data']);
    expect(JSON.parse(decrypt('fresh', sealed.data)!)).toEqual(plain);
  });
});
