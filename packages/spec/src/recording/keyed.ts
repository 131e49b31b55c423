// Keyed byte streams: every pseudonym is drawn from HMAC-SHA256(key, kind "\0" value), so one key
// gives one output per input (relations survive), and without the key nothing leads back. See
// docs/decisions.md "Recordings: what is personal, and its pseudonyms".
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { RecordingError } from './error.js';

const encoder = new TextEncoder();

/** Numbers drawn from one HMAC: block 0 is the HMAC itself, block i > 0 is HMAC(block 0, i). */
export class ByteStream {
  readonly #seed: Uint8Array;
  #block: Uint8Array;
  #blocks = 0;
  #at = 0;

  constructor(seed: Uint8Array) {
    this.#seed = seed;
    this.#block = seed;
  }

  byte(): number {
    if (this.#at === this.#block.length) {
      this.#blocks++;
      const counter = new Uint8Array([this.#blocks >>> 24, this.#blocks >>> 16, this.#blocks >>> 8, this.#blocks]);
      this.#block = hmac(sha256, this.#seed, counter);
      this.#at = 0;
    }
    return this.#block[this.#at++]!;
  }

  /** A whole number in [0, n), n <= 256, without modulo bias (bytes past the last whole multiple are drawn again). */
  below(n: number): number {
    const limit = 256 - (256 % n);
    for (;;) {
      const b = this.byte();
      if (b < limit) return b % n;
    }
  }
}

/** The stream of (kind, value); `counter` > 0 draws again (an output that may not be used). */
export type Streams = (kind: string, value: string, counter: number) => ByteStream;

/** Streams under `key` (its UTF-8 bytes), or under 32 random bytes when no key is given. */
export function keyedStreams(key?: string): Streams {
  if (key === '') throw new RecordingError('options.key: expected a non-empty string');
  const secret = key === undefined ? randomBytes(32) : encoder.encode(key);
  return (kind, value, counter) => {
    const input = counter === 0 ? `${kind}\0${value}` : `${kind}\0${value}\0${counter}`;
    return new ByteStream(hmac(sha256, secret, encoder.encode(input)));
  };
}
