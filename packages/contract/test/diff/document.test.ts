import { describe, expect, it } from 'vitest';
import { isNode, nodeOf, refName, resolve } from '../../src/diff/document.js';

const doc = {
  openapi: '3.1.0',
  paths: { '/a/{id}': { get: { operationId: 'a' } } },
  components: {
    schemas: {
      Projection: { type: 'object', properties: { id: { type: 'string' } } },
      Alias: { $ref: '#/components/schemas/Projection' },
      Loop: { $ref: '#/components/schemas/Loop2' },
      Loop2: { $ref: '#/components/schemas/Loop' },
      Self: { $ref: '#/components/schemas/Self' },
      Text: 'not a node',
      'a/b~c': { type: 'integer' },
    },
  },
};

describe('isNode and nodeOf', () => {
  it('an object is a node; arrays, null and scalars are not', () => {
    expect(isNode({})).toBe(true);
    expect(isNode({ a: 1 })).toBe(true);
    for (const value of [[], null, undefined, 'x', 1, true]) expect(isNode(value)).toBe(false);
  });

  it('nodeOf gives the node itself, or an empty node for anything else', () => {
    const node = { type: 'string' };
    expect(nodeOf(node)).toBe(node);
    for (const value of [[1], null, undefined, 'x', 0]) expect(nodeOf(value)).toEqual({});
  });
});

describe('refName', () => {
  it('is the last segment of a local $ref', () => {
    expect(refName({ $ref: '#/components/schemas/Projection' })).toBe('Projection');
    expect(refName({ $ref: 'Plain' })).toBe('Plain');
  });

  it('is undefined for a node without a string $ref, and for a non-node', () => {
    expect(refName({ type: 'string' })).toBeUndefined();
    expect(refName({ $ref: 3 })).toBeUndefined();
    expect(refName('#/components/schemas/Projection')).toBeUndefined();
    expect(refName(undefined)).toBeUndefined();
  });
});

describe('resolve', () => {
  it('follows a $ref, and a chain of them, to the node they name', () => {
    const projection = doc.components.schemas.Projection;
    expect(resolve(doc, { $ref: '#/components/schemas/Projection' })).toBe(projection);
    expect(resolve(doc, { $ref: '#/components/schemas/Alias' })).toBe(projection);
  });

  it('gives a node that is not a $ref back as it is', () => {
    const node = { type: 'string', description: 'x' };
    expect(resolve(doc, node)).toBe(node);
  });

  it('reads ~1 as / and ~0 as ~ in a pointer', () => {
    expect(resolve(doc, { $ref: '#/components/schemas/a~1b~0c' })).toEqual({ type: 'integer' });
    expect(resolve(doc, { $ref: '#/paths/~1a~1{id}/get' })).toEqual({ operationId: 'a' });
  });

  it('gives an empty node for a $ref to nowhere, a cycle, a remote ref, or a non-node target', () => {
    expect(resolve(doc, { $ref: '#/components/schemas/Missing' })).toEqual({});
    expect(resolve(doc, { $ref: '#/nothing/here/at/all' })).toEqual({});
    expect(resolve(doc, { $ref: '#/components/schemas/Loop' })).toEqual({});
    expect(resolve(doc, { $ref: '#/components/schemas/Self' })).toEqual({});
    expect(resolve(doc, { $ref: 'other.yaml#/components/schemas/Projection' })).toEqual({});
    expect(resolve(doc, { $ref: '#/components/schemas/Text' })).toEqual({});
  });

  it('gives an empty node for a missing node (undefined, a scalar, an array)', () => {
    expect(resolve(doc, undefined)).toEqual({});
    expect(resolve(doc, 'string')).toEqual({});
    expect(resolve(doc, [1])).toEqual({});
  });
});
