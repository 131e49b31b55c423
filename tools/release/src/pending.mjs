// The pending changesets: `.changeset/*.md` except README.md, parsed as `changeset version` parses
// them (@changesets/parse), and the bump they give each package.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';

/** @typedef {'major' | 'minor' | 'patch' | 'none'} Bump */
/** @typedef {{ file: string, summary: string, releases: { name: string, type: Bump }[] }} Changeset */
/** What the pending changesets give one package: the highest bump, and whether one says breaking. */
/** @typedef {{ bump: Bump | undefined, saysBreaking: boolean }} Given */

export const RANK = /** @type {const} */ ({ none: 0, patch: 1, minor: 2, major: 3 });

/**
 * @param {string} root
 * @returns {Changeset[]}
 * @throws {Error} naming the file and the parser's first line when a changeset cannot be read
 */
export function pendingChangesets(root) {
  const dir = join(root, '.changeset');
  let files;
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md');
  } catch {
    return [];
  }
  return files.sort().map((file) => {
    try {
      return { file, ...parseChangeset(readFileSync(join(dir, file), 'utf8')) };
    } catch (error) {
      const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
      throw new Error(`cannot read .changeset/${file}: ${reason}`);
    }
  });
}

/**
 * The word a changeset's summary must hold for a minor bump to carry a breaking change while 0.x,
 * any case; "non-breaking" is not it.
 */
export const BREAKING = /(?<![\w-])breaking\b/i;

/**
 * @param {readonly Changeset[]} changesets
 * @param {string} name
 * @returns {Given}
 */
export function given(changesets, name) {
  /** @type {Bump | undefined} */
  let bump;
  let saysBreaking = false;
  for (const changeset of changesets) {
    for (const release of changeset.releases) {
      if (release.name !== name) continue;
      if (bump === undefined || RANK[release.type] > RANK[bump]) bump = release.type;
      if (RANK[release.type] >= RANK.minor && BREAKING.test(changeset.summary)) saysBreaking = true;
    }
  }
  return { bump, saysBreaking };
}
