import { describe, expect, it } from 'vitest';
import { routeOf, shownPath } from '../../src/recording/route.js';

describe('routeOf', () => {
  it.each([
    ['DELETE', '/v3/submission/partial', 'partialDeleteSubmission'],
    ['GET', '/v3/submission', 'getSubmission'],
    ['GET', '/v3/projection', 'listProjections'],
    ['POST', '/v3/projection', 'createProjection'],
    ['GET', '/v3/projection/55sqp8ma0jvwh', 'getProjection'],
    ['delete', '/v3/projection/55sqp8ma0jvwh', 'deleteProjection'],
    ['DELETE', '/v2.3.0/account/acct/author/learner-1', 'deleteAuthorSubmissions'],
    ['PUT', '/v2.3.0/account/acct/text/essay-1', 'submitText'],
    ['GET', '/v2.3.0/account/acct/text/essay-1/results', 'getTextResults'],
  ])('%s %s is %s', (method, path, operationId) => {
    expect(routeOf(method, path)?.operationId).toBe(operationId);
  });

  it('names what each segment holds: kept, personal (author and text ids) or the account id', () => {
    expect(routeOf('GET', '/v2.3.0/account/acct%201/text/essay-1/results')).toEqual({
      area: 'text-assessment',
      operationId: 'getTextResults',
      segments: ['keep', 'keep', 'keep', 'account', 'keep', 'personal', 'keep'],
      params: { version: 'v2.3.0', account_id: 'acct 1', id: 'essay-1' },
    });
    expect(routeOf('GET', '/v3/projection/55sqp8ma0jvwh')?.segments).toEqual(['keep', 'keep', 'keep', 'keep']);
  });

  it('a known path with another method is its area without an operation (a 405)', () => {
    expect(routeOf('PATCH', '/v3/submission')).toMatchObject({ area: 'idcheck', operationId: undefined });
    expect(routeOf('POST', '/v2.3.0/account/a/author/x')).toMatchObject({
      area: 'text-assessment',
      operationId: undefined,
      segments: ['keep', 'keep', 'keep', 'account', 'keep', 'personal'],
    });
  });

  it('an unknown path of an area keeps the area prefix; its other segments are personal', () => {
    expect(routeOf('GET', '/v3/users/jane')).toEqual({
      area: 'idcheck',
      operationId: undefined,
      segments: ['keep', 'keep', 'personal', 'personal'],
      params: {},
    });
    expect(routeOf('GET', '/v2.3.0/account/acct/things/x')).toMatchObject({
      area: 'text-assessment',
      segments: ['keep', 'keep', 'keep', 'account', 'personal', 'personal'],
      params: { account_id: 'acct' },
    });
  });

  it('a path of neither API has no route', () => {
    expect(routeOf('GET', '/favicon.ico')).toBeUndefined();
    expect(routeOf('GET', '/api/account/x/text/y')).toBeUndefined();
    expect(routeOf('GET', '/')).toBeUndefined();
  });
});

describe('shownPath', () => {
  it.each([
    ['GET', '/v3/submission', '/v3/submission'],
    ['GET', '/v3/projection/55sqp8ma0jvwh', '/v3/projection/55sqp8ma0jvwh'],
    ['DELETE', '/v2.3.0/account/acme-7/author/jane-doe-1', '/v2.3.0/account/{account_id}/author/{id}'],
    ['PUT', '/v2.3.0/account/acme-7/text/essay-jane', '/v2.3.0/account/{account_id}/text/{id}'],
    ['GET', '/v2.3.0/account/acme-7/text/essay-jane/results', '/v2.3.0/account/{account_id}/text/{id}/results'],
    ['GET', '/v3/users/jane-doe', '/v3/{id}/{id}'],
    ['GET', '/profile/jane-doe', '/…'],
  ])('%s %s -> %s', (method, path, shown) => {
    expect(shownPath(method, path)).toBe(shown);
  });
});
