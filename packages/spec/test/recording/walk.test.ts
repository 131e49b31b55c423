import { describe, expect, it } from 'vitest';
import type { Format } from '../../src/recording/formats.js';
import type { CredentialKind, Pseudonymise } from '../../src/recording/pseudonyms.js';
import { walk } from '../../src/recording/walk.js';

/** Shows what the walk asked for: `<format:value>`, `<credential-kind:value>`. */
class Tagging implements Pseudonymise {
  readonly kept: unknown[] = [];
  personal(format: Format, value: string) {
    return `<${format}:${value}>`;
  }
  credential(kind: CredentialKind, value: string) {
    return `<${kind}:${value}>`;
  }
  keep(value: unknown) {
    this.kept.push(value);
  }
}

describe('walk', () => {
  it('keeps numbers, booleans and null; replaces every string a rule does not keep', () => {
    const p = new Tagging();
    expect(walk({ a: 'x', n: 1, b: true, z: null, list: ['y', 2] }, 'personal', p)).toEqual({
      a: '<personal:x>',
      n: 1,
      b: true,
      z: null,
      list: ['<personal:y>', 2],
    });
  });

  it('an object rule keeps what it names; the other keys are personal, by their known format at any depth', () => {
    const p = new Tagging();
    const out = walk(
      {
        kept: 'k',
        deep: { email: 'e', ocr: { date_of_birth: 'd', nationality: 'n', nested: [{ ip_address: 'i' }] } },
        unknown: 'u',
      },
      { keys: { kept: 'keep' } },
      p,
    );
    expect(out).toEqual({
      kept: 'k',
      deep: {
        email: '<email:e>',
        ocr: { date_of_birth: '<date:d>', nationality: '<country:n>', nested: [{ ip_address: '<ip:i>' }] },
      },
      unknown: '<personal:u>',
    });
    expect(p.kept).toEqual(['k']);
  });

  it('a key named like a credential holds a secret, unless the rule names it', () => {
    const p = new Tagging();
    expect(walk({ nextpageKey: 'n', password: 'p', token: 't' }, { keys: { token: 'keep' } }, p)).toEqual({
      nextpageKey: '<secret:n>',
      password: '<secret:p>',
      token: 't',
    });
  });

  it('a documented message is kept; any other message is personal', () => {
    const p = new Tagging();
    const rule = { keys: { message: 'message' as const } };
    expect(walk({ message: 'not Exist Submission Data' }, rule, p)).toEqual({ message: 'not Exist Submission Data' });
    expect(walk({ message: 'no data for Jane' }, rule, p)).toEqual({ message: '<personal:no data for Jane>' });
  });

  it('items and tuples', () => {
    const p = new Tagging();
    expect(walk([[0, 3, 'word', 'S']], { items: { tuple: ['keep', 'keep', 'text', 'keep'] } }, p)).toEqual([
      [0, 3, '<text:word>', 'S'],
    ]);
    expect(
      walk({ image: { idImage: 'a', extra: ['b'] } }, { keys: { image: { keys: {}, other: 'image' } } }, p),
    ).toEqual({
      image: { idImage: '<image:a>', extra: ['<image:b>'] },
    });
  });

  it('a key named __proto__ stays a plain key (no prototype is set)', () => {
    const out = walk(JSON.parse('{"__proto__": {"polluted": "x"}}'), 'personal', new Tagging()) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
