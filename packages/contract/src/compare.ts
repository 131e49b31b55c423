// `scrub-contract compare`: the same cases against two servers (say the mock and staging), case by
// case: status, documented message and the shape of the body. Values that differ by nature (ids,
// timestamps, names, counts) are compared by type, never by value.
import type { CaseResult, Report } from './run.js';
import type { Area } from './spec.js';

/** The type structure of a JSON value: `string`, `number`, ..., `{ key: shape }`, `[element shape]`. */
export type Shape = 'string' | 'number' | 'boolean' | 'null' | 'none' | { readonly [key: string]: Shape } | readonly [Shape] | readonly [];

function shapeTree(value: unknown): Shape {
  if (value === undefined) return 'none';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (!value.length) return [];
    // one shape for the elements: the union of their keys (lists hold records of one kind)
    return [value.map(shapeTree).reduce(merge)];
  }
  if (typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeTree((value as Record<string, unknown>)[k])]));
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  return typeof value === 'boolean' ? 'boolean' : 'null';
}

function merge(a: Shape, b: Shape): Shape {
  if (isRecord(a) && isRecord(b)) {
    const out: Record<string, Shape> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k]!, v) : v;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length && b.length ? [merge(a[0]!, b[0]!)] : a.length ? a : b;
  return a;
}

const isRecord = (s: Shape): s is { readonly [key: string]: Shape } => typeof s === 'object' && !Array.isArray(s);

/** The shape of a body as a compact JSON text (what reports store; no values, so nothing personal). */
export const shapeOf = (value: unknown): string => JSON.stringify(shapeTree(value));

const describe = (s: Shape): string => (typeof s === 'string' ? s : Array.isArray(s) ? 'array' : 'object');

/**
 * Where two shapes differ, as `path: A vs B` lines. Types must agree everywhere; a key present on
 * one side only counts at the top of the body (the envelope: `message`, `code`, `items`, ...), not
 * inside records, whose optional fields come and go with the data (unless `everyKey`: a replay of
 * the same requests on the same data). An empty array matches any array.
 */
export function shapeDifferences(a: Shape, b: Shape, path = 'body', everyKey = false): string[] {
  if (typeof a === 'string' || typeof b === 'string') return a === b ? [] : [`${path}: ${describe(a)} vs ${describe(b)}`];
  if (Array.isArray(a) !== Array.isArray(b)) return [`${path}: ${describe(a)} vs ${describe(b)}`];
  if (Array.isArray(a) && Array.isArray(b)) return a.length && b.length ? shapeDifferences(a[0]!, b[0]!, `${path}[]`, everyKey) : [];
  const ra = a as Record<string, Shape>;
  const rb = b as Record<string, Shape>;
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
    if (!(key in rb)) {
      if (everyKey || path === 'body') out.push(`${path}.${key}: only in A`);
    } else if (!(key in ra)) {
      if (everyKey || path === 'body') out.push(`${path}.${key}: only in B`);
    } else out.push(...shapeDifferences(ra[key]!, rb[key]!, `${path}.${key}`, everyKey));
  }
  return out;
}

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
      return { ...base, state: 'not compared', differences: [], reason: why, ...(ra.observed ? { a: ra.observed } : {}), ...(rb?.observed ? { b: rb.observed } : {}) };
    }
    const differences: string[] = [];
    if (ra.observed.status !== rb.observed.status) differences.push(`status: ${ra.observed.status} vs ${rb.observed.status}`);
    if (ra.observed.message !== rb.observed.message) differences.push(`message: ${JSON.stringify(ra.observed.message ?? null)} vs ${JSON.stringify(rb.observed.message ?? null)}`);
    // the message is compared as text above; the shape below is of everything
    differences.push(...shapeDifferences(JSON.parse(ra.observed.shape) as Shape, JSON.parse(rb.observed.shape) as Shape));
    if ((ra.state === 'passed') !== (rb.state === 'passed'))
      differences.push(ra.state === 'passed' ? `fails the contract on B only: ${rb.problems[0] ?? ''}` : `fails the contract on A only: ${ra.problems[0] ?? ''}`);
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
    for (const x of different) lines.push(`| ${x.operationId} | ${cell(x.response)} | ${cell(x.title)} | ${cell(x.differences.join('; '))} |`);
    lines.push('');
  }
  const count = (state: ComparedCase['state']) => c.cases.filter((x) => x.state === state).length;
  lines.push(`${count('same')} cases the same, ${count('different')} different, ${count('not compared')} not compared (not run on both)`);
  return lines.join('\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The comparison as JUnit XML: one test case per contract case, a failure per difference. */
export function comparisonJunit(c: Comparison): string {
  const tests = c.cases.map((x) => {
    const body = x.state === 'different' ? `<failure message="${xml(x.differences[0]!)}">${xml(x.differences.join('\n'))}</failure>` : x.state === 'not compared' ? `<skipped message="${xml(x.reason ?? '')}"/>` : '';
    return `    <testcase classname="${xml(`compare.${x.area}.${x.operationId}`)}" name="${xml(`${x.response}: ${x.title}`)}">${body}</testcase>`;
  });
  const failures = c.cases.filter((x) => x.state === 'different').length;
  const skipped = c.cases.filter((x) => x.state === 'not compared').length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="scrub-contract compare">\n  <testsuite name="${xml(`${c.a} vs ${c.b}`)}" tests="${tests.length}" failures="${failures}" skipped="${skipped}">\n${tests.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
