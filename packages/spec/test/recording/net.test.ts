import { describe, expect, it } from 'vitest';
import { Net } from '../../src/recording/net.js';
import type { Kind } from '../../src/recording/pseudonyms.js';

const originals = new Map<string, Kind>([
  ['jane.doe@mail.test', 'email'],
  ['Janet', 'text'],
  ['F', 'text'],
  ['k-42', 'api-key'],
  ['He said "hi"\nbye', 'text'],
]);
const net = new Net(originals, (original) => `<${original.length}>`);

describe('the safety net', () => {
  it('finds long originals inside any text, by kind and offset, never by value', () => {
    const text = 'error: jane.doe@mail.test is unknown (key k-42)';
    const leaks = net.leaks(text);
    expect(leaks).toEqual(['an email at offset 7', 'an API key at offset 42']);
    for (const leak of leaks) for (const original of originals.keys()) expect(leak).not.toContain(original);
  });

  it('finds a short original only as a whole JSON string value, not inside words or as a key', () => {
    expect(net.leaks('Janet is here')).toEqual([]);
    expect(net.leaks('{"first_name":"Janet","gender":"F"}')).toEqual([
      'a personal value at offset 14',
      'a personal value at offset 31',
    ]);
    expect(net.leaks('{"F": 1, "Janet" : 2, "FF": "F1"}')).toEqual([]);
  });

  it('finds originals however they are written: in JSON, in JSON inside JSON (a HAR body), in a URL', () => {
    const body = JSON.stringify({ note: 'He said "hi"\nbye', first: 'Janet' });
    expect(net.leaks(body)).toHaveLength(2);
    expect(net.leaks(JSON.stringify({ text: body }))).toHaveLength(2);
    expect(net.leaks('/v3/submission?email=jane.doe%40mail.test')).toEqual(['an email at offset 21']);
  });

  it('scrub replaces every long original, in the encoding it was found in; short ones are left alone', () => {
    expect(net.scrub('a jane.doe@mail.test b k-42 c Janet')).toBe('a <18> b <4> c Janet');
    expect(net.scrub('?email=jane.doe%40mail.test')).toBe('?email=%3C18%3E');
    expect(net.scrub('')).toBe('');
  });

  it('scrubValue replaces a string that is exactly an original, and long ones inside strings and keys', () => {
    expect(
      net.scrubValue({
        gender: 'F',
        list: ['Janet', 'mail jane.doe@mail.test'],
        'jane.doe@mail.test': 1,
        n: 3,
        b: null,
      }),
    ).toEqual({ gender: '<1>', list: ['<5>', 'mail <18>'], '<18>': 1, n: 3, b: null });
  });
});
