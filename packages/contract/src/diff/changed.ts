// `--changed-since <git ref>` of `run` and `flows`: only what the spec changed since the ref. The
// head is the spec this suite checks against; the base is the repository's `openapi/<area>.yaml` at
// the ref. Every change counts (compatible ones too): a server must still answer what is new.
import type { Area } from '@scrub/spec';
import { SPEC_DOCUMENTS } from '../spec.js';
import { diffSpecs } from './diff.js';
import { operationsOf } from './operations.js';
import { commitOf, repositoryRoot, specAt } from './sources.js';

export interface ChangedSince {
  /** The ref as given, and the commit it named. */
  readonly ref: string;
  readonly commit: string;
  /** Operation ids of the selected areas that a change reaches (in spec order). */
  readonly changed: readonly string[];
  /** Operation ids of the selected areas that no change reaches. */
  readonly unchanged: readonly string[];
}

/** What changed in the `areas` since `ref` (a spec missing at the ref: all of it). Throws SpecSourceError. */
export function changedSince(ref: string, areas: readonly Area[], cwd = process.cwd()): ChangedSince {
  const root = repositoryRoot(cwd);
  const commit = commitOf(root, ref);
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const area of areas) {
    const head = SPEC_DOCUMENTS[area];
    const base = specAt(root, commit, `${root}/openapi/${area}.yaml`) ?? { openapi: '3.1.0', paths: {} };
    const reached = new Set(diffSpecs(base, head).changedOperations);
    for (const { operationId } of operationsOf(head).values()) {
      (reached.has(operationId) ? changed : unchanged).push(operationId);
    }
  }
  return { ref, commit, changed, unchanged };
}

const WHY_FLOW_SKIPPED = 'no step on a changed operation';

/** The coverage line: what ran, and what was left out and why. */
export function changedSinceLine(
  since: ChangedSince,
  ran: readonly string[],
  left: readonly string[],
  unit: 'operation' | 'workflow',
): string {
  const at = `since ${since.ref} (${since.commit.slice(0, 12)})`;
  const list = (ids: readonly string[]) => (ids.length ? `: ${ids.join(', ')}` : '');
  const plural = (n: number) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return (
    `changed ${at}: ${plural(ran.length)} run${list(ran)}; ` +
    `${plural(left.length)} skipped, ${unit === 'operation' ? 'unchanged' : WHY_FLOW_SKIPPED}${list(left)}`
  );
}
