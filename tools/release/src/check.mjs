// The changeset check: every change since the last release to a spec (`openapi/*.yaml`) or an API
// report (`packages/<pkg>/api/*.api.md`) needs pending changesets whose bump matches (src/rules.mjs).
// The first release (no release tag yet) needs a changeset for every public package, nothing more.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedFiles, isCommit, isShallow, lastReleaseTag, showAt } from './git.mjs';
import { given, pendingChangesets } from './pending.mjs';
import { givenWords, meets, needed, reportCause, specCause } from './rules.mjs';
import { publicPackages } from './workspace.mjs';

/** @typedef {import('./rules.mjs').Diff} Diff */
/** @typedef {import('./rules.mjs').Need} Need */
/** The spec diff (`diffSpecs` of @scrub/contract in the CLI), given the two texts of one spec. */
/** @typedef {(base: string, head: string, file: string) => Diff | Promise<Diff>} DiffSpecs */
/** @typedef {{ subject: string, what?: string, name: string, need: Need }} Requirement */
/** @typedef {{ ok: boolean, line: string }} Result */
/** @typedef {{ intro: string, results: Result[] }} Outcome */

export const SPECS = 'openapi/*.yaml';
export const REPORTS = 'packages/*/api/*.api.md';
/** The packages that carry a spec's types or behaviour: a spec change reaches each of them. */
export const SPEC_PACKAGES = ['@scrub/spec', '@scrub/sdk', '@scrub/mocks', '@scrub/contract'];

/** The check cannot run (exit 2): a shallow clone, an unknown ref, an unreadable changeset. */
export class CannotCheck extends Error {}

/** An OpenAPI document has a top-level `openapi:` (openapi/redocly.yaml is a linter's config). */
const isSpec = (/** @type {string} */ text) => /^openapi\s*:/m.test(text);

/** @param {string} root @param {string} path */
const working = (root, path) => readFileSync(join(root, path), 'utf8');

/** @param {DiffSpecs} diffSpecs @param {string} base @param {string} head @param {string} path */
async function diffOf(diffSpecs, base, head, path) {
  try {
    return await diffSpecs(base, head, path);
  } catch (error) {
    throw new CannotCheck(
      `${path}: cannot diff: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`,
    );
  }
}

/**
 * What one changed file needs, and from which packages.
 * @param {{ root: string, ref: string, diffSpecs: DiffSpecs }} at
 * @param {import('./git.mjs').ChangedFile} file
 * @returns {Promise<Requirement[]>}
 */
async function requirementsOf({ root, ref, diffSpecs }, { path, status }) {
  const base = status === 'added' ? '' : showAt(root, ref, path);
  const head = status === 'removed' ? '' : working(root, path);
  if (path.startsWith('openapi/')) {
    if (!isSpec(base) && !isSpec(head)) return [];
    /** @type {import('./rules.mjs').Cause} */
    let cause;
    if (status === 'added') cause = { need: 'compatible', what: 'a new spec' };
    else if (status === 'removed') cause = { need: 'breaking', what: 'removed' };
    else cause = specCause(await diffOf(diffSpecs, base, head, path));
    return SPEC_PACKAGES.map((name) => ({ subject: path, ...cause, name }));
  }
  const dir = path.split('/')[1] ?? '';
  const manifest = publicPackages(root).find((pkg) => pkg.dir === `packages/${dir}`);
  return [{ subject: path, ...reportCause(base, head), name: manifest?.name ?? `@scrub/${dir}` }];
}

/**
 * @param {{ root: string, since?: string | undefined, diffSpecs: DiffSpecs }} options
 * @returns {Promise<Outcome>}
 */
export async function check({ root, since, diffSpecs }) {
  if (since === undefined && isShallow(root)) {
    throw new CannotCheck(
      'this is a shallow clone: without its history the last release tag cannot be found. ' +
        'Fetch it (`git fetch --unshallow --tags`; actions/checkout: `fetch-depth: 0`) or pass --since <ref>.',
    );
  }
  if (since !== undefined && !isCommit(root, since)) throw new CannotCheck(`--since ${since}: no such commit`);
  const ref = since ?? lastReleaseTag(root);
  let changesets;
  try {
    changesets = pendingChangesets(root);
  } catch (error) {
    throw new CannotCheck(error instanceof Error ? error.message : String(error));
  }
  const packages = publicPackages(root);
  /** @type {Requirement[]} */
  let requirements;
  let intro;
  if (ref === undefined) {
    intro =
      'no release tag (@scrub/<pkg>@<version>) reachable from HEAD: first release, so every public package ' +
      'needs a pending changeset; specs and API reports are not compared';
    requirements = packages.map(({ name }) => ({ subject: 'first release', name, need: 'release' }));
  } else {
    const files = changedFiles(root, ref, [SPECS, REPORTS]);
    const origin = since === undefined ? 'the last release' : '--since';
    const n = `${files.length} changed file${files.length === 1 ? '' : 's'}`;
    intro = `since ${ref} (${origin}): ${n} in ${SPECS}, ${REPORTS}`;
    requirements = [];
    for (const file of files) requirements.push(...(await requirementsOf({ root, ref, diffSpecs }, file)));
  }
  const results = requirements.map(({ subject, what, name, need }) => {
    const version = packages.find((pkg) => pkg.name === name)?.version ?? 'unknown';
    const found = given(changesets, name);
    const cause = `${subject}${what ? `: ${what}` : ''}`;
    const line = `${cause} -> ${name} needs ${needed(need, version)}; ${givenWords(found, need)}`;
    return { ok: meets(need, found, version), line };
  });
  return { intro, results };
}
