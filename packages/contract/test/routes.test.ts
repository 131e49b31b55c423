import { describe, expect, it } from 'vitest';
import { routeOf, routesOn } from '../src/routes.js';

describe('routes', () => {
  it('names every operation on a documented path, with its decoded parameters', () => {
    expect(routesOn('/v3/projection/my%20id')).toEqual([
      { operationId: 'getProjection', method: 'GET', area: 'idcheck', params: { projectionId: 'my id' } },
      { operationId: 'deleteProjection', method: 'DELETE', area: 'idcheck', params: { projectionId: 'my id' } },
    ]);
  });

  it('reads the parameters of a text-assessment path', () => {
    expect(routeOf('delete', '/v2.3.0/account/acc/author/scrub-contract-x')).toEqual({
      operationId: 'deleteAuthorSubmissions',
      method: 'DELETE',
      area: 'text-assessment',
      params: { version: 'v2.3.0', account_id: 'acc', id: 'scrub-contract-x' },
    });
  });

  it('keeps a parameter as sent when it cannot be decoded', () => {
    expect(routeOf('GET', '/v3/projection/%E0%A4%A')?.params).toEqual({ projectionId: '%E0%A4%A' });
  });

  it('allows a base path before the documented path only when asked', () => {
    expect(routesOn('/api/v3/submission')).toEqual([]);
    expect(routesOn('/api/v3/submission', { basePath: true }).map((r) => r.operationId)).toEqual(['getSubmission']);
  });

  it('matches no undocumented path or method', () => {
    expect(routesOn('/v3/projection/a/b')).toEqual([]);
    expect(routesOn('/v3/submissions')).toEqual([]);
    expect(routeOf('PATCH', '/v3/projection')).toBeUndefined();
  });
});
