import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  evaluate,
  expressionsIn,
  expressionText,
  MissingValueError,
  parseExpression,
  resolve,
  type Scope,
} from '../../src/flows/expressions.js';

const scope: Scope = {
  inputs: { runId: 'r1', token: 'tok' },
  steps: { delete: { timestamp: '2026-01-01T00:00:00Z', count: 2 } },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: { Items: [{ data: { last_name: 'Lovelace' } }], 'a/b': { '~x': 1 }, n: null },
  },
};

describe('parseExpression', () => {
  it('reads each expression of the subset', () => {
    expect(parseExpression('$statusCode')).toEqual({ kind: 'statusCode' });
    expect(parseExpression('$inputs.runId')).toEqual({ kind: 'input', name: 'runId' });
    expect(parseExpression('$steps.delete.outputs.timestamp')).toEqual({
      kind: 'output',
      stepId: 'delete',
      name: 'timestamp',
    });
    expect(parseExpression('$response.body#/Items/0/data')).toEqual({ kind: 'body', pointer: ['Items', '0', 'data'] });
    expect(parseExpression('$response.body')).toEqual({ kind: 'body', pointer: [] });
    expect(parseExpression('$response.header.Content-Type')).toEqual({ kind: 'header', name: 'content-type' });
  });

  it('unescapes ~1 and ~0 in pointers, and writes them back', () => {
    const e = parseExpression('$response.body#/a~1b/~0x');
    expect(e).toEqual({ kind: 'body', pointer: ['a/b', '~x'] });
    expect(expressionText(e)).toBe('$response.body#/a~1b/~0x');
    expect(evaluate(e, scope)).toBe(1);
  });

  it('refuses what the subset does not have, naming what it has', () => {
    expect(() => parseExpression('$url')).toThrow(ExpressionError);
    expect(() => parseExpression('$request.body#/a')).toThrow(/\$inputs\.<name>, \$steps\.<step>\.outputs\.<name>/);
    expect(() => parseExpression('$response.body#a')).toThrow('"a" is not a JSON pointer');
    expect(() => parseExpression('$steps.a.b')).toThrow(ExpressionError);
  });
});

describe('evaluate', () => {
  it('reads inputs, outputs, status, body and headers', () => {
    expect(evaluate(parseExpression('$inputs.runId'), scope)).toBe('r1');
    expect(evaluate(parseExpression('$steps.delete.outputs.count'), scope)).toBe(2);
    expect(evaluate(parseExpression('$statusCode'), scope)).toBe(200);
    expect(evaluate(parseExpression('$response.body#/Items/0/data/last_name'), scope)).toBe('Lovelace');
    expect(evaluate(parseExpression('$response.header.CONTENT-TYPE'), scope)).toBe('application/json');
    expect(evaluate(parseExpression('$response.body#/n'), scope)).toBeNull();
  });

  it('gives undefined for a value that is not there, whatever is missing', () => {
    for (const text of [
      '$response.body#/Items/1/data',
      '$response.body#/Items/x',
      '$response.body#/Items/0/data/last_name/deeper',
      '$response.body#/toString',
      '$response.header.x-nothing',
      '$inputs.apiKey',
      '$steps.nothing.outputs.x',
      '$steps.delete.outputs.nothing',
    ])
      expect(evaluate(parseExpression(text), scope), text).toBeUndefined();
    expect(evaluate(parseExpression('$statusCode'), { ...scope, response: undefined })).toBeUndefined();
  });
});

describe('resolve', () => {
  it('replaces whole expressions by their value and embedded ones by their text', () => {
    expect(
      resolve(
        {
          author_id: 'flow-{$inputs.runId}',
          n: '$steps.delete.outputs.count',
          list: ['{$inputs.runId}-{$inputs.runId}'],
        },
        scope,
      ),
    ).toEqual({ author_id: 'flow-r1', n: 2, list: ['r1-r1'] });
    expect(resolve('Token token={$inputs.token}', scope)).toBe('Token token=tok');
    expect(resolve(7, scope)).toBe(7);
  });

  it('throws MissingValueError naming a missing value (no request goes out with a hole)', () => {
    expect(() => resolve({ a: 'x-{$inputs.apiKey}' }, scope)).toThrow(new MissingValueError('$inputs.apiKey'));
    expect(() => resolve('$steps.delete.outputs.nothing', scope)).toThrow('$steps.delete.outputs.nothing is missing');
  });
});

describe('expressionsIn', () => {
  it('finds whole and embedded expressions, deep', () => {
    expect(expressionsIn({ a: ['$inputs.runId', 'x {$statusCode} y'], b: 1, c: 'plain' })).toEqual([
      { kind: 'input', name: 'runId' },
      { kind: 'statusCode' },
    ]);
  });

  it('throws for an embedded expression outside the subset', () => {
    expect(() => expressionsIn('a {$url} b')).toThrow(ExpressionError);
  });
});
