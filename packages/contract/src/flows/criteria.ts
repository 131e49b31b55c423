// successCriteria of the shared subset: one comparison `<operand> <op> <operand>`, each operand an
// expression, a number, true, false, null or a 'single-quoted string'. A criterion that does not hold
// is a failure holding the value found and the value it was compared with.
import { isDeepStrictEqual } from 'node:util';
import { evaluate, parseExpression, type Scope } from './expressions.js';
import type { Criterion, Failure, Operand, Operator } from './model.js';

export type { Criterion, Operand, Operator } from './model.js';

export class CriterionError extends Error {
  override name = 'CriterionError';
}

const OPERATORS: readonly string[] = ['==', '!=', '<=', '>=', '<', '>'];
const TOKEN = /\s*('(?:[^']|'')*'|\S+)/y;

function operand(text: string): Operand {
  if (text.startsWith("'") && (text.length < 2 || !text.endsWith("'")))
    throw new CriterionError(`${text} is a string without its closing quote`);
  if (text.startsWith("'")) return { kind: 'literal', value: text.slice(1, -1).replace(/''/g, "'"), text };
  if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true', text };
  if (text === 'null') return { kind: 'literal', value: null, text };
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return { kind: 'literal', value: Number(text), text };
  if (text.startsWith('$')) return { kind: 'expression', expression: parseExpression(text), text };
  throw new CriterionError(
    `operand ${text} is none of: an expression, a number, true, false, null, a 'single-quoted string'`,
  );
}

/**
 * The one JSONPath form the shared flows use (`type: jsonpath`, `context: $response.body`): the
 * absence test `$[?!@.a.b[0].c]`, which passes when the path reaches no value. Read as the comparison
 * `$response.body#/a/b/0/c == null`, so it fails like any other criterion, naming the value found.
 */
const ABSENT = /^\$\[\?!@((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+)\]$/;

export function parseAbsence(condition: string): Criterion {
  const m = ABSENT.exec(condition);
  if (!m) throw new CriterionError(`"${condition}" is not the JSONPath absence test $[?!@.a.b[0].c]`);
  const pointer = [...m[1]!.matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)].map((x) => (x[1] ?? x[2])!);
  const text = `$response.body#/${pointer.join('/')}`;
  const left: Operand = { kind: 'expression', expression: { kind: 'body', pointer }, text };
  return { condition, left, op: '==', right: { kind: 'literal', value: null, text: 'null' }, absence: true };
}

/** Parses a condition of exactly one comparison; throws CriterionError saying what is wrong. */
export function parseCriterion(condition: string): Criterion {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(condition); m; m = TOKEN.exec(condition)) tokens.push(m[1]!);
  const [left, op, right, ...rest] = tokens;
  if (!left || !op || !right || rest.length || !OPERATORS.includes(op))
    throw new CriterionError(
      `"${condition}" is not one comparison <operand> <op> <operand> (op one of ${OPERATORS.join(' ')})`,
    );
  try {
    return { condition, left: operand(left), op: op as Operator, right: operand(right) };
  } catch (error) {
    throw new CriterionError(`"${condition}": ${(error as Error).message}`);
  }
}

const operandValue = (o: Operand, scope: Scope) => (o.kind === 'literal' ? o.value : evaluate(o.expression, scope));

/** A missing value equals null: `== null` is how a flow says a field is gone. */
const orNull = (value: unknown) => (value === undefined ? null : value);

function holds(actual: unknown, op: Operator, expected: unknown): boolean {
  if (op === '==') return isDeepStrictEqual(orNull(actual), orNull(expected));
  if (op === '!=') return !isDeepStrictEqual(orNull(actual), orNull(expected));
  // order only between two numbers or two strings (ISO timestamps compare as text)
  const comparable =
    (typeof actual === 'number' && typeof expected === 'number') ||
    (typeof actual === 'string' && typeof expected === 'string');
  if (!comparable) return false;
  const a = actual as number | string;
  const b = expected as number | string;
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

/** A criterion as a failure names it: a comparison or the absence test. */
export const readCriterion = (condition: string): Criterion =>
  condition.startsWith('$[') ? parseAbsence(condition) : parseCriterion(condition);

/** The failure of `criterion` in `scope`, or undefined when it holds. */
export function check(criterion: Criterion, scope: Scope): Failure | undefined {
  const actual = operandValue(criterion.left, scope);
  const expected = operandValue(criterion.right, scope);
  return holds(actual, criterion.op, expected) ? undefined : { criterion: criterion.condition, actual, expected };
}

/** Whether every criterion holds (an action without criteria always applies). */
export const allHold = (criteria: readonly Criterion[], scope: Scope): boolean =>
  criteria.every((c) => !check(c, scope));

/** The name a failure line gives an operand: a field, a header, `status`, an output or input name. */
export function labelOf(o: Operand): string {
  if (o.kind === 'literal') return o.text;
  const e = o.expression;
  if (e.kind === 'statusCode') return 'status';
  if (e.kind === 'body') return e.pointer.at(-1) ?? 'body';
  if (e.kind === 'header') return `header ${e.name}`;
  return e.name;
}

/** Where a compared value came from, for a failure line: ` (from step delete)`, ` (from input runId)`. */
export function sourceOf(o: Operand): string {
  if (o.kind !== 'expression') return '';
  const e = o.expression;
  if (e.kind === 'output') return ` (from step ${e.stepId})`;
  if (e.kind === 'input') return ` (from input ${e.name})`;
  return '';
}

/** A value in a failure line: 'text' quoted, `missing` for a value that is not there, JSON otherwise. */
export function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === '[redacted]') return value; // a personal value a report does not show
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/**
 * A failure as one line, e.g. `timestamp: expected '2026-...Z' (from step delete), got '2026-...Z'`.
 * `hide` replaces values that must not be shown (personal data) before they are written.
 */
export function failureLine(failure: Failure, hide: (value: unknown) => unknown = (v) => v): string {
  let criterion: Criterion;
  try {
    criterion = readCriterion(failure.criterion);
  } catch {
    return `${failure.criterion}: expected ${shown(hide(failure.expected))}, got ${shown(hide(failure.actual))}`;
  }
  if (criterion.absence) return `${labelOf(criterion.left)}: expected no value, got ${shown(hide(failure.actual))}`;
  const op = criterion.op === '==' ? '' : `${criterion.op} `;
  const expected = `${op}${shown(hide(failure.expected))}${sourceOf(criterion.right)}`;
  return `${labelOf(criterion.left)}: expected ${expected}, got ${shown(hide(failure.actual))}`;
}
