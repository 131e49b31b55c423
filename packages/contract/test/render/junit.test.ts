import { describe, expect, it } from 'vitest';
import { junitXml, xml } from '../../src/render/junit.js';

describe('junit', () => {
  it('xml escapes the characters that end an attribute or start markup', () => {
    expect(xml(`a & b <c> "d" 'e'`)).toBe(`a &amp; b &lt;c&gt; &quot;d&quot; 'e'`);
  });

  it('writes passed, failed (with and without detail) and skipped cases, counting each', () => {
    const out = junitXml('suite & co', [
      {
        name: 'idcheck',
        cases: [
          { classname: 'idcheck.getSubmission', name: '200: reads', ms: 1234 },
          { classname: 'c', name: 'fails', failure: { message: 'first <one>', detail: 'first <one>\nsecond' } },
          { classname: 'c', name: 'fuzz', failure: { message: 'no detail' } },
          { classname: 'c', name: 'skip', skipped: 'needs "controls"' },
        ],
      },
    ]);
    expect(out).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="suite &amp; co">',
        '  <testsuite name="idcheck" tests="4" failures="2" skipped="1">',
        '    <testcase classname="idcheck.getSubmission" name="200: reads" time="1.234"></testcase>',
        '    <testcase classname="c" name="fails">' +
          '<failure message="first &lt;one&gt;">first &lt;one&gt;\nsecond</failure></testcase>',
        '    <testcase classname="c" name="fuzz"><failure message="no detail"/></testcase>',
        '    <testcase classname="c" name="skip"><skipped message="needs &quot;controls&quot;"/></testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('leaves the skipped count out when asked (reports whose cases never skip)', () => {
    const out = junitXml('t', [{ name: 'f', cases: [{ classname: 'c', name: 'n' }] }], { countSkipped: false });
    expect(out).toContain('<testsuite name="f" tests="1" failures="0">');
    expect(out).not.toContain('skipped=');
  });
});
