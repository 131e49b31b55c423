import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/recording/matcher.js';

const naive = (texts: string[], text: string) => {
  const out: { at: number; text: string }[] = [];
  for (let at = 0; at < text.length; at++) for (const t of texts) if (text.startsWith(t, at)) out.push({ at, text: t });
  return out.sort((a, b) => a.at - b.at || b.text.length - a.text.length);
};

describe('Matcher', () => {
  it('finds every occurrence, by start and longest first, as a naive search does', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '"'), minLength: 3, maxLength: 6 }), {
          maxLength: 12,
        }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '"', 'x'), maxLength: 80 }),
        (texts, text) => {
          const found = new Matcher(texts.map((t) => ({ text: t })))
            .all(text)
            .map(({ at, item }) => ({ at, text: item.text }));
          expect(found).toEqual(naive(texts, text));
        },
      ),
    );
  });

  it('strings sharing a long prefix are told apart at the gram where they differ', () => {
    const urls = Array.from({ length: 500 }, (_, i) => ({ text: `https://files.example.test/${i}/front-${i}.jpg` }));
    const text = `see https://files.example.test/42/front-42.jpg and https://files.example.test/7/front-7.jpg`;
    expect(new Matcher(urls).all(text).map(({ at, item }) => [at, item.text])).toEqual([
      [4, urls[42]!.text],
      [51, urls[7]!.text],
    ]);
  });
});
