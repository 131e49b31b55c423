// The request model every adapter builds: one rule for the path, for routing, logs and the journal.
import { describe, expect, it } from 'vitest';
import { pathOf, toMockRequest } from '../../src/core/request.js';

describe('the path of a request target', () => {
  it.each([
    ['/v3/projection?x=1', '/v3/projection'],
    ['http://user:pw@localhost:4010/v3/projection?x=1', '/v3/projection'], // absolute-form (MSW, proxies)
    ['http://localhost', '/'],
    // origin-form is taken as is, even with `://` inside: the server routes it so, the journal records it so
    ['/v3/http://x/v3/submission', '/v3/http://x/v3/submission'],
  ])('%s -> %s', (target, path) => {
    expect(pathOf(target)).toBe(path);
    expect(toMockRequest({ method: 'GET', url: target }).path).toBe(path);
  });
});
