import { document as idcheck } from '@scrub/spec/idcheck/document';
import { describe, expect, it } from 'vitest';
import type { SpecDocument } from '../../src/diff/document.js';
import { compareSchemas } from '../../src/diff/schema.js';
import type { Finding, Side } from '../../src/diff/side.js';

/** A parsed spec that edits reach into like a spec author would. */
type Loose = Record<string, any>;

const specWith = (schemas: Record<string, unknown>): SpecDocument => ({
  openapi: '3.1.0',
  paths: {},
  components: { schemas },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Findings between two schemas on a side, labelled `L`, with `schemas` as each spec's components. */
function compare(side: Side, base: unknown, head: unknown, schemas: { base?: object; head?: object } = {}) {
  const ctx = { base: specWith({ ...schemas.base }), head: specWith({ ...schemas.head }), side, label: 'L' };
  return compareSchemas(ctx, base, head);
}

const f = (kind: Finding['kind'], verdict: Finding['verdict'], where: string, message: string): Finding => ({
  kind,
  verdict,
  where,
  message,
});

const object = (properties: Record<string, unknown>, required: string[] = [], extra: object = {}) => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const str = { type: 'string' };

describe('compareSchemas: the same schema', () => {
  it('finds nothing between a schema and a copy, nor when only descriptions changed', () => {
    const schema = object({ a: str, b: { type: 'array', items: { type: 'integer' } } }, ['a']);
    expect(compare('response', schema, structuredClone(schema))).toEqual([]);
    const described = object({ a: { ...str, description: 'new' }, b: schema.properties.b }, ['a'], { title: 'T' });
    expect(compare('request', schema, described)).toEqual([]);
  });

  it('finds nothing when both sides are missing', () => {
    expect(compare('response', undefined, undefined)).toEqual([]);
  });
});

describe('compareSchemas: properties', () => {
  it('request: a required property added breaks; an optional one does not', () => {
    expect(compare('request', object({ a: str }), object({ a: str, b: str }, ['b']))).toEqual([
      f('request-property-added-required', 'breaking', 'L .b', 'required property added'),
    ]);
    expect(compare('request', object({ a: str }), object({ a: str, b: str }))).toEqual([
      f('request-property-added-optional', 'compatible', 'L .b', 'optional property added'),
    ]);
  });

  it('request: a property removed, or made required, breaks; made optional does not', () => {
    expect(compare('request', object({ a: str, b: str }), object({ a: str }))).toEqual([
      f('request-property-removed', 'breaking', 'L .b', 'property removed'),
    ]);
    expect(compare('request', object({ a: str }), object({ a: str }, ['a']))).toEqual([
      f('request-property-became-required', 'breaking', 'L .a', 'property became required'),
    ]);
    expect(compare('request', object({ a: str }, ['a']), object({ a: str }))).toEqual([
      f('request-property-became-optional', 'compatible', 'L .a', 'property became optional'),
    ]);
  });

  it('response: a property added is compatible, unless the base closed the object', () => {
    expect(compare('response', object({ a: str }), object({ a: str, b: str }, ['b']))).toEqual([
      f('response-property-added', 'compatible', 'L .b', 'property added'),
    ]);
    const closed = { additionalProperties: false };
    expect(compare('response', object({ a: str }, [], closed), object({ a: str, b: str }, [], closed))).toEqual([
      f(
        'response-property-added',
        'breaking',
        'L .b',
        'property added to an object the base closed (additionalProperties: false)',
      ),
    ]);
    const sealed = { unevaluatedProperties: false };
    expect(compare('response', object({}, [], sealed), object({ b: str }, [], sealed))[0]).toMatchObject({
      kind: 'response-property-added',
      verdict: 'breaking',
    });
  });

  it('response: a property removed, or made optional, breaks; made required does not', () => {
    expect(compare('response', object({ a: str, b: str }), object({ a: str }))).toEqual([
      f('response-property-removed', 'breaking', 'L .b', 'property removed'),
    ]);
    expect(compare('response', object({ a: str }, ['a']), object({ a: str }))).toEqual([
      f('response-property-became-optional', 'breaking', 'L .a', 'property became optional'),
    ]);
    expect(compare('response', object({ a: str }), object({ a: str }, ['a']))).toEqual([
      f('response-property-became-required', 'compatible', 'L .a', 'property became required'),
    ]);
  });

  it('parameter (an object parameter): properties added, removed, required, as values narrowed or widened', () => {
    expect(compare('parameter', object({}), object({ a: str }, ['a']))).toEqual([
      f('parameter-narrowed', 'breaking', 'L .a', 'property added'),
    ]);
    expect(compare('parameter', object({}), object({ a: str }))).toEqual([
      f('parameter-widened', 'compatible', 'L .a', 'property added'),
    ]);
    expect(compare('parameter', object({ a: str }), object({}))).toEqual([
      f('parameter-narrowed', 'breaking', 'L .a', 'property removed'),
    ]);
    expect(compare('parameter', object({ a: str }), object({ a: str }, ['a']))).toEqual([
      f('parameter-narrowed', 'breaking', 'L .a', 'property became required'),
    ]);
    expect(compare('parameter', object({ a: str }, ['a']), object({ a: str }))).toEqual([
      f('parameter-widened', 'compatible', 'L .a', 'property became optional'),
    ]);
  });

  it('walks into nested properties, arrays and maps, naming the place', () => {
    const base = object({ list: { type: 'array', items: object({ x: { enum: ['a'] } }) } });
    const head = object({ list: { type: 'array', items: object({ x: { enum: ['a', 'b'] } }) } });
    expect(compare('response', base, head)).toEqual([
      f('response-widened', 'breaking', 'L .list[].x', 'enum value "b" added'),
    ]);
    const map = (max: number) => ({ type: 'object', additionalProperties: { type: 'integer', maximum: max } });
    expect(compare('request', map(10), map(5))).toEqual([
      f('request-narrowed', 'breaking', 'L {*}', 'maximum 10 -> 5'),
    ]);
  });

  it('reports a change of a property and its required-ness both', () => {
    expect(compare('response', object({ a: str }, ['a']), object({ a: { type: 'integer' } }))).toEqual([
      f('response-widened', 'breaking', 'L .a', 'type string -> integer'),
      f('response-property-became-optional', 'breaking', 'L .a', 'property became optional'),
    ]);
  });
});

describe('compareSchemas: additionalProperties and items', () => {
  it('closing an object narrows: breaking for a request, compatible for a response', () => {
    const open = object({ a: str });
    const closed = object({ a: str }, [], { additionalProperties: false });
    expect(compare('request', open, closed)).toEqual([
      f('request-narrowed', 'breaking', 'L', 'additionalProperties allowed -> false'),
    ]);
    expect(compare('response', open, closed)).toEqual([
      f('response-narrowed', 'compatible', 'L', 'additionalProperties allowed -> false'),
    ]);
  });

  it('opening an object widens: compatible for a request, breaking for a response', () => {
    const closed = object({ a: str }, [], { additionalProperties: false });
    const open = object({ a: str }, [], { additionalProperties: true });
    expect(compare('request', closed, open)).toEqual([
      f('request-widened', 'compatible', 'L', 'additionalProperties false -> allowed'),
    ]);
    expect(compare('response', closed, open)).toEqual([
      f('response-widened', 'breaking', 'L', 'additionalProperties false -> allowed'),
    ]);
  });

  it('unevaluatedProperties: false closes like additionalProperties: false', () => {
    expect(compare('response', { type: 'object', unevaluatedProperties: false }, { type: 'object' })).toEqual([
      f('response-widened', 'breaking', 'L', 'additionalProperties false -> allowed'),
    ]);
  });

  // Regression: only `false` and two schemas are compared; `additionalProperties: true` (or absent) -> a
  // schema limits the values of a map (the head refuses what the base took), and a schema -> true
  // lets any value come back in a response; neither is reported (nothing comes out).
  it('additionalProperties true -> a schema narrows; a schema -> true widens', () => {
    const map = (additionalProperties: unknown) => ({ type: 'object', additionalProperties });
    expect(compare('request', map(true), map({ type: 'string' })).map((x) => [x.kind, x.verdict])).toEqual([
      ['request-narrowed', 'breaking'],
    ]);
    expect(compare('response', map({ type: 'string' }), map(true)).map((x) => [x.kind, x.verdict])).toEqual([
      ['response-widened', 'breaking'],
    ]);
  });

  it('items dropped widens; items set where any were allowed narrows', () => {
    expect(compare('response', { type: 'array', items: str }, { type: 'array' })).toEqual([
      f('response-widened', 'breaking', 'L', 'items any'),
    ]);
    expect(compare('request', { type: 'array' }, { type: 'array', items: str })).toEqual([
      f('request-narrowed', 'breaking', 'L', 'items limited'),
    ]);
  });
});

describe('compareSchemas: oneOf, anyOf, allOf', () => {
  const schemas = { A: object({ a: str }), B: object({ b: str }), C: object({ c: str }) };

  it('pairs branches by $ref name: reordered is no change, a change inside one is found', () => {
    const base = { oneOf: [ref('A'), ref('B')] };
    expect(compare('response', base, { oneOf: [ref('B'), ref('A')] }, { base: schemas, head: schemas })).toEqual([]);
    const changed = { ...schemas, B: object({ b: { type: 'integer' } }) };
    expect(compare('response', base, { oneOf: [ref('B'), ref('A')] }, { base: schemas, head: changed })).toEqual([
      f('response-widened', 'breaking', 'L .b', 'type string -> integer'),
    ]);
  });

  it('pairs the branches of the real spec by $ref name: the plain and encrypted bodies swapped is no change', () => {
    const head: Loose = structuredClone(idcheck);
    const content = head.paths['/v3/submission/partial'].delete.responses['200'].content['application/json'];
    content.schema.oneOf.reverse();
    head.components.schemas.EncryptedResponseBody.properties.extra = { type: 'string' };
    const ctx = { base: idcheck, head, side: 'response' as const, label: '200 response body' };
    const schema = (doc: Loose) =>
      doc.paths['/v3/submission/partial'].delete.responses['200'].content['application/json'].schema;
    // EncryptedResponseBody is closed (additionalProperties: false): a strict client refuses `extra`
    expect(compareSchemas(ctx, schema(idcheck), schema(head))).toEqual([
      f(
        'response-property-added',
        'breaking',
        '200 response body .extra',
        'property added to an object the base closed (additionalProperties: false)',
      ),
    ]);
  });

  it('pairs inline branches by order', () => {
    const base = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    const head = { anyOf: [{ type: 'string', maxLength: 5 }, { type: 'integer' }] };
    expect(compare('request', base, head)).toEqual([f('request-narrowed', 'breaking', 'L', 'maxLength none -> 5')]);
  });

  // Regression: inline branches are paired by order, so removing the first of two pairs the survivor with
  // the removed one: response anyOf [string, integer] -> [integer] reports `type string -> integer`
  // (response-widened, breaking) besides the branch removed; the response can only get narrower.
  it('an inline branch removed from a response is only a narrowing: compatible', () => {
    const found = compare('response', { anyOf: [str, { type: 'integer' }] }, { anyOf: [{ type: 'integer' }] });
    expect(found).toEqual([f('response-narrowed', 'compatible', 'L', 'anyOf branch an inline schema removed')]);
  });

  it('oneOf/anyOf: a branch added widens, one removed narrows', () => {
    const both = { base: schemas, head: schemas };
    expect(compare('response', { oneOf: [ref('A')] }, { oneOf: [ref('A'), ref('B')] }, both)).toEqual([
      f('response-widened', 'breaking', 'L', 'oneOf branch B added'),
    ]);
    expect(compare('request', { oneOf: [ref('A')] }, { oneOf: [ref('A'), ref('B')] }, both)).toEqual([
      f('request-widened', 'compatible', 'L', 'oneOf branch B added'),
    ]);
    expect(compare('request', { anyOf: [ref('A'), str] }, { anyOf: [ref('A')] }, both)).toEqual([
      f('request-narrowed', 'breaking', 'L', 'anyOf branch an inline schema removed'),
    ]);
    expect(compare('response', { anyOf: [ref('A'), str] }, { anyOf: [ref('A')] }, both)).toEqual([
      f('response-narrowed', 'compatible', 'L', 'anyOf branch an inline schema removed'),
    ]);
  });

  it('allOf reverses it: a member added narrows, one removed widens', () => {
    const both = { base: schemas, head: schemas };
    expect(compare('request', { allOf: [ref('A')] }, { allOf: [ref('A'), ref('C')] }, both)).toEqual([
      f('request-narrowed', 'breaking', 'L', 'allOf branch C added'),
    ]);
    expect(compare('response', { allOf: [ref('A')] }, { allOf: [ref('A'), ref('C')] }, both)).toEqual([
      f('response-narrowed', 'compatible', 'L', 'allOf branch C added'),
    ]);
    expect(compare('request', { allOf: [ref('A'), ref('C')] }, { allOf: [ref('C')] }, both)).toEqual([
      f('request-widened', 'compatible', 'L', 'allOf branch A removed'),
    ]);
    expect(compare('response', { allOf: [ref('A'), ref('C')] }, { allOf: [ref('C')] }, both)).toEqual([
      f('response-widened', 'breaking', 'L', 'allOf branch A removed'),
    ]);
  });

  it('a branch list added or removed cannot be proven either way: breaking', () => {
    expect(compare('request', { type: 'string' }, { oneOf: [str, { type: 'null' }] })).toEqual([
      f('request-widened', 'compatible', 'L', 'type string -> any type'),
      f('request-narrowed', 'breaking', 'L', 'oneOf added'),
    ]);
    expect(compare('response', { allOf: [str] }, {})).toEqual([
      f('response-widened', 'breaking', 'L', 'allOf removed'),
    ]);
  });
});

describe('compareSchemas: $refs', () => {
  it('follows $refs, and sees nothing when two names hold the same schema', () => {
    const schemas = { A: object({ a: str }), B: object({ a: str }) };
    expect(compare('response', ref('A'), ref('B'), { base: schemas, head: schemas })).toEqual([]);
    expect(compare('response', ref('A'), object({ a: str }), { base: schemas })).toEqual([]);
  });

  it('terminates on a recursive schema and still reports a change inside it', () => {
    const tree = (name: unknown) => ({
      Node: object({ name, children: { type: 'array', items: ref('Node') } }, ['name']),
    });
    expect(compare('response', ref('Node'), ref('Node'), { base: tree(str), head: tree(str) })).toEqual([]);
    expect(compare('response', ref('Node'), ref('Node'), { base: tree(str), head: tree({ type: 'integer' }) })).toEqual(
      [f('response-widened', 'breaking', 'L .name', 'type string -> integer')],
    );
  });

  it('terminates on mutually recursive schemas, and on one renamed on one side', () => {
    const pair = (max: number) => ({
      A: object({ b: ref('B') }),
      B: object({ a: ref('A'), n: { type: 'integer', maximum: max } }),
    });
    expect(compare('request', ref('A'), ref('A'), { base: pair(9), head: pair(5) })).toEqual([
      f('request-narrowed', 'breaking', 'L .b.n', 'maximum 9 -> 5'),
    ]);
    const renamed = { Tree: object({ kids: { type: 'array', items: ref('Tree') }, v: { type: 'integer' } }) };
    const original = { Node: object({ kids: { type: 'array', items: ref('Node') }, v: { type: 'number' } }) };
    expect(compare('request', ref('Node'), ref('Tree'), { base: original, head: renamed })).toEqual([
      f('request-narrowed', 'breaking', 'L .v', 'type number -> integer'),
    ]);
  });

  it('reads a $ref to nowhere as a schema that allows anything', () => {
    expect(compare('response', ref('Missing'), ref('Missing'))).toEqual([]);
    expect(compare('response', str, ref('Missing'))).toEqual([
      f('response-widened', 'breaking', 'L', 'type string -> any type'),
    ]);
    expect(compare('request', ref('Missing'), str)).toEqual([
      f('request-narrowed', 'breaking', 'L', 'type any type -> string'),
    ]);
  });
});

describe('compareSchemas: nullable', () => {
  it('nullable added to a typed response value is breaking (null allowed)', () => {
    expect(compare('response', object({ a: str }), object({ a: { ...str, nullable: true } }))).toEqual([
      f('response-widened', 'breaking', 'L .a', 'type string -> string | null'),
    ]);
  });

  // Regression: `nullable` is skipped by compareOthers and only read with a `type`; the 3.0 way to make a
  // $ref nullable (`allOf: [$ref]` beside `nullable: true`) allows null in the head, but no change
  // is reported: a response that may now be null is missed (should be response-widened, breaking).
  it('nullable added beside allOf: [$ref] (no type) is breaking on a response', () => {
    const schemas = { A: object({ a: str }) };
    const found = compare(
      'response',
      { allOf: [ref('A')] },
      { allOf: [ref('A')], nullable: true },
      {
        base: schemas,
        head: schemas,
      },
    );
    expect(found.map((x) => [x.kind, x.verdict, x.where])).toEqual([['response-widened', 'breaking', 'L']]);
  });
});
