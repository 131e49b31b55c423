import { document as idcheck } from '@scrub/spec/idcheck/document';
import { describe, expect, it } from 'vitest';
import { compareRequestBodies, compareResponses } from '../../src/diff/bodies.js';
import type { SpecDocument } from '../../src/diff/document.js';
import { operationsOf, type SpecOperation } from '../../src/diff/operations.js';
import type { Finding } from '../../src/diff/side.js';

/** A parsed spec that edits reach into like a spec author would. */
type Loose = Record<string, any>;

const specOf = (operation: object, components: object = {}): SpecDocument => ({
  openapi: '3.1.0',
  paths: { '/a': { post: { operationId: 'op', ...operation } } },
  components,
});
const only = (doc: SpecDocument): SpecOperation => [...operationsOf(doc).values()][0] as SpecOperation;

type Compare = typeof compareRequestBodies;
function compare(compareWith: Compare, base: object, head: object, components: object = {}): Finding[] {
  const [b, h] = [specOf(base, components), specOf(head, components)];
  return compareWith({ base: b, head: h }, only(b), only(h));
}

const f = (kind: Finding['kind'], verdict: Finding['verdict'], where: string, message: string): Finding => ({
  kind,
  verdict,
  where,
  message,
});

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const body = (required: boolean | undefined, schema: object = { type: 'object' }) => ({
  requestBody: { ...(required === undefined ? {} : { required }), ...json(schema) },
});

describe('compareRequestBodies', () => {
  it('finds nothing when neither version has a body, or both have the same', () => {
    expect(compare(compareRequestBodies, {}, {})).toEqual([]);
    expect(compare(compareRequestBodies, body(true), body(true))).toEqual([]);
  });

  it('a body removed is breaking', () => {
    expect(compare(compareRequestBodies, body(true), {})).toEqual([
      f('request-body-removed', 'breaking', 'request body', 'request body removed'),
    ]);
  });

  it('a required body added is breaking; an optional one (required absent or false) is compatible', () => {
    expect(compare(compareRequestBodies, {}, body(true))).toEqual([
      f('request-body-added-required', 'breaking', 'request body', 'required request body added'),
    ]);
    expect(compare(compareRequestBodies, {}, body(undefined))).toEqual([
      f('request-body-added-optional', 'compatible', 'request body', 'optional request body added'),
    ]);
    expect(compare(compareRequestBodies, {}, body(false))[0]?.kind).toBe('request-body-added-optional');
  });

  it('a body made required is breaking; made optional is compatible', () => {
    expect(compare(compareRequestBodies, body(undefined), body(true))).toEqual([
      f('request-body-became-required', 'breaking', 'request body', 'request body became required'),
    ]);
    expect(compare(compareRequestBodies, body(true), body(false))).toEqual([
      f('request-body-became-optional', 'compatible', 'request body', 'request body became optional'),
    ]);
  });

  it('a media type added is compatible (one more a client may send); removed is breaking', () => {
    const both = { requestBody: { content: { 'application/json': {}, 'application/xml': {} } } };
    const one = { requestBody: { content: { 'application/json': {} } } };
    expect(compare(compareRequestBodies, one, both)).toEqual([
      f('request-media-type-added', 'compatible', 'request body (application/xml)', 'media type application/xml added'),
    ]);
    expect(compare(compareRequestBodies, both, one)).toEqual([
      f(
        'request-media-type-removed',
        'breaking',
        'request body (application/xml)',
        'media type application/xml removed',
      ),
    ]);
  });

  it("compares each shared media type's schema on the request side, naming the media type when several", () => {
    const of = (max: number) => ({
      requestBody: {
        content: {
          'application/json': { schema: { type: 'object', properties: { n: { type: 'integer', maximum: max } } } },
          'text/plain': { schema: { type: 'string' } },
        },
      },
    });
    expect(compare(compareRequestBodies, of(10), of(5))).toEqual([
      f('request-narrowed', 'breaking', 'request body (application/json) .n', 'maximum 10 -> 5'),
    ]);
    const single = (type: string) => body(true, { type: 'object', properties: { n: { type } } });
    expect(compare(compareRequestBodies, single('number'), single('integer'))).toEqual([
      f('request-narrowed', 'breaking', 'request body .n', 'type number -> integer'),
    ]);
  });

  it('reports a body made required together with its schema change', () => {
    const found = compare(compareRequestBodies, body(false, { type: 'object' }), body(true, { type: 'array' }));
    expect(found).toEqual([
      f('request-narrowed', 'breaking', 'request body', 'type object -> array'),
      f('request-body-became-required', 'breaking', 'request body', 'request body became required'),
    ]);
  });

  it('follows a requestBody $ref', () => {
    const components = (required: boolean) => ({ requestBodies: { B: { required, ...json({ type: 'object' }) } } });
    const base = specOf({ requestBody: { $ref: '#/components/requestBodies/B' } }, components(false));
    const head = specOf({ requestBody: { $ref: '#/components/requestBodies/B' } }, components(true));
    expect(compareRequestBodies({ base, head }, only(base), only(head))).toEqual([
      f('request-body-became-required', 'breaking', 'request body', 'request body became required'),
    ]);
  });
});

describe('compareResponses', () => {
  const responses = (statuses: Record<string, object>) => ({ responses: statuses });
  const ok = (schema: object) => ({ description: 'ok', ...json(schema) });

  it('a status added is breaking (a case the client never handled); removed is compatible', () => {
    const base = responses({ 200: ok({ type: 'object' }) });
    const head = responses({ 200: ok({ type: 'object' }), 422: { description: 'no' } });
    expect(compare(compareResponses, base, head)).toEqual([
      f('response-status-added', 'breaking', '422 response', 'status 422 added'),
    ]);
    expect(compare(compareResponses, head, base)).toEqual([
      f('response-status-removed', 'compatible', '422 response', 'status 422 removed'),
    ]);
  });

  it('a response media type added or removed is breaking', () => {
    const one = responses({ 200: { content: { 'application/json': {} } } });
    const two = responses({ 200: { content: { 'application/json': {}, 'text/csv': {} } } });
    expect(compare(compareResponses, one, two)).toEqual([
      f('response-media-type-added', 'breaking', '200 response body (text/csv)', 'media type text/csv added'),
    ]);
    expect(compare(compareResponses, two, one)).toEqual([
      f('response-media-type-removed', 'breaking', '200 response body (text/csv)', 'media type text/csv removed'),
    ]);
    // a body where there was none is a media type the client cannot read
    expect(compare(compareResponses, responses({ 204: {} }), responses({ 204: ok({}) }))).toEqual([
      f('response-media-type-added', 'breaking', '204 response body', 'media type application/json added'),
    ]);
  });

  it('compares response bodies on the receiving side', () => {
    const of = (values: string[]) => responses({ 200: ok({ type: 'object', properties: { s: { enum: values } } }) });
    expect(compare(compareResponses, of(['a']), of(['a', 'b']))).toEqual([
      f('response-widened', 'breaking', '200 response body .s', 'enum value "b" added'),
    ]);
    expect(compare(compareResponses, of(['a', 'b']), of(['a']))).toEqual([
      f('response-narrowed', 'compatible', '200 response body .s', 'enum value "b" removed'),
    ]);
  });

  it('follows a response $ref, and finds nothing when neither version documents a response', () => {
    const components = (type: string) => ({ responses: { Ok: ok({ type }) } });
    const base = specOf(responses({ 200: { $ref: '#/components/responses/Ok' } }), components('integer'));
    const head = specOf(responses({ 200: { $ref: '#/components/responses/Ok' } }), components('number'));
    expect(compareResponses({ base, head }, only(base), only(head))).toEqual([
      f('response-widened', 'breaking', '200 response body', 'type integer -> number'),
    ]);
    expect(compare(compareResponses, {}, {})).toEqual([]);
  });

  it('a status added to createProjection of the real spec is breaking; the request body is followed', () => {
    const head: Loose = structuredClone(idcheck);
    head.paths['/v3/projection'].post.responses['422'] = { description: 'Unprocessable' };
    head.components.schemas.ProjectionCreateRequest.required.push('notes');
    head.components.schemas.ProjectionCreateRequest.properties.notes = { type: 'string' };
    const key = 'POST /v3/projection';
    const [b, h] = [operationsOf(idcheck).get(key), operationsOf(head).get(key)] as SpecOperation[];
    const versions = { base: idcheck, head };
    expect(compareResponses(versions, b as SpecOperation, h as SpecOperation)).toEqual([
      f('response-status-added', 'breaking', '422 response', 'status 422 added'),
    ]);
    expect(compareRequestBodies(versions, b as SpecOperation, h as SpecOperation)).toEqual([
      f('request-property-added-required', 'breaking', 'request body .notes', 'required property added'),
    ]);
  });
});
