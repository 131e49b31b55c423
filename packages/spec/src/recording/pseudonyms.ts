// The two passes of a recording: `Originals` notes every personal value and credential (and the kind
// it was seen as) without changing anything; `Pseudonyms` then replaces each one by a keyed, format-
// keeping value that is never the input, never another original and (where the format has room)
// never another input's pseudonym. The same (kind, value) gives the same output throughout.
import { base36, type Drawn, draw, drawnFormat, type Format } from './formats.js';
import type { ByteStream, Streams } from './keyed.js';

/** A credential: an ID-check API key, a text-assessment token or account id, or any other secret. */
export type CredentialKind = 'api-key' | 'token' | 'account' | 'secret';
/** What an original was seen as: a personal value's drawn format, or a credential. */
export type Kind = Drawn | CredentialKind;

/** What the rewriting of an exchange calls for each value it finds. */
export interface Pseudonymise {
  /** The pseudonym of a personal value in `format` (`''` stays `''`). */
  personal(format: Format, value: string): string;
  /** The fresh value of a credential. */
  credential(kind: CredentialKind, value: string): string;
  /** Notes a value kept as it is (its strings are the recording's own words, not looked for by the safety net). */
  keep(value: unknown): void;
}

const RANK: Partial<Record<Kind, number>> = { 'api-key': 4, token: 3, account: 2, secret: 1 };
const rank = (kind: Kind | undefined) => (kind === undefined ? -1 : (RANK[kind] ?? 0));
export const isCredential = (kind: Kind | undefined): kind is CredentialKind => rank(kind) > 0;

/** Pass 1: every original and its kind (a credential's kind wins over a personal one); returns values unchanged. */
export class Originals implements Pseudonymise {
  readonly kinds = new Map<string, Kind>();
  /** Every string kept as it is somewhere in the recording. */
  readonly kept = new Set<string>();

  #note(value: string, kind: Kind): string {
    if (value !== '' && rank(kind) > rank(this.kinds.get(value))) this.kinds.set(value, kind);
    return value;
  }

  personal(format: Format, value: string): string {
    return this.#note(value, drawnFormat(format, value));
  }

  credential(kind: CredentialKind, value: string): string {
    return this.#note(value, kind);
  }

  keep(value: unknown): void {
    if (typeof value === 'string') this.kept.add(value);
    else if (Array.isArray(value)) for (const item of value) this.keep(item);
    else if (typeof value === 'object' && value !== null)
      for (const [key, v] of Object.entries(value)) {
        this.kept.add(key);
        this.keep(v);
      }
  }
}

/** Fresh credentials: recognisable, and long enough to be keys and tokens. */
const PREFIX: Record<CredentialKind, string> = {
  'api-key': 'rec-key-',
  token: 'rec-token-',
  account: 'rec-account-',
  secret: 'rec-secret-',
};
const DRAWS = 64;

/** Pass 2: the pseudonyms, knowing every original of the recording. */
export class Pseudonyms implements Pseudonymise {
  readonly #streams: Streams;
  readonly #originals: ReadonlyMap<string, Kind>;
  readonly #outputs = new Map<string, string>();
  readonly #owners = new Set<string>();

  constructor(streams: Streams, originals: ReadonlyMap<string, Kind>) {
    this.#streams = streams;
    this.#originals = originals;
  }

  personal(format: Format, value: string): string {
    if (value === '') return '';
    const drawn = drawnFormat(format, value);
    return this.#derive(drawn, value, (s) => draw(drawn, value, s));
  }

  credential(kind: CredentialKind, value: string): string {
    if (value === '') return '';
    // one credential, one fresh value: a key sent as a query parameter maps to its project's key
    const seen = this.#originals.get(value);
    const as = isCredential(seen) ? seen : kind;
    return this.#derive(as, value, (s) => `${PREFIX[as]}${base36(s, 24)}`);
  }

  keep(): void {}

  /** What an original becomes wherever it is found (the safety net): its pseudonym as the kind it was first seen as. */
  replacement(original: string): string {
    const kind = this.#originals.get(original);
    if (kind === undefined || isCredential(kind)) return this.credential(kind ?? 'secret', original);
    return this.#derive(kind, original, (s) => draw(kind, original, s));
  }

  #derive(kind: Kind, value: string, make: (s: ByteStream) => string): string {
    const id = `${kind}\0${value}`;
    const known = this.#outputs.get(id);
    if (known !== undefined) return known;
    let free: string | undefined;
    let notOriginal: string | undefined;
    let last = value;
    for (let counter = 0; counter < DRAWS && free === undefined; counter++) {
      const candidate = make(this.#streams(kind, value, counter));
      if (candidate === value) continue;
      last = candidate;
      if (this.#originals.has(candidate)) continue;
      notOriginal ??= candidate;
      if (!this.#owners.has(candidate)) free = candidate;
    }
    // a format with little room (alpha-3 codes) may have to share a pseudonym; it never reuses an original
    const out = free ?? notOriginal ?? last;
    this.#outputs.set(id, out);
    this.#owners.add(out);
    return out;
  }
}
