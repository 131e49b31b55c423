// The one copy of the template, message and `$ref` helpers.
import { describe, expect, it } from 'vitest';
import { document } from '../src/generated/idcheck.document.js';
import {
  deref,
  fillTemplate,
  messageOf,
  operations,
  pointer,
  pointerPath,
  templateMatches,
  templateShape,
} from '../src/helpers.js';

describe('helpers', () => {
  it('templateMatches: `{name}` stands for any non-empty text, the rest is literal', () => {
    expect(templateMatches('invalid fields found in fields: {names}', 'invalid fields found in fields: a, b')).toBe(
      true,
    );
    expect(templateMatches('invalid fields found in fields: {names}', 'invalid fields found in fields: ')).toBe(false);
    expect(templateMatches('Invalid mode: {mode}', 'Invalid mode: a.b (c)')).toBe(true);
    expect(templateMatches('fields cannot be empty', 'fields cannot be emptyX')).toBe(false);
    expect(templateMatches('a.b', 'aXb')).toBe(false);
  });

  it('fillTemplate fills known parts and leaves unknown ones visible', () => {
    expect(fillTemplate('{attribute} too long', { attribute: 'id' })).toBe('id too long');
    expect(fillTemplate('{attribute} too long')).toBe('{attribute} too long');
  });

  it('messageOf reads errorCode or message, nothing else', () => {
    expect(messageOf({ errorCode: 'a' })).toBe('a');
    expect(messageOf({ type: 'error', code: 400, message: 'b' })).toBe('b');
    expect(messageOf({ message: 42 })).toBeUndefined();
    expect(messageOf('text')).toBeUndefined();
    expect(messageOf(null)).toBeUndefined();
  });

  it('deref follows local references; pointer and pointerPath escape `/` and `~`', () => {
    const op = operations(document).find((o) => o.operationId === 'getProjection')!;
    const json = deref(document, op.operation.responses['404']).content['application/json'];
    expect([json.schema, json.examples.projectionNotFound.value]).toEqual([
      { $ref: '#/components/schemas/MessageBody' },
      { message: 'Projection not found' },
    ]);
    expect(pointerPath('#/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(pointer(['a/b', 'c~d'])).toBe('#/a~1b/c~0d');
    expect(deref({ a: { $ref: '#/b' }, b: { $ref: '#/c' }, c: 3 }, { $ref: '#/a' })).toBe(3);
  });

  it('deref gives undefined for a reference that leads back to itself or nowhere, rather than looping', () => {
    expect(deref({ a: { $ref: '#/b' }, b: { $ref: '#/a' } }, { $ref: '#/a' })).toBeUndefined();
    expect(deref({ a: { $ref: '#/a' } }, { $ref: '#/a' })).toBeUndefined();
    expect(deref({}, { $ref: '#/missing/x' })).toBeUndefined();
  });

  it('templateShape leaves the placeholder names out: templates of one shape send the same messages', () => {
    expect(templateShape('invalid fields found in fields: {names}')).toBe('invalid fields found in fields: {}');
    expect(templateShape('invalid format for fields: {detail}')).toBe(
      templateShape('invalid format for fields: {reason}'),
    );
    expect(templateShape('Request Entity Too Large')).toBe('Request Entity Too Large');
  });
});
