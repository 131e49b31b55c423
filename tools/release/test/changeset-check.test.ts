// The command itself, with the real spec diff of @scrub/contract, on a throwaway repository holding
// the repository's own idcheck spec: an operation removed since the release fails the check until a
// changeset says so with the bump it needs.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { changeset, cleanup, commit, git, released, SPEC_PACKAGES, write } from './repo.js';

afterAll(cleanup);

const BIN = fileURLToPath(new URL('../changeset-check.mjs', import.meta.url));
const IDCHECK = readFileSync(fileURLToPath(new URL('../../../openapi/idcheck.yaml', import.meta.url)), 'utf8');

function command(cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, [BIN], { cwd, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('scrub-changeset-check', () => {
  it('an operation removed from the real spec: exit 1 naming it; 0 with a minor changeset, breaking', async () => {
    const root = released();
    write(root, { 'openapi/idcheck.yaml': IDCHECK });
    commit(root, 'the real spec');
    git(root, 'tag', '-f', '-a', '@scrub/spec@0.1.0', '-m', 'release');
    const edited = parseDocument(IDCHECK);
    edited.deleteIn(['paths', '/v3/submission/partial']);
    write(root, { 'openapi/idcheck.yaml': edited.toString() });

    const failing = await command(root);
    expect(failing.code).toBe(1);
    const missed = failing.stdout.split('\n').filter((line) => line.startsWith('✗'));
    const removed = 'openapi/idcheck.yaml: 1 breaking change (first: operation-removed DELETE /v3/submission/partial)';
    expect(missed).toEqual(
      SPEC_PACKAGES.map(
        (name) =>
          `✗ ${removed} -> ${name} needs major (minor while 0.x, said to be breaking); no pending changeset names it`,
      ),
    );
    expect(failing.stdout).toContain('fix: run `pnpm changeset`');

    changeset(
      root,
      'partial',
      Object.fromEntries(SPEC_PACKAGES.map((name) => [name, 'minor'])),
      'Breaking: no more partial deletion.',
    );
    const passing = await command(root);
    expect(passing.stdout).toContain('changesets: 4 requirements met');
    expect(passing.code).toBe(0);
  });
});
