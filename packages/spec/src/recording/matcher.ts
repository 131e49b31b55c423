// Finds many strings in a text in one pass: each string is filed under its rarest three-character
// gram (rarest among all the strings), so a position of the text is checked against the few strings
// filed under the gram found there. Thousands of originals sharing a prefix (image URLs, dates of one
// decade) stay fast, where a prefix index checks them all at every `https:`.

/** The shortest string a matcher takes. */
export const GRAM = 3;

const gramAt = (text: string, at: number) =>
  text.charCodeAt(at) * 4294967296 + text.charCodeAt(at + 1) * 65536 + text.charCodeAt(at + 2);

export interface Match<T> {
  at: number;
  item: T;
}

export class Matcher<T extends { text: string }> {
  readonly #filed = new Map<number, { item: T; offset: number }[]>();

  /** `items`' texts must be at least `GRAM` characters long. */
  constructor(items: readonly T[]) {
    const counts = new Map<number, number>();
    for (const { text } of items)
      for (let i = 0; i + GRAM <= text.length; i++) {
        const g = gramAt(text, i);
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
    for (const item of items) {
      let offset = 0;
      let fewest = Number.POSITIVE_INFINITY;
      for (let i = 0; i + GRAM <= item.text.length; i++) {
        const count = counts.get(gramAt(item.text, i))!;
        if (count < fewest) [offset, fewest] = [i, count];
      }
      const g = gramAt(item.text, offset);
      const list = this.#filed.get(g) ?? [];
      list.push({ item, offset });
      this.#filed.set(g, list);
    }
  }

  /** Every occurrence of every item in `text`, by start (the longest first at one start). */
  all(text: string): Match<T>[] {
    const found: Match<T>[] = [];
    for (let i = 0; i + GRAM <= text.length; i++) {
      const filed = this.#filed.get(gramAt(text, i));
      if (!filed) continue;
      for (const { item, offset } of filed) {
        const at = i - offset;
        if (at >= 0 && text.startsWith(item.text, at)) found.push({ at, item });
      }
    }
    return found.sort((a, b) => a.at - b.at || b.item.text.length - a.item.text.length);
  }
}
