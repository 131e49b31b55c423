// The coverage table: every documented response of the selected operations, and whether the
// cases that trigger it passed.
import type { CaseResult, CoverageRow } from './model.js';
import type { Operation } from './spec.js';

/** The documented responses of an operation, as coverage keys: `200`, `400 <message>`. */
export const responseKeys = (op: Operation): string[] => [
  ...[...op.responses.keys()].filter((s) => s < 400).map(String),
  ...op.errors.map((e) => `${e.status} ${e.message}`),
];

/** The state of one documented response from the results of its cases. */
export function rowState(mine: readonly CaseResult[]): CoverageRow['state'] {
  const ran = mine.filter((r) => r.state === 'passed' || r.state === 'failed');
  if (ran.length) return ran.every((r) => r.state === 'passed') ? 'hit' : 'missed';
  if (mine.some((r) => r.state === 'skipped')) return 'skipped';
  return mine.length ? 'unreachable' : 'missed';
}

/** A row per documented response of `ops`. */
export function coverageOf(ops: readonly Operation[], results: readonly CaseResult[]): CoverageRow[] {
  return ops.flatMap((op) =>
    responseKeys(op).map((response) => ({
      area: op.area,
      operationId: op.operationId,
      response,
      state: rowState(results.filter((r) => r.operationId === op.operationId && r.response === response)),
    })),
  );
}

/** Hit rows / all rows, in percent, rounded down to a tenth. */
export function percentHit(rows: readonly CoverageRow[]): number {
  const hit = rows.filter((r) => r.state === 'hit').length;
  return rows.length ? Math.floor((hit / rows.length) * 1000) / 10 : 0;
}
