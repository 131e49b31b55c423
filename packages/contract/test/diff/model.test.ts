// model.ts is types only. What it promises: every ChangeKind is a change the diff can report, with
// the verdict docs/decisions.md "Spec changes, judged as a client would" gives it. The examples
// below are a Record over ChangeKind, so a kind added to the model without one fails the type-check,
// and each is run through diffSpecs, so a kind no module produces fails here.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { diffSpecs } from '../../src/diff/diff.js';
import type { ChangeKind, SpecChange, SpecDiff, Verdict } from '../../src/diff/model.js';

/** A parsed spec that edits reach into like a spec author would. */
type Loose = Record<string, any>;

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const BASE: Loose = {
  openapi: '3.1.0',
  info: { title: 'Items', version: '1' },
  security: [{ Key: [] }],
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        parameters: [
          { in: 'query', name: 'mode', schema: { type: 'string', enum: ['a', 'b'] } },
          { in: 'header', name: 'X-Trace', required: true, schema: { type: 'string' } },
        ],
        'x-error-messages': [
          { status: 400, message: 'invalid {field}' },
          { status: 400, message: 'mode is not allowed' },
          { status: 404, message: 'Item not found' },
        ],
        responses: {
          200: json({
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string' }, kind: { enum: ['a', 'b'] }, note: { type: 'string' } },
          }),
          404: { description: 'not found' },
        },
      },
      post: {
        operationId: 'createItem',
        security: [{ Key: [] }, { Bearer: [] }],
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, tag: { type: 'string', maxLength: 10 } },
          }),
        },
        responses: { 201: { description: 'created' } },
      },
      patch: {
        operationId: 'patchItem',
        requestBody: { content: { 'application/json': {}, 'text/plain': {} } },
        responses: { 200: { description: 'ok' } },
      },
    },
  },
  components: {
    securitySchemes: {
      Key: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      Bearer: { type: 'http', scheme: 'bearer' },
    },
  },
};

type Edit = (head: Loose) => void;
const get = (s: Loose) => s.paths['/items'].get;
const post = (s: Loose) => s.paths['/items'].post;
const body = (s: Loose) => post(s).requestBody.content['application/json'].schema;
const ok = (s: Loose) => get(s).responses['200'].content['application/json'].schema;
const messages = (s: Loose) => get(s)['x-error-messages'];

/** One edit per kind that produces it, and the verdict the decisions give it. */
const EXAMPLES: Record<ChangeKind, [Verdict, Edit]> = {
  'operation-added': ['compatible', (s) => (s.paths['/other'] = { get: { responses: {} } })],
  'operation-removed': ['breaking', (s) => delete s.paths['/items'].patch],
  'operation-id-changed': ['breaking', (s) => (get(s).operationId = 'findItems')],
  'parameter-added-required': ['breaking', (s) => get(s).parameters.push({ in: 'query', name: 'r', required: true })],
  'parameter-added-optional': ['compatible', (s) => get(s).parameters.push({ in: 'query', name: 'o' })],
  'parameter-removed': ['breaking', (s) => get(s).parameters.shift()],
  'parameter-became-required': ['breaking', (s) => (get(s).parameters[0].required = true)],
  'parameter-became-optional': ['compatible', (s) => (get(s).parameters[1].required = false)],
  'parameter-narrowed': ['breaking', (s) => get(s).parameters[0].schema.enum.pop()],
  'parameter-widened': ['compatible', (s) => get(s).parameters[0].schema.enum.push('c')],
  'request-body-added-required': ['breaking', (s) => (get(s).requestBody = { required: true, ...json({}) })],
  'request-body-added-optional': ['compatible', (s) => (get(s).requestBody = json({}))],
  'request-body-removed': ['breaking', (s) => delete post(s).requestBody],
  'request-body-became-required': ['breaking', (s) => (s.paths['/items'].patch.requestBody.required = true)],
  'request-body-became-optional': ['compatible', (s) => (post(s).requestBody.required = false)],
  'request-media-type-added': ['compatible', (s) => (post(s).requestBody.content['application/xml'] = {})],
  'request-media-type-removed': ['breaking', (s) => delete s.paths['/items'].patch.requestBody.content['text/plain']],
  'request-property-added-required': [
    'breaking',
    (s) => {
      body(s).properties.size = { type: 'integer' };
      body(s).required.push('size');
    },
  ],
  'request-property-added-optional': ['compatible', (s) => (body(s).properties.size = { type: 'integer' })],
  'request-property-removed': ['breaking', (s) => delete body(s).properties.tag],
  'request-property-became-required': ['breaking', (s) => body(s).required.push('tag')],
  'request-property-became-optional': ['compatible', (s) => (body(s).required = [])],
  'request-narrowed': ['breaking', (s) => (body(s).properties.tag.maxLength = 5)],
  'request-widened': ['compatible', (s) => (body(s).properties.tag.maxLength = 20)],
  'response-status-added': ['breaking', (s) => (get(s).responses['500'] = { description: 'oops' })],
  'response-status-removed': ['compatible', (s) => delete get(s).responses['404']],
  'response-media-type-added': ['breaking', (s) => (get(s).responses['200'].content['text/csv'] = {})],
  'response-media-type-removed': ['breaking', (s) => (get(s).responses['200'].content = {})],
  'response-property-added': ['compatible', (s) => (ok(s).properties.size = { type: 'integer' })],
  'response-property-removed': ['breaking', (s) => delete ok(s).properties.note],
  'response-property-became-optional': ['breaking', (s) => (ok(s).required = [])],
  'response-property-became-required': ['compatible', (s) => ok(s).required.push('note')],
  'response-narrowed': ['compatible', (s) => ok(s).properties.kind.enum.pop()],
  'response-widened': ['breaking', (s) => ok(s).properties.kind.enum.push('c')],
  'error-message-added': ['breaking', (s) => messages(s).push({ status: 409, message: 'Item exists' })],
  'error-message-removed': ['compatible', (s) => messages(s).pop()],
  'error-message-changed': ['breaking', (s) => (messages(s)[1].message = 'mode is refused')],
  'error-message-status-changed': ['breaking', (s) => (messages(s)[2].status = 410)],
  'error-message-placeholder-renamed': ['compatible', (s) => (messages(s)[0].message = 'invalid {name}')],
  'error-message-order-changed': ['breaking', (s) => messages(s).reverse()],
  'security-requirement-added': ['breaking', (s) => (s.security = [{ Key: [], Bearer: [] }])],
  'security-requirement-removed': ['compatible', (s) => (s.security = [])],
  'security-alternative-added': ['compatible', (s) => s.security.push({ Bearer: [] })],
  'security-alternative-removed': ['breaking', (s) => post(s).security.pop()],
  'security-scheme-changed': ['breaking', (s) => (s.components.securitySchemes.Key.name = 'x-key')],
};

describe('the diff model', () => {
  it('types a change by its kind and verdict, and a diff by its changes', () => {
    expectTypeOf<SpecChange['kind']>().toEqualTypeOf<ChangeKind>();
    expectTypeOf<SpecChange['verdict']>().toEqualTypeOf<Verdict>();
    expectTypeOf<Verdict>().toEqualTypeOf<'breaking' | 'compatible'>();
    expectTypeOf<SpecDiff['changes']>().toEqualTypeOf<readonly SpecChange[]>();
    expectTypeOf<SpecDiff['verdict']>().toEqualTypeOf<Verdict>();
  });

  it('the base of the examples has no change against itself', () => {
    expect(diffSpecs(BASE, structuredClone(BASE)).changes).toEqual([]);
  });

  it.each(Object.entries(EXAMPLES) as [ChangeKind, [Verdict, Edit]][])(
    '%s is produced, %j',
    (kind, [verdict, edit]) => {
      const head = structuredClone(BASE);
      edit(head);
      // the edit makes this kind of change and no other
      const found = diffSpecs(BASE, head).changes.map((change) => `${change.kind} ${change.verdict}`);
      expect(found.length).toBeGreaterThan(0);
      expect(new Set(found)).toEqual(new Set([`${kind} ${verdict}`]));
    },
  );

  it('response-property-added is the one kind whose verdict depends: breaking when the base closed the object', () => {
    const head = structuredClone(BASE);
    const base = structuredClone(BASE);
    ok(base).additionalProperties = false;
    ok(head).additionalProperties = false;
    ok(head).properties.size = { type: 'integer' };
    expect(diffSpecs(base, head).changes.map((c) => [c.kind, c.verdict])).toEqual([
      ['response-property-added', 'breaking'],
    ]);
  });
});
