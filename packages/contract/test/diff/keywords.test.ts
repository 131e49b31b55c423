import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/diff/document.js';
import {
  compareBounds,
  compareOthers,
  compareText,
  compareTypes,
  compareValues,
  emitValues,
  type SchemaContext,
} from '../../src/diff/keywords.js';
import type { Finding, Side } from '../../src/diff/side.js';

const ctxOf = (side: Side): SchemaContext => ({ base: {}, head: {}, side, label: 'L', refs: new Set() });

type Compare = (ctx: SchemaContext, emit: (f: Finding) => void, base: Node, head: Node, where: string) => void;

/** What one comparison finds between two schemas, on a side. */
function run(compare: Compare, side: Side, base: Node, head: Node): Finding[] {
  const found: Finding[] = [];
  compare(ctxOf(side), (f) => found.push(f), base, head, 'here');
  return found;
}

const finding = (kind: Finding['kind'], verdict: Finding['verdict'], message: string): Finding => ({
  kind,
  verdict,
  where: 'here',
  message,
});

describe('emitValues', () => {
  it('emits the side and direction as a kind and verdict, at the given place, with the given text', () => {
    const found: Finding[] = [];
    emitValues(ctxOf('response'), (f) => found.push(f), 'widened', 'at', 'what');
    expect(found).toEqual([{ kind: 'response-widened', verdict: 'breaking', where: 'at', message: 'what' }]);
  });
});

describe('compareTypes', () => {
  it('integer -> number widens: compatible for a parameter, breaking for a response', () => {
    const pair: [Node, Node] = [{ type: 'integer' }, { type: 'number' }];
    expect(run(compareTypes, 'parameter', ...pair)).toEqual([
      finding('parameter-widened', 'compatible', 'type integer -> number'),
    ]);
    expect(run(compareTypes, 'response', ...pair)).toEqual([
      finding('response-widened', 'breaking', 'type integer -> number'),
    ]);
  });

  it('number -> integer narrows: breaking for a request, compatible for a response', () => {
    const pair: [Node, Node] = [{ type: 'number' }, { type: 'integer' }];
    expect(run(compareTypes, 'request', ...pair)).toEqual([
      finding('request-narrowed', 'breaking', 'type number -> integer'),
    ]);
    expect(run(compareTypes, 'response', ...pair)).toEqual([
      finding('response-narrowed', 'compatible', 'type number -> integer'),
    ]);
  });

  it('a type replaced is neither: breaking on both sides', () => {
    const pair: [Node, Node] = [{ type: 'string' }, { type: 'integer' }];
    expect(run(compareTypes, 'request', ...pair)).toEqual([
      finding('request-narrowed', 'breaking', 'type string -> integer'),
    ]);
    expect(run(compareTypes, 'response', ...pair)).toEqual([
      finding('response-widened', 'breaking', 'type string -> integer'),
    ]);
  });

  it('nullable: true adds null (3.0), as does null in a type list (3.1)', () => {
    expect(run(compareTypes, 'response', { type: 'string' }, { type: 'string', nullable: true })).toEqual([
      finding('response-widened', 'breaking', 'type string -> string | null'),
    ]);
    expect(run(compareTypes, 'response', { type: ['string', 'null'] }, { type: 'string' })).toEqual([
      finding('response-narrowed', 'compatible', 'type string | null -> string'),
    ]);
    expect(run(compareTypes, 'request', { type: 'string', nullable: true }, { type: 'string' })).toEqual([
      finding('request-narrowed', 'breaking', 'type string | null -> string'),
    ]);
    // the same set written two ways is no change
    expect(run(compareTypes, 'response', { type: 'string', nullable: true }, { type: ['null', 'string'] })).toEqual([]);
  });

  it('a type set where there was none narrows; dropped, it widens', () => {
    expect(run(compareTypes, 'parameter', {}, { type: 'string' })).toEqual([
      finding('parameter-narrowed', 'breaking', 'type any type -> string'),
    ]);
    expect(run(compareTypes, 'response', { type: 'object' }, {})).toEqual([
      finding('response-widened', 'breaking', 'type object -> any type'),
    ]);
  });

  it('finds nothing when the types are the same or neither side has one', () => {
    expect(run(compareTypes, 'response', { type: 'string' }, { type: ['string'] })).toEqual([]);
    expect(run(compareTypes, 'response', {}, { description: 'x' })).toEqual([]);
    expect(run(compareTypes, 'response', { type: ['integer', 'number'] }, { type: 'number' })).toEqual([]);
  });
});

describe('compareValues', () => {
  it('an enum value added widens, one removed narrows, each its own finding', () => {
    const pair: [Node, Node] = [{ enum: ['a', 'b'] }, { enum: ['b', 'c'] }];
    expect(run(compareValues, 'response', ...pair)).toEqual([
      finding('response-widened', 'breaking', 'enum value "c" added'),
      finding('response-narrowed', 'compatible', 'enum value "a" removed'),
    ]);
    expect(run(compareValues, 'request', ...pair)).toEqual([
      finding('request-widened', 'compatible', 'enum value "c" added'),
      finding('request-narrowed', 'breaking', 'enum value "a" removed'),
    ]);
  });

  it('names several values at once, as JSON', () => {
    expect(run(compareValues, 'response', { enum: [1] }, { enum: [1, 2, null] })).toEqual([
      finding('response-widened', 'breaking', 'enum value 2, null added'),
    ]);
  });

  it('an enum reordered is no change', () => {
    expect(run(compareValues, 'response', { enum: ['a', 'b'] }, { enum: ['b', 'a'] })).toEqual([]);
  });

  it('enum -> const of a kept value narrows; const -> enum widens; the same single value is no change', () => {
    expect(run(compareValues, 'parameter', { enum: ['a', 'b'] }, { const: 'a' })).toEqual([
      finding('parameter-narrowed', 'breaking', 'enum value "b" removed'),
    ]);
    expect(run(compareValues, 'response', { const: 'a' }, { enum: ['a', 'b'] })).toEqual([
      finding('response-widened', 'breaking', 'enum value "b" added'),
    ]);
    expect(run(compareValues, 'response', { enum: ['a'] }, { const: 'a' })).toEqual([]);
  });

  it('values limited where they were not narrows; the limit dropped widens', () => {
    expect(run(compareValues, 'request', { type: 'string' }, { const: 'x' })).toEqual([
      finding('request-narrowed', 'breaking', 'values limited to "x"'),
    ]);
    expect(run(compareValues, 'request', {}, { enum: ['a', 'b'] })).toEqual([
      finding('request-narrowed', 'breaking', 'values limited to "a", "b"'),
    ]);
    expect(run(compareValues, 'response', { enum: ['a', 'b'] }, {})).toEqual([
      finding('response-widened', 'breaking', 'values no longer limited to "a", "b"'),
    ]);
  });

  it('finds nothing when neither side limits values', () => {
    expect(run(compareValues, 'response', { type: 'string' }, { type: 'string' })).toEqual([]);
  });
});

describe('compareBounds', () => {
  it('a lower bound raised narrows, lowered widens', () => {
    expect(run(compareBounds, 'request', { minLength: 1 }, { minLength: 3 })).toEqual([
      finding('request-narrowed', 'breaking', 'minLength 1 -> 3'),
    ]);
    expect(run(compareBounds, 'request', { minimum: 5 }, { minimum: 0 })).toEqual([
      finding('request-widened', 'compatible', 'minimum 5 -> 0'),
    ]);
  });

  it('an upper bound lowered narrows, raised widens', () => {
    expect(run(compareBounds, 'parameter', { maxItems: 10 }, { maxItems: 5 })).toEqual([
      finding('parameter-narrowed', 'breaking', 'maxItems 10 -> 5'),
    ]);
    expect(run(compareBounds, 'response', { maxLength: 10 }, { maxLength: 20 })).toEqual([
      finding('response-widened', 'breaking', 'maxLength 10 -> 20'),
    ]);
  });

  it('a bound added narrows, removed widens, on either end', () => {
    expect(run(compareBounds, 'request', {}, { maximum: 9 })).toEqual([
      finding('request-narrowed', 'breaking', 'maximum none -> 9'),
    ]);
    expect(run(compareBounds, 'request', {}, { exclusiveMinimum: 0 })).toEqual([
      finding('request-narrowed', 'breaking', 'exclusiveMinimum none -> 0'),
    ]);
    expect(run(compareBounds, 'response', { minProperties: 1 }, {})).toEqual([
      finding('response-widened', 'breaking', 'minProperties 1 -> none'),
    ]);
    expect(run(compareBounds, 'response', { exclusiveMaximum: 100 }, {})).toEqual([
      finding('response-widened', 'breaking', 'exclusiveMaximum 100 -> none'),
    ]);
  });

  it('reports lower bounds first, then upper ones; unchanged bounds are silent', () => {
    const base = { minLength: 1, maxLength: 10, minItems: 2 };
    const head = { minLength: 2, maxLength: 20, minItems: 2 };
    expect(run(compareBounds, 'response', base, head)).toEqual([
      finding('response-narrowed', 'compatible', 'minLength 1 -> 2'),
      finding('response-widened', 'breaking', 'maxLength 10 -> 20'),
    ]);
  });

  // Regression: OpenAPI 3.0 writes exclusiveMinimum/exclusiveMaximum as booleans beside minimum/maximum; a
  // boolean is not read as a bound, and compareOthers skips these keys, so `exclusiveMinimum: true`
  // added (values equal to the minimum now refused) is not reported at all.
  it('exclusiveMinimum: true added to a 3.0 request bound narrows it', () => {
    const found = run(compareBounds, 'request', { minimum: 0 }, { minimum: 0, exclusiveMinimum: true });
    expect(found.map((f) => [f.kind, f.verdict])).toEqual([['request-narrowed', 'breaking']]);
  });
});

describe('compareText', () => {
  const text = (side: Side, key: string, base: Node, head: Node) => {
    const found: Finding[] = [];
    compareText(ctxOf(side), (f) => found.push(f), key, [base, head], 'here');
    return found;
  };

  it('a pattern removed widens: compatible for a request, breaking for a response', () => {
    expect(text('request', 'pattern', { pattern: '^a$' }, {})).toEqual([
      finding('request-widened', 'compatible', 'pattern "^a$" -> nothing'),
    ]);
    expect(text('response', 'pattern', { pattern: '^a$' }, {})).toEqual([
      finding('response-widened', 'breaking', 'pattern "^a$" -> nothing'),
    ]);
  });

  it('a pattern changed in any way is breaking on both sides (it cannot be proven wider)', () => {
    expect(text('parameter', 'pattern', { pattern: '^a$' }, { pattern: '^a+$' })).toEqual([
      finding('parameter-narrowed', 'breaking', 'pattern "^a$" -> "^a+$"'),
    ]);
    expect(text('response', 'pattern', { pattern: '^a$' }, { pattern: '^a+$' })).toEqual([
      finding('response-widened', 'breaking', 'pattern "^a$" -> "^a+$"'),
    ]);
  });

  it('a pattern added narrows what a client sends: breaking', () => {
    expect(text('request', 'pattern', {}, { pattern: '^[0-9]+$' })).toEqual([
      finding('request-narrowed', 'breaking', 'pattern nothing -> "^[0-9]+$"'),
    ]);
  });

  // docs/decisions.md "Spec changes, judged as a client would", Patterns: a pattern added narrows
  it('a pattern added to a response narrows it: compatible', () => {
    expect(text('response', 'pattern', {}, { pattern: '^[0-9]+$' })).toEqual([
      finding('response-narrowed', 'compatible', 'pattern nothing -> "^[0-9]+$"'),
    ]);
  });

  it('a format added narrows, removed widens, replaced is breaking on either side', () => {
    expect(text('request', 'format', {}, { format: 'email' })).toEqual([
      finding('request-narrowed', 'breaking', 'format nothing -> "email"'),
    ]);
    expect(text('response', 'format', {}, { format: 'email' })).toEqual([
      finding('response-narrowed', 'compatible', 'format nothing -> "email"'),
    ]);
    expect(text('response', 'format', { format: 'uuid' }, {})).toEqual([
      finding('response-widened', 'breaking', 'format "uuid" -> nothing'),
    ]);
    expect(text('request', 'format', { format: 'uuid' }, { format: 'uri' })).toEqual([
      finding('request-narrowed', 'breaking', 'format "uuid" -> "uri"'),
    ]);
  });

  it('finds nothing when the text is the same or absent on both sides', () => {
    expect(text('response', 'pattern', { pattern: 'x' }, { pattern: 'x' })).toEqual([]);
    expect(text('response', 'format', {}, {})).toEqual([]);
  });
});

describe('compareOthers', () => {
  it('any other constraint that differs is breaking on either side', () => {
    expect(run(compareOthers, 'request', {}, { uniqueItems: true })).toEqual([
      finding('request-narrowed', 'breaking', 'uniqueItems nothing -> true'),
    ]);
    expect(run(compareOthers, 'response', { not: { const: 'a' } }, { not: { const: 'b' } })).toEqual([
      finding('response-widened', 'breaking', 'not {"const":"a"} -> {"const":"b"}'),
    ]);
    expect(run(compareOthers, 'response', { multipleOf: 2 }, {})).toEqual([
      finding('response-widened', 'breaking', 'multipleOf 2 -> nothing'),
    ]);
  });

  it('ignores descriptive keywords, x- extensions and the keywords compared elsewhere', () => {
    const base: Node = {
      description: 'a',
      title: 'a',
      example: 1,
      examples: [1],
      default: 1,
      deprecated: false,
      readOnly: true,
      'x-internal': 1,
      type: 'string',
      enum: ['a'],
      pattern: 'a',
      format: 'a',
      minLength: 1,
      maxLength: 2,
      properties: {},
      required: ['a'],
      additionalProperties: false,
      items: {},
      oneOf: [],
      nullable: true,
    };
    const head: Node = Object.fromEntries(Object.keys(base).map((key) => [key, `${key} changed`]));
    expect(run(compareOthers, 'response', base, head)).toEqual([]);
  });
});
