// The check end to end on throwaway repositories: the exit code and the line of each requirement,
// with a fake spec diff that reads its changes from markers in the spec.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, USAGE } from '../src/cli.mjs';
import {
  BREAKING_EDIT,
  COMPATIBLE_EDIT,
  changeset,
  cleanup,
  commit,
  FIRST_RELEASE,
  fakeDiff,
  git,
  REPORT,
  released,
  SPEC_PACKAGES,
  scratch,
  write,
} from './repo.js';

afterAll(cleanup);

async function run(root: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd: root, diffSpecs: fakeDiff, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const SPEC_LINE = 'openapi/idcheck.yaml: 1 breaking change (first: operation-removed DELETE /v3/submission/partial)';
const ZERO_X = 'needs major (minor while 0.x, said to be breaking)';
const all = (bump: string) => Object.fromEntries(SPEC_PACKAGES.map((name) => [name, bump]));

describe('a spec change since the last release', () => {
  it('without a changeset fails, naming each of the four packages and the fix', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': BREAKING_EDIT });
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out).toEqual([
      'changesets: since @scrub/spec@0.1.0 (the last release): 1 changed file in openapi/*.yaml, ' +
        'packages/*/api/*.api.md',
      ...SPEC_PACKAGES.map((name) => `✗ ${SPEC_LINE} -> ${name} ${ZERO_X}; no pending changeset names it`),
      'changesets: 4 of 4 requirements missed; fix: run `pnpm changeset`, select each package marked ✗ and give it ' +
        'the bump it needs; for a breaking change while 0.x, pick minor and say "breaking" in the summary. Or edit ' +
        'the pending .changeset/*.md.',
    ]);
  });

  it('breaking, with a patch changeset: fails', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': BREAKING_EDIT });
    changeset(root, 'fix', all('patch'), 'Removes the partial deletion.');
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out).toContain(`✗ ${SPEC_LINE} -> @scrub/sdk ${ZERO_X}; pending changesets give patch`);
  });

  it('breaking while 0.x, with a minor changeset that says "Breaking": passes', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': BREAKING_EDIT });
    changeset(root, 'remove', all('minor'), 'Breaking: removes the partial deletion.');
    const { code, out } = await run(root);
    expect(code).toBe(0);
    expect(out).toContain(
      `✓ ${SPEC_LINE} -> @scrub/mocks ${ZERO_X}; pending changesets give minor, said to be breaking`,
    );
    expect(out.at(-1)).toBe('changesets: 4 requirements met');
  });

  it('breaking while 0.x, with a minor changeset that does not say so (or says "non-breaking"): fails', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': BREAKING_EDIT });
    changeset(root, 'remove', all('minor'), 'Removes the partial deletion, a non-breaking cleanup.');
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out).toContain(
      `✗ ${SPEC_LINE} -> @scrub/spec ${ZERO_X}; pending changesets give minor, not said to be breaking`,
    );
  });

  it('breaking at 1.x: major passes, minor that says "breaking" fails', async () => {
    const root = released({ version: '1.2.0' });
    write(root, { 'openapi/idcheck.yaml': BREAKING_EDIT });
    changeset(root, 'remove', all('minor'), 'BREAKING: removes the partial deletion.');
    const minor = await run(root);
    expect(minor.code).toBe(1);
    expect(minor.out).toContain(
      `✗ ${SPEC_LINE} -> @scrub/sdk needs major; pending changesets give minor, said to be breaking`,
    );
    changeset(root, 'remove', all('major'), 'Removes the partial deletion.');
    const major = await run(root);
    expect(major.code).toBe(0);
    expect(major.out).toContain(`✓ ${SPEC_LINE} -> @scrub/sdk needs major; pending changesets give major`);
  });

  it('compatible: a patch changeset passes; none fails', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': COMPATIBLE_EDIT });
    const line =
      'openapi/idcheck.yaml: 1 compatible change (first: operation-added POST /v3/submission) -> @scrub/contract';
    const none = await run(root);
    expect(none.code).toBe(1);
    expect(none.out).toContain(`✗ ${line} needs patch or more; no pending changeset names it`);
    changeset(root, 'add', all('patch'), 'Adds the submission.');
    const patch = await run(root);
    expect(patch.code).toBe(0);
    expect(patch.out).toContain(`✓ ${line} needs patch or more; pending changesets give patch`);
  });

  it('a changeset for three of the four packages fails on the fourth only', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': COMPATIBLE_EDIT });
    changeset(root, 'add', { '@scrub/spec': 'patch', '@scrub/sdk': 'minor', '@scrub/contract': 'patch' }, 'Adds.');
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out.filter((line) => line.startsWith('✗'))).toEqual([
      '✗ openapi/idcheck.yaml: 1 compatible change (first: operation-added POST /v3/submission) -> @scrub/mocks ' +
        'needs patch or more; no pending changeset names it',
    ]);
  });

  it('counts a committed change as well as an uncommitted one', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': BREAKING_EDIT });
    commit(root);
    expect((await run(root)).code).toBe(1);
  });
});

describe('an API report change since the last release', () => {
  const report = 'packages/sdk/api/index.api.md';

  it('one that only gained lines passes with a patch changeset', async () => {
    const root = released();
    write(root, { [report]: REPORT.replace('```\n', 'export function c(): void;\n```\n') });
    changeset(root, 'c', { '@scrub/sdk': 'patch' }, 'Adds c.');
    const { code, out } = await run(root);
    expect(code).toBe(0);
    expect(out).toContain(
      `✓ ${report}: 1 line added, none lost -> @scrub/sdk needs patch or more; pending changesets give patch`,
    );
  });

  it('one that lost a line fails with a patch changeset', async () => {
    const root = released();
    write(root, { [report]: REPORT.replace('export function b(): void;\n', '') });
    changeset(root, 'b', { '@scrub/sdk': 'patch' }, 'Drops b.');
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out).toContain(
      `✗ ${report}: 1 line lost or changed (first: "export function b(): void;") -> @scrub/sdk ${ZERO_X}; ` +
        'pending changesets give patch',
    );
  });

  it("a new package's report (untracked) needs that package's changeset", async () => {
    const root = released();
    write(root, { 'packages/mocks/api/index.api.md': REPORT });
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out).toContain(
      '✗ packages/mocks/api/index.api.md: 5 lines added, none lost -> @scrub/mocks needs patch or more; ' +
        'no pending changeset names it',
    );
  });
});

describe('the first release (no release tag)', () => {
  it('passes when a pending changeset names every public package, and says it compared nothing', async () => {
    const root = released({ version: '0.0.0', tag: false });
    write(root, { 'openapi/idcheck.yaml': BREAKING_EDIT });
    changeset(root, 'first-release', FIRST_RELEASE, 'First release.');
    const { code, out } = await run(root);
    expect(code).toBe(0);
    expect(out[0]).toBe(
      'changesets: no release tag (@scrub/<pkg>@<version>) reachable from HEAD: first release, so every public ' +
        'package needs a pending changeset; specs and API reports are not compared',
    );
    expect(out).toContain(
      '✓ first release -> @scrub/mock-server needs a changeset (patch, minor or major); ' +
        'pending changesets give minor',
    );
    expect(out).toHaveLength(7);
  });

  it('fails naming the public package no changeset names', async () => {
    const root = released({ version: '0.0.0', tag: false });
    const { '@scrub/mock-server': _, ...four } = FIRST_RELEASE;
    changeset(root, 'first-release', four, 'First release.');
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out.filter((line) => line.startsWith('✗'))).toEqual([
      '✗ first release -> @scrub/mock-server needs a changeset (patch, minor or major); ' +
        'no pending changeset names it',
    ]);
  });

  it('a release tag on another branch is not the last release of this one', async () => {
    const root = released({ tag: false });
    git(root, 'checkout', '-q', '-b', 'other');
    commit(root, 'elsewhere');
    git(root, 'tag', '@scrub/sdk@0.2.0');
    git(root, 'checkout', '-q', 'main');
    changeset(root, 'first-release', FIRST_RELEASE, 'First release.');
    expect((await run(root)).out[0]).toMatch(/^changesets: no release tag/);
  });
});

describe('usage', () => {
  it('--since <ref> compares against that ref', async () => {
    const root = released({ tag: false });
    write(root, { 'openapi/idcheck.yaml': COMPATIBLE_EDIT });
    const { code, out } = await run(root, '--since', 'HEAD');
    expect(code).toBe(1);
    expect(out[0]).toBe('changesets: since HEAD (--since): 1 changed file in openapi/*.yaml, packages/*/api/*.api.md');
  });

  it('an unknown ref, an unknown option or a directory outside git: exit 2', async () => {
    const root = released();
    expect(await run(root, '--since', 'nope')).toMatchObject({
      code: 2,
      err: ['changesets: cannot check: --since nope: no such commit'],
    });
    const option = await run(root, '--sine', 'HEAD');
    expect(option.code).toBe(2);
    expect(option.err[0]).toMatch(/^changesets: Unknown option '--sine'/);
    const outside = scratch('scrub-not-git-');
    expect(await run(outside)).toMatchObject({ code: 2, err: [`changesets: ${outside} is not in a git work tree`] });
  });

  it('--help prints the usage and exits 0', async () => {
    expect(await run(released(), '--help')).toEqual({ code: 0, out: [USAGE], err: [] });
  });

  it('a shallow clone: exit 2, saying why, rather than passing', async () => {
    const origin = released();
    const clone = join(scratch('scrub-shallow-'), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    const { code, err } = await run(clone);
    expect(code).toBe(2);
    expect(err).toEqual([
      'changesets: cannot check: this is a shallow clone: without its history the last release tag cannot be found. ' +
        'Fetch it (`git fetch --unshallow --tags`; actions/checkout: `fetch-depth: 0`) or pass --since <ref>.',
    ]);
  });

  it('a changeset it cannot read: exit 2, naming the file', async () => {
    const root = released();
    write(root, { '.changeset/bad.md': '---\n"@scrub/sdk": huge\n---\n\nWhat.\n' });
    const { code, err } = await run(root);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^changesets: cannot check: cannot read \.changeset\/bad\.md: could not parse changeset/);
  });
});
