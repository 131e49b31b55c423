// The diff a failing check prints: the committed report against the built one, cut to a few lines.
import { describe, expect, it } from 'vitest';
import { shortDiff } from '../src/diff.mjs';

describe('shortDiff', () => {
  it('prints a unified diff labelled committed and built', () => {
    const committed = 'a\nb\nc\nd\ne\nf\n';
    const built = 'a\nb\nc\nD\ne\nf\n';
    expect(shortDiff('packages/x/api/index.api.md', committed, built)).toBe(
      [
        '--- packages/x/api/index.api.md (committed)',
        '+++ packages/x/api/index.api.md (built)',
        '@@ -2,5 +2,5 @@',
        ' b',
        ' c',
        '-d',
        '+D',
        ' e',
        ' f',
      ].join('\n'),
    );
  });

  it('cuts a long diff, saying how much it left out', () => {
    const built = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const lines = shortDiff('r.api.md', '', `${built}\n`, 10).split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('... 43 more lines of diff');
  });
});
