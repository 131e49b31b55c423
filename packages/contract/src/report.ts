// A run's report for people (the coverage table) and for CI (JUnit XML).
import type { CaseResult, FuzzResult, Report } from './model.js';
import { type JunitCase, type JunitSuite, junitXml } from './render/junit.js';
import { paddedTable } from './render/markdown.js';

const MARK = { hit: 'hit', missed: 'MISSED', unreachable: 'unreachable', skipped: 'skipped' } as const;

/** The summary under the table: hits, misses, unreachable and skipped responses, passed and failed cases. */
function summary(report: Report): string[] {
  const rows = (state: Report['coverage'][number]['state']) => report.coverage.filter((r) => r.state === state).length;
  const reasons = [...new Set(report.results.filter((r) => r.state === 'skipped').map((r) => r.reason))];
  const skipped = rows('skipped') ? `, ${rows('skipped')} skipped (${reasons.join('; ')})` : '';
  const failed =
    report.results.filter((r) => r.state === 'failed').length + report.fuzz.filter((f) => f.failure).length;
  return [
    `${rows('hit')}/${report.coverage.length} documented responses hit (${report.percent}%), ` +
      `${rows('missed')} missed, ${rows('unreachable')} unreachable on this target${skipped}`,
    `${report.results.filter((r) => r.state === 'passed').length} passed, ${failed} failed`,
  ];
}

/** The coverage table: every documented response and whether the run hit it. */
export function coverageTable(report: Report): string {
  const rows = report.coverage.map((r) => [r.operationId, r.response, MARK[r.state]]);
  return [
    `Contract coverage for ${report.target}${report.mockControls ? ' (mock controls: yes)' : ''}`,
    ...paddedTable(['operation', 'documented response', 'coverage'], rows),
    '',
    ...summary(report),
  ].join('\n');
}

const caseTest = (r: CaseResult): JunitCase => ({
  classname: `${r.area}.${r.operationId}`,
  name: `${r.response}: ${r.title}`,
  ms: r.ms,
  ...(r.state === 'failed' ? { failure: { message: r.problems[0] ?? 'failed', detail: r.problems.join('\n') } } : {}),
  ...(r.state === 'unreachable' || r.state === 'skipped' ? { skipped: r.reason ?? r.state } : {}),
});

const fuzzTest = (f: FuzzResult): JunitCase => ({
  classname: 'negative-properties',
  name: `${f.operationId}: ${f.runs} spec-breaking requests`,
  ...(f.failure ? { failure: { message: f.failure } } : {}),
});

/** The run as JUnit XML: a suite per area (in the order they ran), then the negative properties. */
export function junit(report: Report): string {
  const suites = new Map<string, JunitCase[]>();
  for (const r of report.results) suites.set(r.area, [...(suites.get(r.area) ?? []), caseTest(r)]);
  if (report.fuzz.length) suites.set('negative-properties', report.fuzz.map(fuzzTest));
  const list: JunitSuite[] = [...suites].map(([name, cases]) => ({ name, cases }));
  return junitXml('scrub-contract', list);
}
