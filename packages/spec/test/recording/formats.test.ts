import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHA3 } from '../../src/recording/countries.js';
import { dateLayout } from '../../src/recording/dates.js';
import {
  characterClasses,
  country,
  draw,
  drawnFormat,
  email,
  imageUrl,
  ipAddress,
} from '../../src/recording/formats.js';
import { keyedStreams } from '../../src/recording/keyed.js';
import { identifierProblem } from '../../src/rules/identifier.js';

const stream = (value: string, key = 'test-key') => keyedStreams(key)('text', value, 0);
const classOf = (ch: string) =>
  /[0-9]/.test(ch) ? 'digit' : /[A-Z]/.test(ch) ? 'upper' : /\p{L}/u.test(ch) ? 'letter' : `other ${ch}`;
/** A character's class as the pseudonym keeps it: letters other than A-Z become a-z. */
const keptClass = (ch: string) => (classOf(ch) === 'letter' ? 'letter' : classOf(ch));
const EMAIL = /^[a-z0-9]+@example\.com$/;

describe('character classes', () => {
  it('keep length in code points and each character class; other letters become a-z', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (value) => {
        const out = characterClasses(value, stream(value));
        expect([...out]).toHaveLength([...value].length);
        if (!/[\p{L}\p{Nd}]/u.test(value)) return; // nothing to map: all letters (next test)
        [...value].forEach((ch, i) => {
          const got = [...out][i]!;
          if (classOf(ch) === 'letter') expect(got).toMatch(/^[a-z]$/);
          else if (/\p{Nd}/u.test(ch)) expect(got).toMatch(/^[0-9]$/);
          else expect(keptClass(got)).toBe(keptClass(ch));
        });
      }),
    );
  });

  it('a value with nothing to map becomes letters (so it still changes)', () => {
    expect(characterClasses('-- !', stream('-- !'))).toMatch(/^[a-z]{4}$/);
  });

  it('keep the text-assessment id rule, and the 10,000 character limit of a text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/), (id) => {
        const out = characterClasses(id, stream(id));
        expect(identifierProblem(out)).toBeUndefined();
      }),
    );
    const text = `Ünïcode ✓ ${'x'.repeat(9_990)}`;
    expect([...characterClasses(text, stream(text))]).toHaveLength([...text].length);
  });
});

describe('typed formats', () => {
  it('emails stay emails', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (value) => {
        expect(draw(drawnFormat('email', value), value, stream(value))).toMatch(EMAIL);
      }),
    );
    expect(email(stream('x'))).toMatch(EMAIL);
  });

  it('alpha-3 codes stay codes of the list', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALPHA3), fc.string({ minLength: 16 }), (code, key) => {
        expect(ALPHA3).toContain(draw(drawnFormat('country', code), code, keyedStreams(key)('country', code, 0)));
      }),
    );
    expect(ALPHA3).toContain(country(stream('x')));
  });

  it('image URLs stay URLs and keep their file extension', () => {
    const out = imageUrl('https://files.example.com/6xx28lo115832/id.jpg?sig=1#x', stream('a'));
    expect(out).toMatch(/^https:\/\/images\.example\.invalid\/[a-z0-9]{20}\.jpg$/);
    expect(new URL(out).protocol).toBe('https:');
    expect(imageUrl('not a url', stream('b'))).toMatch(/^https:\/\/images\.example\.invalid\/[a-z0-9]{20}$/);
  });

  it('IP addresses stay addresses of their family, in a private or documentation range', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const out = ipAddress(ip, stream(ip));
        expect(out).toMatch(/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
        expect(out.split('.').every((part) => Number(part) <= 255)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        expect(ipAddress(ip, stream(ip))).toMatch(/^2001:db8(:[0-9a-f]{4}){6}$/);
      }),
    );
  });

  it('a typed format the value does not fit falls back to its character classes', () => {
    expect(drawnFormat('date', '12 April 1990')).toBe('text');
    expect(drawnFormat('country', 'Germany')).toBe('text');
    expect(drawnFormat('country', 'deu')).toBe('text');
    expect(drawnFormat('ip', 'localhost')).toBe('text');
    expect(drawnFormat('email', 'anything')).toBe('email');
    expect(drawnFormat('image', 'anything')).toBe('image');
  });

  it('a personal value of no known key is a date, an email or an IPv4 address when it looks like one', () => {
    expect(drawnFormat('personal', '1990-04-12')).toBe('date');
    expect(drawnFormat('personal', '12.04.1990')).toBe('date');
    expect(drawnFormat('personal', 'a.b@c.de')).toBe('email');
    expect(drawnFormat('personal', '203.0.113.7')).toBe('ip');
    expect(drawnFormat('personal', 'Jane Doe')).toBe('text');
    const date = draw('date', '1990-04-12', stream('1990-04-12'));
    expect(dateLayout(date)).toEqual({ order: 'ymd', separator: '-' });
  });
});
