// Unit tests of the comparison of two reports (two servers run by the CLI: test/e2e/compare.test.ts).
import { describe, expect, it } from 'vitest';
import { compareReports, comparisonJunit, comparisonMarkdown } from '../src/compare.js';
import { report, result } from './support/reports.js';

const b = (over: Parameters<typeof result>[0]) => report({ target: 'http://b.test', results: [result(over)] });

describe('compareReports', () => {
  it('finds the same case the same on both sides', () => {
    expect(compareReports(report(), b({})).cases.map((c) => c.state)).toEqual(['same']);
  });

  it('names each difference: status, message, shape, and a case that passes on one side only', () => {
    const other = b({
      state: 'failed',
      problems: ['expected status 200, got 404'],
      observed: { status: 404, message: 'Projection not found', shape: '{"message":"string"}' },
    });
    const c = compareReports(report(), other);
    expect(c.ok).toBe(false);
    expect(c.cases[0]).toMatchObject({
      state: 'different',
      differences: [
        'status: 200 vs 404',
        'message: "Get projection success" vs "Projection not found"',
        'body.item: only in A',
        'fails the contract on B only: expected status 200, got 404',
      ],
    });
  });

  it('does not compare a case that did not run (or got no answer) on both sides, saying why', () => {
    const skipped = b({ state: 'unreachable', reason: 'needs mock controls', observed: undefined });
    expect(compareReports(report(), skipped).cases[0]).toMatchObject({
      state: 'not compared',
      reason: 'B: needs mock controls',
    });
    expect(compareReports(report(), report({ results: [] })).cases[0]).toMatchObject({ reason: 'not run on B' });
    expect(compareReports(report(), skipped).ok).toBe(true);
  });
});

describe('the comparison rendered', () => {
  const c = compareReports(report(), b({ observed: { status: 404, shape: '{}' } }));
  it('as Markdown: the cases that differ, then the counts', () => {
    expect(comparisonMarkdown(c)).toBe(
      [
        '## Contract comparison',
        '',
        'A: http://a.test  ',
        'B: http://b.test',
        '',
        '| operation | documented response | case | differences |',
        '|---|---|---|---|',
        '| getProjection | 200 | reads a created projection | status: 200 vs 404; ' +
          'message: "Get projection success" vs null; body.item: only in A; body.message: only in A |',
        '',
        '0 cases the same, 1 different, 0 not compared (not run on both)',
      ].join('\n'),
    );
  });

  it('as JUnit: a test case per case, a failure per differing one', () => {
    expect(comparisonJunit(c)).toContain(
      '<testsuite name="http://a.test vs http://b.test" tests="1" failures="1" skipped="0">\n' +
        '    <testcase classname="compare.idcheck.getProjection" name="200: reads a created projection">' +
        '<failure message="status: 200 vs 404">',
    );
  });
});
