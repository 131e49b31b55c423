import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedSince, changedSinceLine } from '../../src/diff/changed.js';
import { SpecSourceError } from '../../src/diff/sources.js';

const ROOT = join(import.meta.dirname, '../../../..');
const spec = readFileSync(join(ROOT, 'openapi/idcheck.yaml'), 'utf8');
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo }).toString();

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'scrub-changed-'));
  mkdirSync(join(repo, 'openapi'));
  git('init', '-q');
  // the base: getSubmission without its 413 message, so only that operation differs from the suite's spec
  const base = spec.replace(/(operationId: getSubmission[\s\S]*?x-error-messages:\n)\s+- \{status: 413[^\n]*\n/, '$1');
  expect(base).not.toBe(spec);
  writeFileSync(join(repo, 'openapi/idcheck.yaml'), base);
  git('add', '.');
  git('commit', '-qm', 'base');
  git('tag', 'v1');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('changedSince', () => {
  it('names the operations a change since the ref reaches, and the rest as unchanged', () => {
    const since = changedSince('v1', ['idcheck'], repo);
    expect(since.ref).toBe('v1');
    expect(since.commit).toBe(git('rev-parse', 'v1').trim());
    expect(since.changed).toEqual(['getSubmission']);
    expect(since.unchanged).toEqual([
      'partialDeleteSubmission',
      'listProjections',
      'createProjection',
      'getProjection',
      'deleteProjection',
    ]);
  });

  it('takes every operation of a spec missing at the ref as changed', () => {
    const since = changedSince('v1', ['text-assessment'], repo);
    expect(since).toMatchObject({
      changed: ['deleteAuthorSubmissions', 'submitText', 'getTextResults'],
      unchanged: [],
    });
  });

  it('refuses an unknown ref and a directory outside git, as bad input', () => {
    expect(() => changedSince('nope', ['idcheck'], repo)).toThrow(
      new SpecSourceError('unknown git ref "nope" (a shallow clone may lack it: git fetch --unshallow)'),
    );
    const outside = mkdtempSync(join(tmpdir(), 'scrub-nogit-'));
    try {
      expect(() => changedSince('v1', ['idcheck'], outside)).toThrow(SpecSourceError);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('changedSinceLine', () => {
  const since = { ref: 'v1', commit: '0123456789abcdef0123', changed: ['a'], unchanged: ['b', 'c'] };
  it('says what ran and what was skipped, and why', () => {
    expect(changedSinceLine(since, ['a'], ['b', 'c'], 'operation')).toBe(
      'changed since v1 (0123456789ab): 1 operation run: a; 2 operations skipped, unchanged: b, c',
    );
    expect(changedSinceLine(since, [], ['flow-1'], 'workflow')).toBe(
      'changed since v1 (0123456789ab): 0 workflows run; 1 workflow skipped, no step on a changed operation: flow-1',
    );
  });
});
