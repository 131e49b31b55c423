// `--changed-since` as CI runs it: inside a repository whose openapi/ at the ref differs from the
// suite's spec in one operation; only that operation's cases (and the flows through it) run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { type Running, startMock } from '../support/servers.js';

const ROOT = join(import.meta.dirname, '../../../..');
let repo: string;
let mock: Running;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'scrub-changed-e2e-'));
  mkdirSync(join(repo, 'openapi'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
  git('init', '-q');
  const idcheck = readFileSync(join(ROOT, 'openapi/idcheck.yaml'), 'utf8');
  // at the ref, getProjection did not yet document its 413: only getProjection changed since
  const base = idcheck.replace(
    /(operationId: getProjection[\s\S]*?x-error-messages:\n(?: +- [^\n]*\n)*?) +- \{status: 413[^\n]*\n/,
    '$1',
  );
  expect(base).not.toBe(idcheck);
  writeFileSync(join(repo, 'openapi/idcheck.yaml'), base);
  writeFileSync(join(repo, 'openapi/text-assessment.yaml'), readFileSync(join(ROOT, 'openapi/text-assessment.yaml')));
  git('add', '.');
  git('commit', '-qm', 'base');
  git('tag', 'release-1');
  mock = await startMock();
});
afterAll(async () => {
  await mock.stop();
  rmSync(repo, { recursive: true, force: true });
});

describe('scrub-contract --changed-since', () => {
  it('runs only the changed operation, every documented response of it, and says what it skipped', async () => {
    const args = ['--target', mock.url, '--changed-since', 'release-1', '-q', '--report', 'run.json'];
    const { code, out } = await cli(args, { cwd: repo });
    expect(code).toBe(0);
    const { changedSince } = JSON.parse(readFileSync(join(repo, 'run.json'), 'utf8'));
    expect(changedSince).toMatchObject({ ref: 'release-1', ran: ['getProjection'] });
    expect(changedSince.skipped).toHaveLength(8);
    expect(changedSince.commit).toMatch(/^[0-9a-f]{40}$/);
    const rows = out.split('\n').filter((line) => /^\| \w+ +\| /.test(line) && !line.startsWith('| operation '));
    expect(rows.map((row) => row.split('|')[1]?.trim())).toEqual(Array(6).fill('getProjection'));
    expect(rows.find((row) => row.includes('413 Request Entity Too Large'))).toMatch(/\| hit +\|$/);
    expect(out).toContain('6/6 documented responses hit (100%)');
    const skipped = 'partialDeleteSubmission, getSubmission, listProjections, createProjection, deleteProjection, ';
    expect(out).toMatch(/changed since release-1 \([0-9a-f]{12}\): 1 operation run: getProjection; 8 operations/);
    expect(out).toContain(
      `; 8 operations skipped, unchanged: ${skipped}deleteAuthorSubmissions, submitText, getTextResults\n`,
    );
  });

  it('runs only the flows with a step on the changed operation', async () => {
    const args = ['flows', '--target', mock.url, '--changed-since', 'release-1', '-q', '--report', 'flows.json'];
    const { code, out } = await cli(args, { cwd: repo });
    expect(code).toBe(0);
    const { changedSince } = JSON.parse(readFileSync(join(repo, 'flows.json'), 'utf8'));
    expect(changedSince.ran).toContain('projection-lifecycle');
    expect(changedSince.skipped).toContain('author-delete-repeat');
    const line = out.split('\n').find((l) => l.startsWith('changed since release-1')) ?? '';
    const [ran = '', skipped = ''] = line.split('; ');
    expect(ran).toMatch(/: \d+ workflows? run: /);
    expect(ran).toContain('projection-lifecycle');
    expect(skipped).toContain('no step on a changed operation: ');
    expect(skipped).toContain('author-delete-repeat');
    expect(out).toMatch(/(\d+) passed, 0 failed/);
  });

  it('exits 0 with nothing to run when nothing changed, and 2 on an unknown ref', async () => {
    const head = await cli(['--target', mock.url, '--changed-since', 'release-1', '--area', 'text-assessment'], {
      cwd: repo,
    });
    expect(head.code).toBe(0);
    expect(head.out).toContain('0 operations run; 3 operations skipped, unchanged: deleteAuthorSubmissions');
    expect(head.out).toContain('nothing to run');
    const bad = await cli(['--target', mock.url, '--changed-since', 'no-such-ref'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--changed-since: unknown git ref "no-such-ref"');
  });
});
