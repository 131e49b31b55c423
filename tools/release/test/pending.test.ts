import { afterAll, describe, expect, it } from 'vitest';
import { BREAKING, type Changeset, given, pendingChangesets } from '../src/pending.mjs';
import { changeset, cleanup, scratch, write } from './repo.js';

afterAll(cleanup);

describe('pendingChangesets', () => {
  it('reads .changeset/*.md but README.md, sorted by file', () => {
    const root = scratch('scrub-pending-');
    write(root, { '.changeset/README.md': '# Changesets\n', '.changeset/config.json': '{}\n' });
    changeset(root, 'b', { '@scrub/sdk': 'major' }, 'Removes x.');
    changeset(root, 'a', { '@scrub/spec': 'patch', '@scrub/mocks': 'none' }, 'Fixes y.');
    expect(pendingChangesets(root)).toEqual([
      {
        file: 'a.md',
        summary: 'Fixes y.',
        releases: [
          { name: '@scrub/spec', type: 'patch' },
          { name: '@scrub/mocks', type: 'none' },
        ],
      },
      { file: 'b.md', summary: 'Removes x.', releases: [{ name: '@scrub/sdk', type: 'major' }] },
    ]);
  });

  it('no .changeset directory: none pending', () => {
    expect(pendingChangesets(scratch('scrub-pending-'))).toEqual([]);
  });

  it('a file without front matter: an error naming it', () => {
    const root = scratch('scrub-pending-');
    write(root, { '.changeset/oops.md': 'just words\n' });
    expect(() => pendingChangesets(root)).toThrow(
      'cannot read .changeset/oops.md: could not parse changeset - missing or invalid frontmatter.',
    );
  });
});

describe('given', () => {
  const c = (releases: Changeset['releases'], summary = 'Changes.'): Changeset => ({ file: 'x.md', summary, releases });

  it('the highest bump of the changesets naming the package, or none named', () => {
    const changesets = [c([{ name: '@scrub/sdk', type: 'patch' }]), c([{ name: '@scrub/sdk', type: 'minor' }])];
    expect(given(changesets, '@scrub/sdk')).toEqual({ bump: 'minor', saysBreaking: false });
    expect(given(changesets, '@scrub/mocks')).toEqual({ bump: undefined, saysBreaking: false });
  });

  it('"breaking" counts in a minor or major changeset of the package, not in a patch or another package\'s', () => {
    const sdk = (type: 'patch' | 'minor', summary: string) => c([{ name: '@scrub/sdk', type }], summary);
    expect(given([sdk('minor', 'A breaking change.')], '@scrub/sdk').saysBreaking).toBe(true);
    expect(given([sdk('patch', 'Breaking.'), sdk('minor', 'Adds.')], '@scrub/sdk').saysBreaking).toBe(false);
    expect(
      given([sdk('minor', 'Adds.'), c([{ name: '@scrub/spec', type: 'minor' }], 'Breaking.')], '@scrub/sdk'),
    ).toEqual({ bump: 'minor', saysBreaking: false });
  });

  it('the word, in any case; "non-breaking" is not it', () => {
    expect(['BREAKING CHANGE: x', '**Breaking:** x', 'This is breaking.'].map((s) => BREAKING.test(s))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['A non-breaking fix', 'nonbreaking', 'unbreakingly', 'breakage'].map((s) => BREAKING.test(s))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
