// What git tells the check: the last release tag, the files changed since a ref, a file at a ref.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFiles, isCommit, isShallow, lastReleaseTag, showAt, workTreeRoot } from '../src/git.mjs';
import { cleanup, commit, git, released, remove, SPEC, scratch, write } from './repo.js';

afterAll(cleanup);

const GLOBS = ['openapi/*.yaml', 'packages/*/api/*.api.md'];

describe('lastReleaseTag', () => {
  it('the release tag fewest commits from HEAD; other tags are not releases', () => {
    const root = released({ version: '0.1.0' });
    commit(root, 'second');
    git(root, 'tag', '@scrub/sdk@0.2.0');
    commit(root, 'third');
    git(root, 'tag', 'v9.9.9');
    git(root, 'tag', '@scrub/sdk@next');
    expect(lastReleaseTag(root)).toBe('@scrub/sdk@0.2.0');
  });

  it('none: no tag, or no commit at all', () => {
    expect(lastReleaseTag(released({ tag: false }))).toBeUndefined();
    const empty = scratch('scrub-git-');
    git(empty, 'init', '-q');
    expect(lastReleaseTag(empty)).toBeUndefined();
  });
});

describe('changedFiles', () => {
  it('committed, staged, unstaged and untracked changes since the ref; a rename is a removal and an addition', () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': `${SPEC}# edited\n` });
    commit(root);
    write(root, { 'packages/sdk/api/index.api.md': 'staged\n' });
    git(root, 'add', 'packages/sdk/api/index.api.md');
    git(root, 'mv', 'openapi/redocly.yaml', 'openapi/lint.yaml');
    write(root, { 'packages/mocks/api/index.api.md': 'untracked\n' });
    expect(changedFiles(root, '@scrub/spec@0.1.0', GLOBS)).toEqual([
      { path: 'openapi/idcheck.yaml', status: 'modified' },
      { path: 'openapi/lint.yaml', status: 'added' },
      { path: 'openapi/redocly.yaml', status: 'removed' },
      { path: 'packages/mocks/api/index.api.md', status: 'added' },
      { path: 'packages/sdk/api/index.api.md', status: 'modified' },
    ]);
  });

  it('only what the globs match: `*` stops at a slash, ignored files are not untracked changes', () => {
    const root = released();
    write(root, {
      'openapi/flows/x.arazzo.yaml': 'arazzo: 1.0.1\n',
      'packages/sdk/api/temp/x.api.md': 'x\n',
      'packages/sdk/src/index.ts': 'export {};\n',
      '.gitignore': 'ignored.yaml\n',
      'openapi/ignored.yaml': 'x: 1\n',
    });
    expect(changedFiles(root, 'HEAD', GLOBS)).toEqual([]);
  });

  it('a file deleted from disk is removed; one only dropped from the index is still there', () => {
    const root = released();
    remove(root, 'openapi/idcheck.yaml');
    git(root, 'rm', '-q', '--cached', 'packages/sdk/api/index.api.md');
    expect(changedFiles(root, 'HEAD', GLOBS)).toEqual([
      { path: 'openapi/idcheck.yaml', status: 'removed' },
      { path: 'packages/sdk/api/index.api.md', status: 'modified' },
    ]);
  });
});

describe('the rest', () => {
  it('showAt reads a file at a ref; isCommit knows refs; workTreeRoot finds the root from below', () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': 'openapi: 3.1.1\n' });
    expect(showAt(root, '@scrub/spec@0.1.0', 'openapi/idcheck.yaml')).toBe(SPEC);
    expect([isCommit(root, '@scrub/spec@0.1.0'), isCommit(root, 'HEAD'), isCommit(root, 'nope')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(workTreeRoot(join(root, 'openapi'))).toBe(git(root, 'rev-parse', '--show-toplevel').trim());
  });

  it('isShallow: a clone with --depth is, a full clone is not', () => {
    const origin = released();
    const dir = scratch('scrub-clone-');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, join(dir, 'shallow')]);
    execFileSync('git', ['clone', '-q', origin, join(dir, 'full')]);
    expect(isShallow(join(dir, 'shallow'))).toBe(true);
    expect(isShallow(join(dir, 'full'))).toBe(false);
    expect(lastReleaseTag(join(dir, 'full'))).toBe('@scrub/spec@0.1.0');
  });
});
