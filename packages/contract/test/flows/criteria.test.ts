import { describe, expect, it } from 'vitest';
import {
  allHold,
  CriterionError,
  check,
  failureLine,
  parseAbsence,
  parseCriterion,
  readCriterion,
  shown,
} from '../../src/flows/criteria.js';
import type { Scope } from '../../src/flows/expressions.js';

const scope: Scope = {
  inputs: { runId: 'r1' },
  steps: { delete: { timestamp: '2026-01-01T00:00:00Z', count: 2 } },
  response: {
    status: 200,
    headers: {},
    body: { timestamp: '2026-01-01T00:00:05Z', count: 2, type: "it's", list: [1, 2], data: { last_name: 'L' } },
  },
};
const failureOf = (condition: string) => check(parseCriterion(condition), scope);

describe('parseCriterion', () => {
  it('reads one comparison with each kind of operand', () => {
    const c = parseCriterion("$response.body#/type == 'it''s'");
    expect(c.op).toBe('==');
    expect(c.left).toMatchObject({ kind: 'expression', expression: { kind: 'body', pointer: ['type'] } });
    expect(c.right).toEqual({ kind: 'literal', value: "it's", text: "'it''s'" });
    expect(parseCriterion('$statusCode >= -1.5e2').right).toMatchObject({ value: -150 });
    expect(parseCriterion('$statusCode != null').right).toMatchObject({ value: null });
    expect(parseCriterion('true == false').left).toMatchObject({ value: true });
    expect(parseCriterion("$inputs.runId == 'a b == c'").right).toMatchObject({ value: 'a b == c' });
  });

  it('refuses anything but one comparison', () => {
    for (const bad of [
      '$statusCode == 200 && $statusCode == 201',
      '$statusCode',
      '$statusCode === 200',
      '$statusCode == ',
      '$statusCode == abc',
      "$statusCode == 'open",
      '$statusCode == $url',
    ])
      expect(() => parseCriterion(bad), bad).toThrow(CriterionError);
    expect(() => parseCriterion('$statusCode =~ 2')).toThrow('op one of == != <= >= < >');
  });
});

describe('check', () => {
  it('holds or gives the value found and the one expected', () => {
    expect(failureOf('$statusCode == 200')).toBeUndefined();
    expect(failureOf('$statusCode == 201')).toEqual({ criterion: '$statusCode == 201', actual: 200, expected: 201 });
    expect(failureOf('$response.body#/timestamp == $steps.delete.outputs.timestamp')).toEqual({
      criterion: '$response.body#/timestamp == $steps.delete.outputs.timestamp',
      actual: '2026-01-01T00:00:05Z',
      expected: '2026-01-01T00:00:00Z',
    });
  });

  it('compares JSON deeply and never across types', () => {
    expect(failureOf('$response.body#/count == $steps.delete.outputs.count')).toBeUndefined();
    expect(failureOf("$response.body#/count == '2'")).toBeDefined();
    expect(failureOf('$response.body#/list == $response.body#/list')).toBeUndefined();
  });

  it('takes a missing value as null, and only as null', () => {
    expect(failureOf('$response.body#/data/first_name == null')).toBeUndefined();
    expect(failureOf('$response.body#/data/last_name == null')).toEqual({
      criterion: '$response.body#/data/last_name == null',
      actual: 'L',
      expected: null,
    });
    expect(failureOf('$response.body#/data/first_name != null')).toMatchObject({ actual: undefined });
    expect(failureOf("$response.body#/data/first_name == ''")).toBeDefined();
  });

  it('orders numbers and strings, nothing else', () => {
    expect(failureOf('$response.body#/count > 1')).toBeUndefined();
    expect(failureOf('$response.body#/count <= 1')).toBeDefined();
    expect(failureOf('$response.body#/timestamp > $steps.delete.outputs.timestamp')).toBeUndefined();
    expect(failureOf('$response.body#/timestamp < 3')).toBeDefined();
    expect(failureOf('$response.body#/nothing >= 0')).toBeDefined();
  });

  it('allHold: all criteria, or none given', () => {
    expect(allHold([], scope)).toBe(true);
    expect(allHold([parseCriterion('$statusCode == 200'), parseCriterion('$response.body#/count == 2')], scope)).toBe(
      true,
    );
    expect(allHold([parseCriterion('$statusCode == 200'), parseCriterion('$response.body#/count == 3')], scope)).toBe(
      false,
    );
  });
});

describe('failureLine', () => {
  it('names the field, the expected value and where it came from, and the value found', () => {
    expect(failureLine(failureOf('$response.body#/timestamp == $steps.delete.outputs.timestamp')!)).toBe(
      "timestamp: expected '2026-01-01T00:00:00Z' (from step delete), got '2026-01-01T00:00:05Z'",
    );
    expect(failureLine(failureOf('$statusCode == 404')!)).toBe('status: expected 404, got 200');
    expect(failureLine(failureOf('$response.body#/count > 5')!)).toBe('count: expected > 5, got 2');
    expect(failureLine(failureOf('$response.body#/missing == $inputs.runId')!)).toBe(
      "missing: expected 'r1' (from input runId), got missing",
    );
  });

  it('shows a hidden value as [redacted], a missing one as missing', () => {
    const f = {
      criterion: '$response.body#/data/last_name == $steps.read.outputs.lastName',
      actual: undefined,
      expected: 'x',
    };
    expect(failureLine(f, (v) => (v === undefined ? v : '[redacted]'))).toBe(
      'last_name: expected [redacted] (from step read), got missing',
    );
    expect(shown({ a: 1 })).toBe('{"a":1}');
  });

  it('falls back to the criterion as written when it is not one', () => {
    expect(failureLine({ criterion: 'an answer', actual: 'fetch failed', expected: 'an answer' })).toBe(
      "an answer: expected 'an answer', got 'fetch failed'",
    );
  });
});

describe('the JSONPath absence test', () => {
  it('reads $[?!@.a.b[0].c] as the body value at /a/b/0/c being null or missing', () => {
    const c = parseAbsence('$[?!@.Items[0].data.first_name]');
    expect(c).toMatchObject({
      condition: '$[?!@.Items[0].data.first_name]',
      left: { kind: 'expression', expression: { kind: 'body', pointer: ['Items', '0', 'data', 'first_name'] } },
      op: '==',
      right: { kind: 'literal', value: null },
      absence: true,
    });
    const body = (data: unknown) => ({ ...scope, response: { status: 200, headers: {}, body: { Items: [{ data }] } } });
    expect(check(c, body({ last_name: 'L' }))).toBeUndefined();
    expect(check(c, body({ first_name: null }))).toBeUndefined();
    expect(check(c, body({ first_name: 'Ada' }))).toEqual({
      criterion: '$[?!@.Items[0].data.first_name]',
      actual: 'Ada',
      expected: null,
    });
    expect(readCriterion('$[?!@.items]')).toMatchObject({ absence: true });
    expect(readCriterion('$statusCode == 200').absence).toBeUndefined();
  });

  it('refuses any other JSONPath', () => {
    for (const bad of ['$[?@.a]', '$.a', '$[?!@.a && @.b]', '$[?!@.a[*]]', '$[?!@]'])
      expect(() => parseAbsence(bad), bad).toThrow(CriterionError);
  });

  it('fails naming the field that is still there', () => {
    const failure = { criterion: '$[?!@.Items[0].image.idImage]', actual: 'https://x', expected: null };
    expect(failureLine(failure)).toBe("idImage: expected no value, got 'https://x'");
    expect(failureLine(failure, () => '[redacted]')).toBe('idImage: expected no value, got [redacted]');
  });
});
