// Dates in the layouts personal data uses (YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD, YYYY.MM.DD, DD.MM.YYYY,
// DD/MM/YYYY, MM/DD/YYYY, DD-MM-YYYY): which layout a value has, and a valid date drawn in it.
import type { ByteStream } from './keyed.js';

/** Year first (`ymd`) or last (`dmy`: day and month in either order), and the separator. */
export interface DateLayout {
  order: 'ymd' | 'dmy';
  separator: string;
}

const YEAR_FIRST = /^(\d{4})([-/.]?)(\d{2})\2(\d{2})$/;
const YEAR_LAST = /^(\d{2})([-/.])(\d{2})\2(\d{4})$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const valid = (year: number, month: number, day: number) =>
  year >= 1800 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);

/** The layout of a valid calendar date, or undefined (`20241301` is not a date, whatever its shape). */
export function dateLayout(value: string): DateLayout | undefined {
  const first = YEAR_FIRST.exec(value);
  if (first) {
    const [, y, separator, m, d] = first;
    return valid(Number(y), Number(m), Number(d)) ? { order: 'ymd', separator: separator! } : undefined;
  }
  const last = YEAR_LAST.exec(value);
  if (!last) return undefined;
  const [, a, separator, b, y] = last;
  const year = Number(y);
  return valid(year, Number(b), Number(a)) || valid(year, Number(a), Number(b))
    ? { order: 'dmy', separator: separator! }
    : undefined;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A valid date in `layout`, year 1940-2039. Year-last dates draw day and month both up to 12, so the
 * date is valid read either way (DD/MM or MM/DD).
 */
export function drawDate(layout: DateLayout, s: ByteStream): string {
  const year = 1940 + s.below(100);
  const month = 1 + s.below(12);
  const { separator: sep } = layout;
  if (layout.order === 'dmy') return `${two(1 + s.below(12))}${sep}${two(month)}${sep}${year}`;
  return `${year}${sep}${two(month)}${sep}${two(1 + s.below(daysIn(year, month)))}`;
}
