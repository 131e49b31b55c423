// `scrub-contract compare`: the same cases against two servers (say the mock and staging), case by
// case: status, documented message and the shape of the body. Values that differ by nature (ids,
// timestamps, names, counts) are compared by type, never by value.
import type { CaseResult, Report } from './run.js';
import { type Shape, shapeDifferences } from './shape.js';
import type { Area } from './spec.js';

export interface ComparedCase {
  area: Area;
  operationId: string;
  response: string;
  title: string;
  /** same: status, message and body shape agree; different: see `differences`; not compared: it did not run on both. */
  state: 'same' | 'different' | 'not compared';
  differences: string[];
  reason?: string;
  a?: CaseResult['observed'];
  b?: CaseResult['observed'];
}

export interface Comparison {
  a: string;
  b: string;
  cases: ComparedCase[];
  /** No case differs. */
  ok: boolean;
}

/** Case by case, what differs between two runs of the suite. */
export function compareReports(a: Report, b: Report): Comparison {
  const byKey = new Map(b.results.map((r) => [`${r.operationId}\n${r.title}`, r]));
  const cases: ComparedCase[] = a.results.map((ra) => {
    const rb = byKey.get(`${ra.operationId}\n${ra.title}`);
    const base = { area: ra.area, operationId: ra.operationId, response: ra.response, title: ra.title };
    if (!rb || !ra.observed || !rb.observed) {
      const why = !rb ? 'not run on B' : !ra.observed ? `A: ${ra.reason ?? ra.state}` : `B: ${rb.reason ?? rb.state}`;
      return {
        ...base,
        state: 'not compared',
        differences: [],
        reason: why,
        ...(ra.observed ? { a: ra.observed } : {}),
        ...(rb?.observed ? { b: rb.observed } : {}),
      };
    }
    const differences: string[] = [];
    if (ra.observed.status !== rb.observed.status)
      differences.push(`status: ${ra.observed.status} vs ${rb.observed.status}`);
    if (ra.observed.message !== rb.observed.message)
      differences.push(
        `message: ${JSON.stringify(ra.observed.message ?? null)} vs ${JSON.stringify(rb.observed.message ?? null)}`,
      );
    // the message is compared as text above; the shape below is of everything
    differences.push(
      ...shapeDifferences(JSON.parse(ra.observed.shape) as Shape, JSON.parse(rb.observed.shape) as Shape),
    );
    if ((ra.state === 'passed') !== (rb.state === 'passed'))
      differences.push(
        ra.state === 'passed'
          ? `fails the contract on B only: ${rb.problems[0] ?? ''}`
          : `fails the contract on A only: ${ra.problems[0] ?? ''}`,
      );
    return { ...base, state: differences.length ? 'different' : 'same', differences, a: ra.observed, b: rb.observed };
  });
  return { a: a.target, b: b.target, cases, ok: cases.every((c) => c.state !== 'different') };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The comparison as a Markdown table of the cases that differ, then a summary line. */
export function comparisonMarkdown(c: Comparison): string {
  const different = c.cases.filter((x) => x.state === 'different');
  const lines = [`## Contract comparison`, '', `A: ${c.a}  `, `B: ${c.b}`, ''];
  if (different.length) {
    lines.push('| operation | documented response | case | differences |', '|---|---|---|---|');
    for (const x of different)
      lines.push(`| ${x.operationId} | ${cell(x.response)} | ${cell(x.title)} | ${cell(x.differences.join('; '))} |`);
    lines.push('');
  }
  const count = (state: ComparedCase['state']) => c.cases.filter((x) => x.state === state).length;
  lines.push(
    `${count('same')} cases the same, ${count('different')} different, ${count('not compared')} not compared (not run on both)`,
  );
  return lines.join('\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The comparison as JUnit XML: one test case per contract case, a failure per difference. */
export function comparisonJunit(c: Comparison): string {
  const tests = c.cases.map((x) => {
    const body =
      x.state === 'different'
        ? `<failure message="${xml(x.differences[0]!)}">${xml(x.differences.join('\n'))}</failure>`
        : x.state === 'not compared'
          ? `<skipped message="${xml(x.reason ?? '')}"/>`
          : '';
    return `    <testcase classname="${xml(`compare.${x.area}.${x.operationId}`)}" name="${xml(`${x.response}: ${x.title}`)}">${body}</testcase>`;
  });
  const failures = c.cases.filter((x) => x.state === 'different').length;
  const skipped = c.cases.filter((x) => x.state === 'not compared').length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="scrub-contract compare">\n  <testsuite name="${xml(`${c.a} vs ${c.b}`)}" tests="${tests.length}" failures="${failures}" skipped="${skipped}">\n${tests.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
