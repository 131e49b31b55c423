// `scrub-changeset-check`: the options, one line per requirement, the fix, the exit code.
import { parseArgs } from 'node:util';
import { CannotCheck, check, REPORTS, SPEC_PACKAGES, SPECS } from './check.mjs';
import { workTreeRoot } from './git.mjs';

export const USAGE = `Usage: scrub-changeset-check [--since <ref>] [--root <dir>]

A change to ${SPECS} or ${REPORTS} since the last release needs pending changesets
(.changeset/*.md) whose bump matches, for each package it reaches:
  a spec:        ${SPEC_PACKAGES.slice(0, -1).join(', ')} and ${SPEC_PACKAGES.at(-1)}
  an API report: its package
  breaking (scrub-contract diff says so; a report lost or changed a line): major, or minor while
    the package is 0.x with a summary that says "breaking" (users read it in the changelog)
  compatible (or a report that only gained lines): patch or more
Changes are read from git: the last release tag (@scrub/<pkg>@<version>) reachable from HEAD
against the working tree, uncommitted and untracked files included. With no release tag yet (the
first release), every public package needs a pending changeset and nothing else is compared.

  --since <ref>  compare against <ref> instead of the last release tag
  --root <dir>   the work tree (default: the one holding the current directory)
  -h, --help     this text

Exit: 0 every requirement met, 1 one missed, 2 bad usage or the check cannot run (not a git work
tree, a shallow clone, an unknown ref, an unreadable changeset or spec).`;

const FIX =
  'fix: run `pnpm changeset`, select each package marked ✗ and give it the bump it needs; for a breaking ' +
  'change while 0.x, pick minor and say "breaking" in the summary. Or edit the pending .changeset/*.md.';

/**
 * @param {readonly string[]} argv
 * @param {{ cwd: string, diffSpecs: import('./check.mjs').DiffSpecs, out: (line: string) => void,
 *   err: (line: string) => void }} io
 * @returns {Promise<0 | 1 | 2>}
 */
export async function main(argv, { cwd, diffSpecs, out, err }) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg, i) => !(i === 0 && arg === '--')),
      options: { since: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    err(`changesets: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const root = workTreeRoot(values.root ?? cwd);
  if (root === undefined) {
    err(`changesets: ${values.root ?? cwd} is not in a git work tree`);
    return 2;
  }
  try {
    const { intro, results } = await check({ root, since: values.since, diffSpecs });
    out(`changesets: ${intro}`);
    for (const { ok, line } of results) out(`${ok ? '✓' : '✗'} ${line}`);
    const missed = results.filter((result) => !result.ok).length;
    if (missed === 0) {
      out(`changesets: ${results.length} requirement${results.length === 1 ? '' : 's'} met`);
      return 0;
    }
    out(`changesets: ${missed} of ${results.length} requirements missed; ${FIX}`);
    return 1;
  } catch (error) {
    if (!(error instanceof CannotCheck)) throw error;
    err(`changesets: cannot check: ${error.message}`);
    return 2;
  }
}
