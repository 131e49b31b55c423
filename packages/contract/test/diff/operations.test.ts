import { document as idcheck } from '@scrub/spec/idcheck/document';
import { document as text } from '@scrub/spec/text-assessment/document';
import { describe, expect, it } from 'vitest';
import { operationsOf, parameterKey } from '../../src/diff/operations.js';

describe('parameterKey', () => {
  it('keys a path parameter by its position in the path, not its name', () => {
    const path = '/v3/{account}/author/{id}';
    expect(parameterKey({ in: 'path', name: 'account' }, path)).toBe('path #1');
    expect(parameterKey({ in: 'path', name: 'id' }, path)).toBe('path #2');
    expect(parameterKey({ in: 'path', name: 'author_id' }, '/v3/{account}/author/{author_id}')).toBe('path #2');
  });

  it('keys a header by its name in lower case (HTTP header names are case-insensitive)', () => {
    expect(parameterKey({ in: 'header', name: 'X-Request-Id' }, '/')).toBe('header x-request-id');
    expect(parameterKey({ in: 'header', name: 'x-request-id' }, '/')).toBe('header x-request-id');
  });

  it('keys query and cookie parameters by their exact name', () => {
    expect(parameterKey({ in: 'query', name: 'Fields' }, '/')).toBe('query Fields');
    expect(parameterKey({ in: 'query', name: 'fields' }, '/')).toBe('query fields');
    expect(parameterKey({ in: 'cookie', name: 'session' }, '/')).toBe('cookie session');
  });
});

describe('operationsOf', () => {
  it('keys each operation by method and path with parameter names left out', () => {
    const doc = {
      openapi: '3.1.0',
      paths: {
        '/v3/item/{id}': {
          get: { operationId: 'getItem' },
          delete: { operationId: 'deleteItem' },
          summary: 'not an operation',
          parameters: [],
        },
        '/v3/list': { post: {} },
      },
    };
    const ops = operationsOf(doc);
    expect([...ops.keys()]).toEqual(['GET /v3/item/{}', 'DELETE /v3/item/{}', 'POST /v3/list']);
    expect(ops.get('GET /v3/item/{}')).toMatchObject({ label: 'GET /v3/item/{id}', operationId: 'getItem' });
    // no operationId: the label stands in
    expect(ops.get('POST /v3/list')?.operationId).toBe('POST /v3/list');
  });

  it("merges the path item's parameters with the operation's, the operation's winning; $refs resolved", () => {
    const doc = {
      openapi: '3.1.0',
      paths: {
        '/a/{id}': {
          parameters: [
            { $ref: '#/components/parameters/id' },
            { in: 'query', name: 'q', schema: { type: 'string' } },
            { in: 'header', name: 'X-Trace' },
          ],
          get: {
            parameters: [
              { in: 'query', name: 'q', schema: { type: 'integer' } },
              { in: 'header', name: 'x-trace', required: true },
            ],
          },
        },
      },
      components: { parameters: { id: { in: 'path', name: 'id', required: true } } },
    };
    const op = operationsOf(doc).get('GET /a/{}');
    expect(op?.parameters).toEqual([
      { in: 'path', name: 'id', required: true },
      { in: 'query', name: 'q', schema: { type: 'integer' } },
      { in: 'header', name: 'x-trace', required: true },
    ]);
  });

  it('follows a path item $ref, and skips a spec without paths', () => {
    const doc = {
      openapi: '3.1.0',
      paths: { '/b': { $ref: '#/components/pathItems/B' } },
      components: { pathItems: { B: { get: { operationId: 'getB' } } } },
    };
    expect([...operationsOf(doc).values()].map((op) => op.operationId)).toEqual(['getB']);
    expect(operationsOf({ openapi: '3.1.0' }).size).toBe(0);
  });

  it('finds every operation of the real specs, each with its operationId', () => {
    for (const [doc, count] of [
      [idcheck, 6],
      [text, 3],
    ] as const) {
      const ops = [...operationsOf(doc).values()];
      const ids = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) =>
        Object.values(item).flatMap((op) => (typeof op?.operationId === 'string' ? [op.operationId] : [])),
      );
      expect(ops.map((op) => op.operationId).sort()).toEqual(ids.sort());
      expect(ops).toHaveLength(count);
    }
    expect(operationsOf(idcheck).get('GET /v3/projection/{}')?.operationId).toBe('getProjection');
  });
});
