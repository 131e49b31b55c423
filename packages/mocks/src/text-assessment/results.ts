// Deterministic assessment results computed from a text: the same text always scores the same, so
// tests can assert on them, and the shape matches the documented example.
import type { components } from '@scrub/spec/text-assessment';

type TextResults = components['schemas']['TextResults'];

const round = (n: number, digits = 6) => Number(n.toFixed(digits));

/** FNV-1a over the text: a stable pseudo-score source. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function assess(text: string): TextResults {
  // offsets count code points (the spec's decision), not UTF-16 units: map each unit index once
  const cp = new Uint32Array(text.length + 1);
  for (let i = 0, n = 0; i <= text.length; i++) {
    cp[i] = n;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < text.length)) n++;
  }
  const at = (unit: number) => cp[unit]!;
  const sentences: [number, number, number][] = [];
  const pattern = /[^.!?]+[.!?]*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].trimEnd().length;
    if (end > start) sentences.push([at(start), at(end), round(((hash(match[0]) % 2000) - 1000) / 1000)]);
  }
  const words = text.match(/[A-Za-z']+/g) ?? [];
  const suspect: [number, number][] = [];
  const errors: [number, number, string, string][] = [];
  // Words without a vowel are flagged as suspect spelling, so texts with typos get textual errors.
  for (const match of text.matchAll(/[A-Za-z']+/g)) {
    const word = match[0];
    if (!/[aeiouyAEIOUY]/.test(word) && word.length > 1) {
      suspect.push([at(match.index), at(match.index + word.length)]);
      errors.push([at(match.index), at(match.index + word.length), word.toLowerCase(), 'S']);
    }
  }
  const unique = new Set(words.map((w) => w.toLowerCase()));
  const overall = 1 + (hash(text) % 900) / 100;
  return {
    type: 'success',
    code: 200,
    overall_score: round(overall, 2),
    score_dimensions: { prompt_relevance: round((hash(`${text}#relevance`) % 500) / 100, 1) },
    sentence_scores: sentences,
    suspect_tokens: suspect,
    textual_errors: errors,
    text_stats: {
      r1: round(words.length ? unique.size / words.length : 0),
      r2: round(words.length ? words.filter((w) => w.length > 6).length / words.length : 0),
      r3: 0,
      lcs: words.reduce((max, w) => Math.max(max, w.length), 0),
      feature_count: words.length * 8 + sentences.length,
      word_count: words.length,
    },
  } as TextResults;
}
