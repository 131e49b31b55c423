// The coverage table for people, and JSON / JUnit XML for machines.
import type { Report } from './run.js';

const MARK = { hit: 'hit', missed: 'MISSED', unreachable: 'unreachable', skipped: 'skipped' } as const;

export function coverageTable(report: Report): string {
  const rows = report.coverage.map((r) => [r.operationId, r.response, MARK[r.state]]);
  const header = ['operation', 'documented response', 'coverage'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const hit = report.coverage.filter((r) => r.state === 'hit').length;
  const failed = report.results.filter((r) => r.state === 'failed').length;
  const fuzzFailed = report.fuzz.filter((f) => f.failure).length;
  return [
    `Contract coverage for ${report.target}${report.mockControls ? ' (mock controls: yes)' : ''}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${hit}/${report.coverage.length} documented responses hit (${report.percent}%), ` +
      `${report.coverage.filter((r) => r.state === 'missed').length} missed, ${report.coverage.filter((r) => r.state === 'unreachable').length} unreachable on this target` +
      (report.coverage.some((r) => r.state === 'skipped')
        ? `, ${report.coverage.filter((r) => r.state === 'skipped').length} skipped (${[...new Set(report.results.filter((r) => r.state === 'skipped').map((r) => r.reason))].join('; ')})`
        : ''),
    `${report.results.filter((r) => r.state === 'passed').length} passed, ${failed + fuzzFailed} failed`,
  ].join('\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junit(report: Report): string {
  const suites = new Map<string, string[]>();
  for (const r of report.results) {
    const body =
      r.state === 'failed'
        ? `<failure message="${xml(r.problems[0] ?? 'failed')}">${xml(r.problems.join('\n'))}</failure>`
        : r.state === 'passed'
          ? ''
          : `<skipped message="${xml(r.reason ?? r.state)}"/>`;
    const list = suites.get(r.area) ?? [];
    list.push(
      `    <testcase classname="${xml(`${r.area}.${r.operationId}`)}" name="${xml(`${r.response}: ${r.title}`)}" time="${(r.ms / 1000).toFixed(3)}">${body}</testcase>`,
    );
    suites.set(r.area, list);
  }
  if (report.fuzz.length)
    suites.set(
      'negative-properties',
      report.fuzz.map(
        (f) =>
          `    <testcase classname="negative-properties" name="${xml(`${f.operationId}: ${f.runs} spec-breaking requests`)}">${f.failure ? `<failure message="${xml(f.failure)}"/>` : ''}</testcase>`,
      ),
    );
  const parts = [...suites].map(([name, tests]) => {
    const failures = tests.filter((t) => t.includes('<failure')).length;
    const skipped = tests.filter((t) => t.includes('<skipped')).length;
    return `  <testsuite name="${xml(name)}" tests="${tests.length}" failures="${failures}" skipped="${skipped}">\n${tests.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="scrub-contract">\n${parts.join('\n')}\n</testsuites>\n`;
}
