// A call's URL: the spec's path template with its parameters filled in and encoded, then the query.
import { type OperationId, operationRoutes } from '@scrub/spec';
import { describe, expect, it } from 'vitest';
import { type Call, methodOf, urlOf } from '../../src/internal/call.js';

describe('routes', () => {
  it('every operation of the spec, with its method and path template', () => {
    for (const [operation, route] of Object.entries(operationRoutes) as [
      OperationId,
      { method: string; path: string },
    ][]) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      // each parameter given its own name as value: the URL is the template without braces
      const params = Object.fromEntries(names.map((name) => [name, name]));
      expect(methodOf(operation), operation).toBe(route.method);
      expect(urlOf('', { operation, params } as Call), operation).toBe(route.path.replace(/[{}]/g, ''));
    }
  });
});

describe('urlOf', () => {
  it('percent-encodes path parameters', () => {
    expect(urlOf('http://api.test', { operation: 'getProjection', params: { projectionId: 'a/b c?' } })).toBe(
      'http://api.test/v3/projection/a%2Fb%20c%3F',
    );
    const account = { version: 'v2.3.0', account_id: 'acc 1' };
    expect(urlOf('', { operation: 'getTextResults', params: { ...account, id: 't#1' } })).toBe(
      '/v2.3.0/account/acc%201/text/t%231/results',
    );
  });

  it('appends the defined query values, encoded, in the order given', () => {
    const query = { userid: 'u&1', email: undefined, count: '5' };
    expect(urlOf('http://api.test', { operation: 'getSubmission', query })).toBe(
      'http://api.test/v3/submission?userid=u%261&count=5',
    );
    expect(urlOf('', { operation: 'getSubmission', query: { email: undefined } })).toBe('/v3/submission');
    // an empty value is sent: the server tells it from an absent one
    expect(urlOf('', { operation: 'partialDeleteSubmission', query: { submission_id: 's1', fields: '' } })).toBe(
      '/v3/submission/partial?submission_id=s1&fields=',
    );
  });

  it('refuses a value that is not well-formed UTF-16, naming the parameter', () => {
    expect(() => urlOf('', { operation: 'deleteProjection', params: { projectionId: '\uDC00' } })).toThrow(
      '`projectionId` is not a well-formed string (it holds a lone surrogate).',
    );
    expect(() => urlOf('', { operation: 'getSubmission', query: { userid: 'a\uD800' } })).toThrow(
      '`userid` is not a well-formed string',
    );
  });
});
