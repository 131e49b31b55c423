// The recorder's log line shows nothing personal: no query, no id of a person or an account, one line,
// cut short.
import { describe, expect, it } from 'vitest';
import { loggedPath, logLine } from '../../src/record/log.js';

describe('loggedPath', () => {
  it.each([
    ['GET', '/v3/submission?submission_id=s1&x-api-key=k', '/v3/submission'],
    ['GET', '/v3/projection#frag', '/v3/projection'],
    ['GET', '/v3/projection/55sqp8ma0jvwh', '/v3/projection/55sqp8ma0jvwh'],
    ['DELETE', '/v2.3.0/account/demo-account/author/learner-1', '/v2.3.0/account/{account_id}/author/{id}'],
    ['DELETE', '/v2.3.0/account/a/author/jane%40example.com?x=1', '/v2.3.0/account/{account_id}/author/{id}'],
    ['GET', '/v2.3.0/account/a/text/t1/results', '/v2.3.0/account/{account_id}/text/{id}/results'],
    ['GET', '/v3/\u001b[31mred', '/v3/{id}'],
    ['GET', '/users/jane-doe', '/…'],
  ])('%s %s -> %s', (method, target, shown) => {
    expect(loggedPath(method, target)).toBe(shown);
  });

  it('cuts a long path at 120 characters', () => {
    expect(loggedPath('GET', `/v3/projection/${'a'.repeat(300)}`)).toBe(`/v3/projection/${'a'.repeat(105)}…`);
  });
});

it('logLine: METHOD /path STATUS ms', () => {
  expect(logLine('GET', '/v3/submission?submission_id=s1', 200, performance.now())).toMatch(
    /^GET \/v3\/submission 200 \d+\.\dms$/,
  );
  expect(logLine('PUT', '/x', 'aborted', performance.now())).toMatch(/^PUT \/… aborted \d+\.\dms$/);
});
