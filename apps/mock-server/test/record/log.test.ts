// The recorder's log line shows nothing personal: no query, no author id, one line, cut short.
import { describe, expect, it } from 'vitest';
import { loggedPath, logLine } from '../../src/record/log.js';

describe('loggedPath', () => {
  it.each([
    ['/v3/submission?submission_id=s1&x-api-key=k', '/v3/submission'],
    ['/v3/projection#frag', '/v3/projection'],
    ['/v2.3.0/account/demo-account/author/learner-1', '/v2.3.0/account/demo-account/author/{id}'],
    ['/v2.3.0/account/a/author/jane%40example.com?x=1', '/v2.3.0/account/a/author/{id}'],
    ['/v2.3.0/account/a/text/t1/results', '/v2.3.0/account/a/text/t1/results'],
    ['/v3/\u001b[31mred', '/v3/\\x1b[31mred'],
  ])('%s -> %s', (target, shown) => {
    expect(loggedPath(target)).toBe(shown);
  });

  it('cuts a long path at 120 characters', () => {
    expect(loggedPath(`/${'a'.repeat(300)}`)).toBe(`/${'a'.repeat(119)}…`);
  });
});

it('logLine: METHOD /path STATUS ms', () => {
  expect(logLine('GET', '/v3/submission?submission_id=s1', 200, performance.now())).toMatch(
    /^GET \/v3\/submission 200 \d+\.\dms$/,
  );
  expect(logLine('PUT', '/x', 'aborted', performance.now())).toMatch(/^PUT \/x aborted \d+\.\dms$/);
});
