import { describe, expect, it } from 'vitest';
import { rewriteHeaders, tokenOf } from '../../src/recording/headers.js';
import { keyedStreams } from '../../src/recording/keyed.js';
import { Pseudonyms } from '../../src/recording/pseudonyms.js';

const p = () => new Pseudonyms(keyedStreams('unit-test-key-000k'), new Map());

describe('rewriteHeaders', () => {
  it('the API key and the token get fresh values; the Token scheme is kept', () => {
    const ps = p();
    const out = rewriteHeaders(
      [
        { name: 'X-Api-Key', value: ' upstream-key ' },
        { name: 'authorization', value: 'Token token=upstream-token' },
        { name: 'Proxy-Authorization', value: 'Basic dXNlcjpwYXNz' },
        { name: 'content-type', value: 'application/json' },
      ],
      ps,
    );
    expect(out).toEqual([
      { name: 'X-Api-Key', value: ps.credential('api-key', 'upstream-key') },
      { name: 'authorization', value: `Token token=${ps.credential('token', 'upstream-token')}` },
      { name: 'Proxy-Authorization', value: `Basic ${ps.credential('secret', 'dXNlcjpwYXNz')}` },
      { name: 'content-type', value: 'application/json' },
    ]);
    expect(out[0]!.value).toMatch(/^rec-key-/);
    expect(out[1]!.value).toMatch(/^Token token=rec-token-/);
  });

  it('a quoted token and a bare authorization value', () => {
    const ps = p();
    expect(rewriteHeaders([{ name: 'Authorization', value: 'Token token="tok"' }], ps)[0]!.value).toBe(
      `Token token="${ps.credential('token', 'tok')}"`,
    );
    expect(rewriteHeaders([{ name: 'Authorization', value: 'opaque' }], ps)[0]!.value).toBe(
      ps.credential('secret', 'opaque'),
    );
  });

  it('drops cookies; other credential-named headers get fresh secrets', () => {
    const ps = p();
    const out = rewriteHeaders(
      [
        { name: 'Cookie', value: 'session=abc' },
        { name: 'set-cookie', value: 'session=abc; HttpOnly' },
        { name: 'x-csrf-token', value: 'csrf-1' },
        { name: 'x-mock-session', value: 'worker-1' },
      ],
      ps,
    );
    expect(out).toEqual([
      { name: 'x-csrf-token', value: ps.credential('secret', 'csrf-1') },
      { name: 'x-mock-session', value: 'worker-1' },
    ]);
  });

  it('tokenOf reads the token of a text-assessment Authorization value', () => {
    expect(tokenOf('Token token=abc')).toBe('abc');
    expect(tokenOf('token TOKEN="abc"')).toBe('abc');
    expect(tokenOf('Bearer abc')).toBeUndefined();
    expect(tokenOf(undefined)).toBeUndefined();
  });
});
