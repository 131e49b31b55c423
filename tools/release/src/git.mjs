// The git facts the changeset check reads: the last release tag, what changed since, and a file's
// text at a ref. Every call runs git in the work tree's root; a failure names the git command only.
import { execFileSync } from 'node:child_process';

/** A tag `changeset tag` / `changeset publish` creates for a released package. */
export const RELEASE_TAG = /^@scrub\/[a-z0-9][a-z0-9._-]*@\d+\.\d+\.\d+(?:[-+].*)?$/;

/**
 * Runs git and returns its stdout (specs are tens of kilobytes, so the buffer is generous).
 * @param {string} cwd
 * @param {string[]} args
 */
export function git(cwd, args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** @param {string} cwd @returns {string | undefined} the work tree's root, or undefined outside one */
export function workTreeRoot(cwd) {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return undefined;
  }
}

/** A shallow clone has no history: the last release tag cannot be found in it. @param {string} root */
export function isShallow(root) {
  return git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
}

/** @param {string} root @param {string} ref @returns {boolean} whether `ref` names a commit */
export function isCommit(root, ref) {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The newest release tag reachable from HEAD (the fewest commits away), or undefined when there is
 * none: no release yet, or no commit yet.
 * @param {string} root
 */
export function lastReleaseTag(root) {
  try {
    const tag = git(root, ['describe', '--tags', '--abbrev=0', '--match', '@scrub/*@[0-9]*', 'HEAD']).trim();
    return RELEASE_TAG.test(tag) ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** @typedef {{ path: string, status: 'added' | 'removed' | 'modified' }} ChangedFile */

/**
 * The files matching `globs` (git pathspec globs: `*` stops at `/`) that differ between `ref` and
 * the working tree: committed, staged, unstaged and untracked changes alike, since the test line
 * runs before the commit. A rename is a removal and an addition.
 * @param {string} root
 * @param {string} ref
 * @param {readonly string[]} globs
 * @returns {ChangedFile[]}
 */
export function changedFiles(root, ref, globs) {
  const pathspecs = globs.map((glob) => `:(glob)${glob}`);
  /** @type {Map<string, ChangedFile['status']>} */
  const changed = new Map();
  const diff = git(root, ['diff', '--name-status', '--no-renames', '-z', ref, '--', ...pathspecs]).split('\0');
  for (let i = 0; i + 1 < diff.length; i += 2) {
    const status = diff[i] ?? '';
    const path = diff[i + 1] ?? '';
    changed.set(path, status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified');
  }
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...pathspecs]);
  for (const path of untracked.split('\0').filter(Boolean)) {
    // Untracked but in `ref`: removed from the index, still on disk.
    changed.set(path, changed.get(path) === 'removed' ? 'modified' : 'added');
  }
  return [...changed].map(([path, status]) => ({ path, status })).sort((a, b) => a.path.localeCompare(b.path));
}

/** The text of `path` at `ref`. @param {string} root @param {string} ref @param {string} path */
export function showAt(root, ref, path) {
  return git(root, ['show', `${ref}:${path}`]);
}
