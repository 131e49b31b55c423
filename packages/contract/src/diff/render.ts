// A spec diff for people (text for a terminal, Markdown for a pull request) and for machines (JSON).
import type { SpecChange, SpecDiff, Verdict } from './model.js';

/** One compared spec: the diff and where its two versions came from. */
export interface ComparedSpec {
  /** The head file as given (or as found under openapi/). */
  readonly file: string;
  /** `a.yaml`, or `openapi/idcheck.yaml at main`. */
  readonly base: string;
  readonly diff: SpecDiff;
}

export const overallVerdict = (specs: readonly ComparedSpec[]): Verdict =>
  specs.some((spec) => spec.diff.verdict === 'breaking') ? 'breaking' : 'compatible';

const count = (changes: readonly SpecChange[], verdict: Verdict) => changes.filter((c) => c.verdict === verdict).length;

function summary(spec: ComparedSpec): string {
  const { changes, verdict } = spec.diff;
  if (!changes.length) return 'no change a client can see';
  const counts = `${count(changes, 'breaking')} breaking, ${count(changes, 'compatible')} compatible`;
  return `${changes.length} change${changes.length === 1 ? '' : 's'}: ${counts} -> ${verdict}`;
}

/** Breaking first, then by operation, in the order found. */
const ordered = (changes: readonly SpecChange[]): SpecChange[] =>
  [...changes].sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === 'breaking' ? -1 : 1));

export function diffText(specs: readonly ComparedSpec[]): string {
  const lines: string[] = [];
  for (const spec of specs) {
    lines.push(`${spec.file} (${spec.diff.title}) against ${spec.base}: ${summary(spec)}`);
    const changes = ordered(spec.diff.changes);
    const width = (pick: (c: SpecChange) => string) => Math.max(0, ...changes.map((c) => pick(c).length));
    const [kinds, operations] = [width((c) => c.kind), width((c) => c.operation ?? '')];
    for (const c of changes) {
      const columns = [c.verdict.padEnd(10), c.kind.padEnd(kinds), (c.operation ?? '').padEnd(operations)];
      lines.push(`  ${columns.join(' ')}  ${c.where}: ${c.message}`);
    }
  }
  lines.push(`verdict: ${overallVerdict(specs)}`);
  return lines.join('\n');
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function diffMarkdown(specs: readonly ComparedSpec[]): string {
  const lines = [`## Spec changes: ${overallVerdict(specs)}`];
  for (const spec of specs) {
    lines.push(
      '',
      `### ${cell(spec.file)} (${cell(spec.diff.title)})`,
      '',
      `Against ${cell(spec.base)}: ${summary(spec)}.`,
    );
    if (!spec.diff.changes.length) continue;
    lines.push('', '| Verdict | Kind | Operation | Where | Change |', '|---|---|---|---|---|');
    for (const c of ordered(spec.diff.changes)) {
      const operation = c.operation ? `\`${cell(c.operation)}\` (${cell(c.operationId ?? '')})` : '';
      lines.push(`| ${c.verdict} | ${c.kind} | ${operation} | ${cell(c.where)} | ${cell(c.message)} |`);
    }
  }
  return lines.join('\n');
}

export const diffJson = (specs: readonly ComparedSpec[]) => ({
  verdict: overallVerdict(specs),
  specs: specs.map(({ file, base, diff }) => ({ file, base, ...diff })),
});
