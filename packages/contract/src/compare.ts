// `scrub-contract compare`: the same cases against two servers (say the mock and staging), case by
// case: status, documented message and the shape of the body. Values that differ by nature (ids,
// timestamps, names, counts) are compared by type, never by value.
import type { CaseResult, Report } from './model.js';
import { type JunitCase, junitXml } from './render/junit.js';
import { row } from './render/markdown.js';
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

/** Why a case was not compared: it did not run on one side (or did not get an answer there). */
function notCompared(ra: CaseResult, rb: CaseResult | undefined): string {
  if (!rb) return 'not run on B';
  return !ra.observed ? `A: ${ra.reason ?? ra.state}` : `B: ${rb.reason ?? rb.state}`;
}

/** What differs between two observed answers of one case, and whether it passed on one side only. */
function differencesOf(ra: CaseResult, rb: CaseResult): string[] {
  const a = ra.observed!;
  const b = rb.observed!;
  const differences: string[] = [];
  if (a.status !== b.status) differences.push(`status: ${a.status} vs ${b.status}`);
  if (a.message !== b.message)
    differences.push(`message: ${JSON.stringify(a.message ?? null)} vs ${JSON.stringify(b.message ?? null)}`);
  // the message is compared as text above; the shape below is of everything
  differences.push(...shapeDifferences(JSON.parse(a.shape) as Shape, JSON.parse(b.shape) as Shape));
  if ((ra.state === 'passed') !== (rb.state === 'passed'))
    differences.push(
      ra.state === 'passed'
        ? `fails the contract on B only: ${rb.problems[0] ?? ''}`
        : `fails the contract on A only: ${ra.problems[0] ?? ''}`,
    );
  return differences;
}

/** Case by case, what differs between two runs of the suite. */
export function compareReports(a: Report, b: Report): Comparison {
  const byKey = new Map(b.results.map((r) => [`${r.operationId}\n${r.title}`, r]));
  const cases: ComparedCase[] = a.results.map((ra) => {
    const rb = byKey.get(`${ra.operationId}\n${ra.title}`);
    const base = { area: ra.area, operationId: ra.operationId, response: ra.response, title: ra.title };
    if (!rb || !ra.observed || !rb.observed)
      return {
        ...base,
        state: 'not compared',
        differences: [],
        reason: notCompared(ra, rb),
        ...(ra.observed ? { a: ra.observed } : {}),
        ...(rb?.observed ? { b: rb.observed } : {}),
      };
    const differences = differencesOf(ra, rb);
    return { ...base, state: differences.length ? 'different' : 'same', differences, a: ra.observed, b: rb.observed };
  });
  return { a: a.target, b: b.target, cases, ok: cases.every((c) => c.state !== 'different') };
}

/** The comparison as a Markdown table of the cases that differ, then a summary line. */
export function comparisonMarkdown(c: Comparison): string {
  const different = c.cases.filter((x) => x.state === 'different');
  const lines = ['## Contract comparison', '', `A: ${c.a}  `, `B: ${c.b}`, ''];
  if (different.length) {
    lines.push('| operation | documented response | case | differences |', '|---|---|---|---|');
    for (const x of different) lines.push(row([x.operationId, x.response, x.title, x.differences.join('; ')]));
    lines.push('');
  }
  const count = (state: ComparedCase['state']) => c.cases.filter((x) => x.state === state).length;
  lines.push(
    `${count('same')} cases the same, ${count('different')} different, ` +
      `${count('not compared')} not compared (not run on both)`,
  );
  return lines.join('\n');
}

const comparedTest = (x: ComparedCase): JunitCase => ({
  classname: `compare.${x.area}.${x.operationId}`,
  name: `${x.response}: ${x.title}`,
  ...(x.state === 'different' ? { failure: { message: x.differences[0]!, detail: x.differences.join('\n') } } : {}),
  ...(x.state === 'not compared' ? { skipped: x.reason ?? '' } : {}),
});

/** The comparison as JUnit XML: one test case per contract case, a failure per difference. */
export function comparisonJunit(c: Comparison): string {
  return junitXml('scrub-contract compare', [{ name: `${c.a} vs ${c.b}`, cases: c.cases.map(comparedTest) }]);
}
