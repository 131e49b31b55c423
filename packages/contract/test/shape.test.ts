import { describe, expect, it } from 'vitest';
import { type Shape, shapeDifferences, shapeOf } from '../src/shape.js';

const shape = (value: unknown) => JSON.parse(shapeOf(value)) as Shape;

describe('shape', () => {
  it('keeps types and sorted keys, never values; list elements merged into one shape', () => {
    expect(shapeOf({ b: 'Ada', a: [{ x: 1 }, { y: true }], c: null, d: [] })).toBe(
      '{"a":[{"x":"number","y":"boolean"}],"b":"string","c":"null","d":[]}',
    );
    expect(shapeOf(undefined)).toBe('"none"');
  });

  it('names type differences everywhere, keys on one side at the top only (or everywhere when asked)', () => {
    const a = shape({ message: 'x', items: [{ id: 'a', extra: 1 }] });
    const b = shape({ code: 1, items: [{ id: 2 }] });
    expect(shapeDifferences(a, b)).toEqual([
      'body.code: only in B',
      'body.items[].id: string vs number',
      'body.message: only in A',
    ]);
    expect(shapeDifferences(a, b, 'body', true)).toContain('body.items[].extra: only in A');
    expect(shapeDifferences(shape([]), shape([1]))).toEqual([]);
    expect(shapeDifferences(shape({}), shape([]))).toEqual(['body: object vs array']);
  });
});
