// The formats a pseudonym keeps, each drawn from a keyed byte stream: emails stay emails, dates stay
// valid dates in the same layout, alpha-3 codes stay codes, image URLs stay URLs, IP addresses stay
// addresses of the same family, and everything else keeps its character classes (so lengths, the
// text-assessment id rule and the text limit hold). docs/decisions.md "Recordings: what is personal,
// and its pseudonyms".
import { ALPHA3 } from './countries.js';
import { dateLayout, drawDate } from './dates.js';
import type { ByteStream } from './keyed.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const BASE36 = `${LOWER}${DIGITS}`;
const HEX = '0123456789abcdef';
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const MAPPED = /[\p{L}\p{Nd}]/u;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^(?=.*:.*:)[0-9A-Fa-f:.]+$/;
const ALPHA3_SHAPE = /^[A-Z]{3}$/;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The format a pseudonym keeps; `personal`: no known one (a date, email or IP address when it looks like one). */
export type Format = 'email' | 'date' | 'country' | 'image' | 'ip' | 'text' | 'personal';
/** The format a value is drawn in once its shape is known (`personal` and misfits resolved). */
export type Drawn = Exclude<Format, 'personal'>;

const pick = (alphabet: string, s: ByteStream) => alphabet[s.below(alphabet.length)]!;
export const base36 = (s: ByteStream, length: number) => Array.from({ length }, () => pick(BASE36, s)).join('');

/** The format `value` is drawn in: a typed format whose shape it does not have falls back to its character classes. */
export function drawnFormat(format: Format, value: string): Drawn {
  switch (format) {
    case 'date':
      return dateLayout(value) ? 'date' : 'text';
    case 'country':
      return ALPHA3_SHAPE.test(value) ? 'country' : 'text';
    case 'ip':
      return IPV4.test(value) || IPV6.test(value) ? 'ip' : 'text';
    case 'personal':
      if (dateLayout(value)) return 'date';
      if (EMAIL_SHAPE.test(value)) return 'email';
      return IPV4.test(value) ? 'ip' : 'text';
    default:
      return format;
  }
}

/** Digit -> digit, a-z -> a-z, A-Z -> A-Z, other letters -> a-z, everything else kept (code point for code point). */
export function characterClasses(value: string, s: ByteStream): string {
  // a value with nothing to map (only punctuation, spaces, symbols) becomes letters, so it still changes
  const anyMapped = MAPPED.test(value);
  let out = '';
  for (const ch of value) {
    if (ch >= '0' && ch <= '9') out += pick(DIGITS, s);
    else if (ch >= 'A' && ch <= 'Z') out += pick(UPPER, s);
    else if (LETTER.test(ch) || !anyMapped) out += pick(LOWER, s);
    else if (DIGIT.test(ch)) out += pick(DIGITS, s);
    else out += ch;
  }
  return out;
}

/** `<base36>@example.com`. */
export const email = (s: ByteStream) => `${base36(s, 12)}@example.com`;

/** Another alpha-3 code of the list. */
export const country = (s: ByteStream) => ALPHA3[s.below(ALPHA3.length)]!;

/** `https://images.example.invalid/<base36>` with the original's file extension. */
export function imageUrl(value: string, s: ByteStream): string {
  const path = value.split(/[?#]/, 1)[0]!;
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(path)?.[1];
  return `https://images.example.invalid/${base36(s, 20)}${extension ? `.${extension}` : ''}`;
}

/** IPv4 -> an address in 10.0.0.0/8 (private); IPv6 -> one in 2001:db8::/32 (documentation). */
export function ipAddress(value: string, s: ByteStream): string {
  if (IPV4.test(value)) return `10.${s.byte()}.${s.byte()}.${1 + s.below(254)}`;
  const group = () => Array.from({ length: 4 }, () => pick(HEX, s)).join('');
  return `2001:db8:${Array.from({ length: 6 }, group).join(':')}`;
}

/** A pseudonym of `value` in `format` (already resolved by `drawnFormat`). */
export function draw(format: Drawn, value: string, s: ByteStream): string {
  switch (format) {
    case 'email':
      return email(s);
    case 'date':
      return drawDate(dateLayout(value)!, s);
    case 'country':
      return country(s);
    case 'image':
      return imageUrl(value, s);
    case 'ip':
      return ipAddress(value, s);
    default:
      return characterClasses(value, s);
  }
}
