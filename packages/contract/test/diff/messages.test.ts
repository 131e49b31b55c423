import { document as idcheck } from '@scrub/spec/idcheck/document';
import { describe, expect, it } from 'vitest';
import { compareMessages } from '../../src/diff/messages.js';
import { operationsOf, type SpecOperation } from '../../src/diff/operations.js';
import type { Finding } from '../../src/diff/side.js';

/** A parsed spec that edits reach into like a spec author would. */
type Loose = Record<string, any>;

type Message = [status: number, message: string];
const op = (messages: Message[] | undefined): SpecOperation => ({
  key: 'GET /a',
  label: 'GET /a',
  operationId: 'op',
  node:
    messages === undefined ? {} : { 'x-error-messages': messages.map(([status, message]) => ({ status, message })) },
  parameters: [],
});
const compare = (base: Message[] | undefined, head: Message[] | undefined) => compareMessages(op(base), op(head));

const f = (kind: Finding['kind'], verdict: Finding['verdict'], where: string, message: string): Finding => ({
  kind,
  verdict,
  where,
  message,
});
const at = (message: string) => `error message ${JSON.stringify(message)}`;

const A: Message = [400, 'submission_id is required'];
const B: Message = [400, 'fields must be a string'];
const C: Message = [404, 'Projection not found'];

describe('compareMessages', () => {
  it('finds nothing for the same messages, or when neither version documents any', () => {
    expect(compare([A, B, C], [A, B, C])).toEqual([]);
    expect(compare(undefined, undefined)).toEqual([]);
    expect(compare(undefined, [])).toEqual([]);
  });

  it('a message added is breaking (a new member of a closed union)', () => {
    expect(compare([A], [A, C])).toEqual([
      f('error-message-added', 'breaking', at('Projection not found'), 'message added (status 404)'),
    ]);
    expect(compare(undefined, [A])).toEqual([
      f('error-message-added', 'breaking', at('submission_id is required'), 'message added (status 400)'),
    ]);
  });

  it('a message removed is compatible: that answer no longer comes', () => {
    expect(compare([A, C], [A])).toEqual([
      f('error-message-removed', 'compatible', at('Projection not found'), 'message removed: it no longer comes'),
    ]);
  });

  it('a message reworded under the same status is breaking: apps match its exact text', () => {
    expect(compare([A, C], [[400, 'submission_id is missing'], C])).toEqual([
      f(
        'error-message-changed',
        'breaking',
        at('submission_id is missing'),
        'text changed from "submission_id is required" to "submission_id is missing" (status 400)',
      ),
    ]);
  });

  it('a message whose status changed is breaking', () => {
    expect(compare([A, C], [[422, A[1]], C])).toEqual([
      f('error-message-status-changed', 'breaking', at(A[1]), 'status 400 -> 422'),
    ]);
  });

  it('a template whose placeholder names changed is compatible: the wire text is the same', () => {
    const base: Message[] = [[400, 'invalid format for {field}: empty name at position {position}']];
    const head: Message[] = [[400, 'invalid format for {name}: empty name at position {index}']];
    expect(compare(base, head)).toEqual([
      f(
        'error-message-placeholder-renamed',
        'compatible',
        at(head[0]?.[1] as string),
        'placeholders renamed ("invalid format for {field}: empty name at position {position}" -> ' +
          '"invalid format for {name}: empty name at position {index}"); the wire text is the same',
      ),
    ]);
  });

  it('a placeholder rename with a status change reports both', () => {
    const found = compare([[400, 'bad {a}']], [[422, 'bad {b}']]);
    expect(found.map((x) => [x.kind, x.verdict, x.where])).toEqual([
      ['error-message-placeholder-renamed', 'compatible', at('bad {b}')],
      ['error-message-status-changed', 'breaking', at('bad {b}')],
    ]);
  });

  it('a template whose literal text changed is reworded, not renamed', () => {
    expect(compare([[400, 'bad {a}']], [[400, 'wrong {a}']])[0]?.kind).toBe('error-message-changed');
  });

  it('a message replaced by one of another status is one removed and one added', () => {
    expect(compare([A], [C]).map((x) => `${x.kind} ${x.where}`)).toEqual([
      `error-message-added ${at(C[1])}`,
      `error-message-removed ${at(A[1])}`,
    ]);
  });

  it('an order change is breaking: a request with several faults can get another message', () => {
    expect(compare([A, B, C], [B, A, C])).toEqual([
      f(
        'error-message-order-changed',
        'breaking',
        'error messages',
        'check order changed: a request with several faults can get another message',
      ),
    ]);
  });

  it('a reworded message moved is both a change and an order change', () => {
    const found = compare([A, B], [B, [400, 'submission_id is missing']]);
    expect(found.map((x) => x.kind).sort()).toEqual(['error-message-changed', 'error-message-order-changed']);
  });

  it('a message added or removed in the middle is not an order change', () => {
    expect(compare([A, C], [A, B, C]).map((x) => x.kind)).toEqual(['error-message-added']);
    expect(compare([A, B, C], [A, C]).map((x) => x.kind)).toEqual(['error-message-removed']);
    expect(compare([A, C], [B, A, C]).map((x) => x.kind)).toEqual(['error-message-added']);
  });

  it('reads a status written as a string like the same number', () => {
    const base = op([A]);
    const head: SpecOperation = { ...base, node: { 'x-error-messages': [{ status: '400', message: A[1] }] } };
    expect(compareMessages(base, head)).toEqual([]);
  });

  it('ignores entries that are not objects', () => {
    const base = op([A]);
    const head: SpecOperation = { ...base, node: { 'x-error-messages': [{ status: 400, message: A[1] }, 'x', null] } };
    expect(compareMessages(base, head)).toEqual([]);
  });

  it("compares the real spec's documented messages", () => {
    const head: Loose = structuredClone(idcheck);
    const messages = head.paths['/v3/submission/partial'].delete['x-error-messages'];
    messages.splice(1, 0, { status: 400, message: 'project is archived' });
    const key = 'DELETE /v3/submission/partial';
    const [b, h] = [operationsOf(idcheck).get(key), operationsOf(head).get(key)] as SpecOperation[];
    expect(compareMessages(b as SpecOperation, h as SpecOperation)).toEqual([
      f('error-message-added', 'breaking', at('project is archived'), 'message added (status 400)'),
    ]);
    const same = operationsOf(structuredClone(idcheck));
    for (const [opKey, operation] of operationsOf(idcheck)) {
      expect(compareMessages(operation, same.get(opKey) as SpecOperation)).toEqual([]);
    }
  });
});
