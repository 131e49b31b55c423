import { describe, expect, it } from 'vitest';
import { coverageTable, junit } from '../src/report.js';
import { report, result } from './support/reports.js';

describe('report', () => {
  const r = report({
    results: [
      result(),
      result({ response: '404 Projection not found', title: 'unknown', state: 'failed', problems: ['a <b>', 'c'] }),
      result({ operationId: 'listProjections', title: 'x', state: 'skipped', reason: 'run with --destructive' }),
      result({ area: 'text-assessment', operationId: 'submitText', state: 'unreachable', reason: 'needs a token' }),
    ],
    coverage: [
      { area: 'idcheck', operationId: 'getProjection', response: '200', state: 'hit' },
      { area: 'idcheck', operationId: 'getProjection', response: '404 Projection not found', state: 'missed' },
      { area: 'idcheck', operationId: 'listProjections', response: '200', state: 'skipped' },
      { area: 'text-assessment', operationId: 'submitText', response: '200', state: 'unreachable' },
    ],
    percent: 25,
    fuzz: [{ operationId: 'createProjection', runs: 5, seed: 1, failure: 'got 200, not a 4xx' }],
    ok: false,
  });

  it('coverageTable: a padded row per documented response, then the counts', () => {
    expect(coverageTable(r)).toBe(
      [
        'Contract coverage for http://a.test (mock controls: yes)',
        '| operation       | documented response      | coverage    |',
        '| --------------- | ------------------------ | ----------- |',
        '| getProjection   | 200                      | hit         |',
        '| getProjection   | 404 Projection not found | MISSED      |',
        '| listProjections | 200                      | skipped     |',
        '| submitText      | 200                      | unreachable |',
        '',
        '1/4 documented responses hit (25%), 1 missed, 1 unreachable on this target, ' +
          '1 skipped (run with --destructive)',
        '1 passed, 2 failed',
      ].join('\n'),
    );
  });

  it('junit: a suite per area in the order they ran, then the negative properties', () => {
    expect(junit(r)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="scrub-contract">',
        '  <testsuite name="idcheck" tests="3" failures="1" skipped="1">',
        '    <testcase classname="idcheck.getProjection" name="200: reads a created projection" time="0.012">' +
          '</testcase>',
        '    <testcase classname="idcheck.getProjection" name="404 Projection not found: unknown" time="0.012">' +
          '<failure message="a &lt;b&gt;">a &lt;b&gt;\nc</failure></testcase>',
        '    <testcase classname="idcheck.listProjections" name="200: x" time="0.012">' +
          '<skipped message="run with --destructive"/></testcase>',
        '  </testsuite>',
        '  <testsuite name="text-assessment" tests="1" failures="0" skipped="1">',
        '    <testcase classname="text-assessment.submitText" name="200: reads a created projection" time="0.012">' +
          '<skipped message="needs a token"/></testcase>',
        '  </testsuite>',
        '  <testsuite name="negative-properties" tests="1" failures="1" skipped="0">',
        '    <testcase classname="negative-properties" name="createProjection: 5 spec-breaking requests">' +
          '<failure message="got 200, not a 4xx"/></testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});
