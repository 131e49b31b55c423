// The safety net after the structured pass: every original personal value and credential seen (kept
// in memory only) is looked for in everything written. Long ones are replaced wherever they remain (an
// error message quoting a value); `leaks` reports what is still there, by kind and offset, never by
// value. docs/decisions.md "Recordings: what is personal, and its pseudonyms".
import { type Match, Matcher } from './matcher.js';
import { isCredential, type Kind } from './pseudonyms.js';

/** Credentials this long or longer are found inside any text; shorter ones only as whole JSON strings. */
export const CREDENTIAL_MIN = 4;
/** Personal values this long or longer are found inside any text; shorter ones only as whole JSON strings. */
export const PERSONAL_MIN = 6;

const LABEL: Record<Kind, string> = {
  email: 'an email',
  date: 'a date',
  country: 'a country code',
  image: 'an image URL',
  ip: 'an IP address',
  text: 'a personal value',
  'api-key': 'an API key',
  token: 'a token',
  account: 'an account id',
  secret: 'a secret',
};

const jsonOnce = (s: string) => JSON.stringify(s).slice(1, -1);
/** The ways a value is written: as is, in a JSON string, in JSON in a JSON string (a HAR's body), in a URL. */
const ENCODINGS: readonly ((s: string) => string)[] = [
  (s) => s,
  jsonOnce,
  (s) => jsonOnce(jsonOnce(s)),
  (s) => encodeURIComponent(s),
  (s) => encodeURIComponent(s).replace(/%20/g, '+'),
];

interface Needle {
  text: string;
  original: string;
  /** Found only as a whole JSON string value (not followed by `:`, i.e. not a key). */
  whole: boolean;
  encode: (s: string) => string;
}

function needlesOf(original: string, kind: Kind): Needle[] {
  const long = original.length >= (isCredential(kind) ? CREDENTIAL_MIN : PERSONAL_MIN);
  const out = new Map<string, Needle>();
  for (const encode of ENCODINGS) {
    const text = long ? encode(original) : encode(JSON.stringify(original));
    if (!out.has(text)) out.set(text, { text, original, whole: !long, encode });
  }
  return [...out.values()];
}

/** The originals of a recording, found in a text in one pass. */
export class Net {
  readonly #kinds: ReadonlyMap<string, Kind>;
  readonly #replace: (original: string) => string;
  readonly #needles: Matcher<Needle>;

  constructor(kinds: ReadonlyMap<string, Kind>, replace: (original: string) => string) {
    this.#kinds = kinds;
    this.#replace = replace;
    this.#needles = new Matcher([...kinds].flatMap(([original, kind]) => needlesOf(original, kind)));
  }

  /** The needles found in `text`: a whole one only where it is a value, not a key (followed by `:`). */
  #find(text: string): Match<Needle>[] {
    return this.#needles.all(text).filter(({ at, item }) => {
      if (!item.whole) return true;
      const end = at + item.text.length;
      return !/^\s*:/.test(text.slice(end, end + 8));
    });
  }

  /** Every original still in `text`: `<kind> at offset <n>`, never the value. */
  leaks(text: string): string[] {
    return this.#find(text).map(({ at, item }) => `${LABEL[this.#kinds.get(item.original)!]} at offset ${at}`);
  }

  /** `text` with every long original (in any of its encodings) replaced by its pseudonym, longest first. */
  scrub(text: string): string {
    let out = '';
    let from = 0;
    for (const { at, item } of this.#find(text)) {
      if (item.whole || at < from) continue;
      out += text.slice(from, at) + item.encode(this.#replace(item.original));
      from = at + item.text.length;
    }
    return from === 0 ? text : out + text.slice(from);
  }

  /** A JSON value, every string and key scrubbed; a string exactly an original replaced, whatever its length. */
  scrubValue(value: unknown): unknown {
    if (typeof value === 'string') return this.#kinds.has(value) ? this.#replace(value) : this.scrub(value);
    if (Array.isArray(value)) return value.map((item) => this.scrubValue(item));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.scrub(k), this.scrubValue(v)]));
    return value;
  }
}
