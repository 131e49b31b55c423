import { document as idcheck } from '@scrub/spec/idcheck/document';
import { describe, expect, it } from 'vitest';
import type { SpecDocument } from '../../src/diff/document.js';
import { operationsOf, type SpecOperation } from '../../src/diff/operations.js';
import { compareParameters } from '../../src/diff/parameters.js';
import type { Finding } from '../../src/diff/side.js';

/** A parsed spec that edits reach into like a spec author would. */
type Loose = Record<string, any>;

const specOf = (path: string, parameters: unknown[]): SpecDocument => ({
  openapi: '3.1.0',
  paths: { [path]: { get: { operationId: 'op', parameters, responses: {} } } },
});
const only = (doc: SpecDocument): SpecOperation => [...operationsOf(doc).values()][0] as SpecOperation;

/** The parameter findings of GET `path` between two parameter lists (`headPath` when it is renamed). */
function compare(base: unknown[], head: unknown[], path = '/a', headPath = path): Finding[] {
  const [b, h] = [specOf(path, base), specOf(headPath, head)];
  return compareParameters({ base: b, head: h }, only(b), only(h));
}

const f = (kind: Finding['kind'], verdict: Finding['verdict'], where: string, message: string): Finding => ({
  kind,
  verdict,
  where,
  message,
});

const query = (name: string, extra: object = {}) => ({ in: 'query', name, schema: { type: 'string' }, ...extra });

describe('compareParameters: added and removed', () => {
  it('a required parameter added is breaking; an optional one is compatible', () => {
    expect(compare([], [query('q', { required: true })])).toEqual([
      f('parameter-added-required', 'breaking', 'query parameter q', 'required parameter added'),
    ]);
    expect(compare([], [query('q')])).toEqual([
      f('parameter-added-optional', 'compatible', 'query parameter q', 'optional parameter added'),
    ]);
  });

  it('a path parameter added is required, whatever its `required` says', () => {
    const found = compare([], [{ in: 'path', name: 'id', required: false }], '/a', '/a/{id}');
    expect(found).toEqual([f('parameter-added-required', 'breaking', 'path parameter id', 'required parameter added')]);
  });

  it('a parameter removed is breaking', () => {
    expect(compare([query('q')], [])).toEqual([
      f(
        'parameter-removed',
        'breaking',
        'query parameter q',
        'parameter removed: a client that sends it is no longer understood',
      ),
    ]);
  });

  it('query names are compared exactly: a case change is one removed and one added', () => {
    expect(compare([query('Fields')], [query('fields')]).map((x) => `${x.kind} ${x.where}`)).toEqual([
      'parameter-added-optional query parameter fields',
      'parameter-removed query parameter Fields',
    ]);
  });

  it('header names are compared case-insensitively: a case change is no change', () => {
    const header = (name: string) => ({ in: 'header', name, required: true, schema: { type: 'string' } });
    expect(compare([header('X-Request-Id')], [header('x-request-id')])).toEqual([]);
  });

  it('a parameter moved from query to header is one removed and one added', () => {
    const found = compare([query('q')], [{ ...query('q'), in: 'header' }]);
    expect(found.map((x) => `${x.kind} ${x.where}`)).toEqual([
      'parameter-added-optional header parameter q',
      'parameter-removed query parameter q',
    ]);
  });
});

describe('compareParameters: path parameters by position', () => {
  const path = (name: string, schema: object = { type: 'string' }) => ({ in: 'path', name, required: true, schema });

  it('a path parameter renamed in the same place is no change', () => {
    expect(compare([path('id')], [path('author_id')], '/a/{id}', '/a/{author_id}')).toEqual([]);
  });

  it('a renamed path parameter whose schema changed is reported under its new name', () => {
    const found = compare([path('id')], [path('author_id', { type: 'integer' })], '/a/{id}', '/a/{author_id}');
    expect(found).toEqual([f('parameter-narrowed', 'breaking', 'path parameter author_id', 'type string -> integer')]);
  });

  it('two path parameters swapped by name are compared by position', () => {
    const base = [path('a', { type: 'string' }), path('b', { type: 'integer' })];
    const head = [path('b', { type: 'integer' }), path('a', { type: 'string' })];
    // `/x/{a}/{b}` -> `/x/{b}/{a}`: the first segment was a string and is now an integer
    const found = compare(base, head, '/x/{a}/{b}', '/x/{b}/{a}');
    expect(found.map((x) => `${x.kind} ${x.where} ${x.message}`)).toEqual([
      'parameter-narrowed path parameter b type string -> integer',
      'parameter-narrowed path parameter a type integer -> string',
    ]);
  });
});

describe('compareParameters: required-ness, values, serialization', () => {
  it('a parameter made required is breaking; made optional is compatible', () => {
    expect(compare([query('q')], [query('q', { required: true })])).toEqual([
      f('parameter-became-required', 'breaking', 'query parameter q', 'parameter became required'),
    ]);
    expect(compare([query('q', { required: true })], [query('q', { required: false })])).toEqual([
      f('parameter-became-optional', 'compatible', 'query parameter q', 'parameter became optional'),
    ]);
  });

  it("compares a parameter's schema on the sending side: narrowed breaks, widened does not", () => {
    const mode = (values: string[]) => query('mode', { schema: { type: 'string', enum: values } });
    expect(compare([mode(['a', 'b'])], [mode(['a'])])).toEqual([
      f('parameter-narrowed', 'breaking', 'query parameter mode', 'enum value "b" removed'),
    ]);
    expect(compare([mode(['a'])], [mode(['a', 'b'])])).toEqual([
      f('parameter-widened', 'compatible', 'query parameter mode', 'enum value "b" added'),
    ]);
    const count = (type: string) => query('count', { schema: { type } });
    expect(compare([count('integer')], [count('number')])).toEqual([
      f('parameter-widened', 'compatible', 'query parameter count', 'type integer -> number'),
    ]);
  });

  it('compares the schema of a parameter given by `content`', () => {
    const json = (max: number) => ({
      in: 'query',
      name: 'filter',
      content: { 'application/json': { schema: { type: 'string', maxLength: max } } },
    });
    expect(compare([json(10)], [json(5)])).toEqual([
      f('parameter-narrowed', 'breaking', 'query parameter filter', 'maxLength 10 -> 5'),
    ]);
  });

  it('a serialization change (style, explode, allowReserved, allowEmptyValue) is breaking', () => {
    const list = (extra: object) => query('ids', { schema: { type: 'array', items: { type: 'string' } }, ...extra });
    // defaults filled in: explode is true only for form, so pipeDelimited also stops exploding
    expect(compare([list({ style: 'form' })], [list({ style: 'pipeDelimited' })])).toEqual([
      f('parameter-narrowed', 'breaking', 'query parameter ids', 'style "form" -> "pipeDelimited"'),
      f('parameter-narrowed', 'breaking', 'query parameter ids', 'explode true -> false'),
    ]);
    expect(compare([list({ style: 'form', explode: false })], [list({ style: 'form' })])).toEqual([
      f('parameter-narrowed', 'breaking', 'query parameter ids', 'explode false -> true'),
    ]);
    expect(compare([list({})], [list({ allowReserved: true, allowEmptyValue: true })])).toEqual([
      f('parameter-narrowed', 'breaking', 'query parameter ids', 'allowReserved false -> true'),
      f('parameter-narrowed', 'breaking', 'query parameter ids', 'allowEmptyValue false -> true'),
    ]);
  });

  // Regression: `style: form` is the default for a query parameter (OpenAPI 3.x), so dropping it from
  // idcheck's `fields` changes nothing on the wire; the diff reported parameter-narrowed, breaking,
  // `style form -> default`. The same for writing out a default (`explode: true` with form).
  it('writing out or dropping a default style is no change', () => {
    const head: Loose = structuredClone(idcheck);
    delete head.components.parameters.Fields.style;
    const key = 'DELETE /v3/submission/partial';
    const [b, h] = [operationsOf(idcheck).get(key), operationsOf(head).get(key)] as SpecOperation[];
    expect(compareParameters({ base: idcheck, head }, b as SpecOperation, h as SpecOperation)).toEqual([]);
    expect(compare([query('q')], [query('q', { style: 'form', explode: true })])).toEqual([]);
  });

  it('a shared parameter of the real spec, changed in components, is found at its operation', () => {
    const head: Loose = structuredClone(idcheck);
    head.components.parameters.Fields.schema.minItems = 2;
    const key = 'DELETE /v3/submission/partial';
    const [b, h] = [operationsOf(idcheck).get(key), operationsOf(head).get(key)] as SpecOperation[];
    expect(compareParameters({ base: idcheck, head }, b as SpecOperation, h as SpecOperation)).toEqual([
      f('parameter-narrowed', 'breaking', 'query parameter fields', 'minItems 1 -> 2'),
    ]);
  });

  it('finds nothing between the real spec and a copy', () => {
    const copy = structuredClone(idcheck);
    const [before, after] = [operationsOf(idcheck), operationsOf(copy)];
    for (const [key, op] of before) {
      expect(compareParameters({ base: idcheck, head: copy }, op, after.get(key) as SpecOperation)).toEqual([]);
    }
  });
});
