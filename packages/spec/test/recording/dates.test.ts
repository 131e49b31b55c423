import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateLayout, drawDate } from '../../src/recording/dates.js';
import { keyedStreams } from '../../src/recording/keyed.js';

/** Whether `y-m-d` is a real calendar day. */
const isDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

describe('dates', () => {
  it.each([
    ['1990-04-12', { order: 'ymd', separator: '-' }],
    ['19900412', { order: 'ymd', separator: '' }],
    ['1990/04/12', { order: 'ymd', separator: '/' }],
    ['1990.04.12', { order: 'ymd', separator: '.' }],
    ['12.04.1990', { order: 'dmy', separator: '.' }],
    ['12/04/1990', { order: 'dmy', separator: '/' }],
    ['04/30/1990', { order: 'dmy', separator: '/' }],
    ['12-04-1990', { order: 'dmy', separator: '-' }],
  ])('%s is a date laid out %j', (value, layout) => {
    expect(dateLayout(value)).toEqual(layout);
  });

  it.each([
    '1990-02-30',
    '19901301',
    '1990-4-12',
    '1990-04/12',
    '31/31/1990',
    '12345678',
    '2024-03-01-10-15-30-123',
    'X1990-04-12',
  ])('%s is not a date', (value) => {
    expect(dateLayout(value)).toBeUndefined();
  });

  it('a drawn date is a valid calendar date in the same layout', () => {
    const layouts = ['1990-04-12', '19900412', '1990/04/12', '1990.04.12', '12.04.1990', '30/04/1990', '04-30-1990'];
    fc.assert(
      fc.property(fc.constantFrom(...layouts), fc.string({ minLength: 16 }), (original, key) => {
        const layout = dateLayout(original)!;
        const drawn = drawDate(layout, keyedStreams(key)('date', original, 0));
        expect(dateLayout(drawn)).toEqual(layout);
        expect(drawn).toHaveLength(original.length);
        const digits = drawn.match(/\d+/g)!.map(Number);
        if (layout.order === 'ymd' && layout.separator === '') {
          expect(isDay(Number(drawn.slice(0, 4)), Number(drawn.slice(4, 6)), Number(drawn.slice(6)))).toBe(true);
        } else if (layout.order === 'ymd') {
          expect(isDay(digits[0]!, digits[1]!, digits[2]!)).toBe(true);
        } else {
          // valid read as DD/MM and as MM/DD
          expect(isDay(digits[2]!, digits[1]!, digits[0]!)).toBe(true);
          expect(isDay(digits[2]!, digits[0]!, digits[1]!)).toBe(true);
        }
      }),
    );
  });
});
