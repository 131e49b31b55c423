// Arazzo runtime expressions of the shared subset: `$inputs.<name>`, `$steps.<id>.outputs.<name>`,
// `$statusCode`, `$response.body#<JSON pointer>`, `$response.header.<name>`; whole, or embedded in a
// string as `{$...}`. A value that is not there evaluates to undefined ("missing"), never throws.
import type { Expression, FlowResponse } from './model.js';

export type { Expression } from './model.js';

/** What an expression is evaluated against. */
export interface Scope {
  inputs: Readonly<Record<string, string | undefined>>;
  /** Step id -> its outputs so far. */
  steps: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The answer of the step being judged (absent while its request is built). */
  response?: FlowResponse;
}

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

const NAME = '[A-Za-z0-9_.-]+';
const PATTERNS: [RegExp, (m: RegExpExecArray) => Expression][] = [
  [/^\$statusCode$/, () => ({ kind: 'statusCode' })],
  [new RegExp(`^\\$inputs\\.(${NAME})$`), (m) => ({ kind: 'input', name: m[1]! })],
  [/^\$steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_.-]+)$/, (m) => ({ kind: 'output', stepId: m[1]!, name: m[2]! })],
  [/^\$response\.body(?:#(.*))?$/s, (m) => ({ kind: 'body', pointer: pointerOf(m[1] ?? '') })],
  [/^\$response\.header\.([A-Za-z0-9!#$%&'*+.^_`|~-]+)$/, (m) => ({ kind: 'header', name: m[1]!.toLowerCase() })],
];

/** The segments of a JSON pointer (`''` is the whole document). */
function pointerOf(text: string): string[] {
  if (text === '') return [];
  if (!text.startsWith('/')) throw new ExpressionError(`"${text}" is not a JSON pointer (it must start with /)`);
  return text
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Parses one whole expression; throws ExpressionError naming what the subset allows. */
export function parseExpression(text: string): Expression {
  for (const [re, build] of PATTERNS) {
    const m = re.exec(text);
    if (m) return build(m);
  }
  throw new ExpressionError(
    `"${text}" is not an expression of the shared format ($inputs.<name>, $steps.<step>.outputs.<name>, ` +
      '$statusCode, $response.body#<pointer>, $response.header.<name>)',
  );
}

const EMBEDDED = /\{(\$[^{}]*)\}/g;

/** Every expression a value holds: whole (a string starting with `$`), embedded, or inside objects and arrays. */
export function expressionsIn(value: unknown): Expression[] {
  if (typeof value === 'string') {
    if (value.startsWith('$')) return [parseExpression(value)];
    return [...value.matchAll(EMBEDDED)].map((m) => parseExpression(m[1]!));
  }
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(expressionsIn);
  return [];
}

function at(value: unknown, pointer: readonly string[]): unknown {
  let node = value;
  for (const key of pointer) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(key) ? node[Number(key)] : undefined;
    else if (node && typeof node === 'object' && Object.hasOwn(node, key))
      node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

/** The value of an expression in `scope`; undefined when it is missing. */
export function evaluate(expression: Expression, scope: Scope): unknown {
  switch (expression.kind) {
    case 'statusCode':
      return scope.response?.status;
    case 'input':
      return scope.inputs[expression.name];
    case 'output':
      return scope.steps[expression.stepId]?.[expression.name];
    case 'body':
      return scope.response ? at(scope.response.body, expression.pointer) : undefined;
    case 'header':
      return scope.response?.headers[expression.name];
  }
}

const pointerText = (pointer: readonly string[]) =>
  pointer.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The text of an expression (as written in a flow). */
export function expressionText(expression: Expression): string {
  switch (expression.kind) {
    case 'statusCode':
      return '$statusCode';
    case 'input':
      return `$inputs.${expression.name}`;
    case 'output':
      return `$steps.${expression.stepId}.outputs.${expression.name}`;
    case 'body':
      return `$response.body${expression.pointer.length ? '#' : ''}${pointerText(expression.pointer)}`;
    case 'header':
      return `$response.header.${expression.name}`;
  }
}

export class MissingValueError extends Error {
  override name = 'MissingValueError';
  constructor(readonly expression: string) {
    super(`${expression} is missing`);
  }
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * A value with its expressions replaced: a whole expression by its value (any JSON type), an
 * embedded one by its text. A missing value throws MissingValueError (a request is never sent with a hole).
 */
export function resolve(value: unknown, scope: Scope): unknown {
  const valueAt = (text: string) => {
    const found = evaluate(parseExpression(text), scope);
    if (found === undefined) throw new MissingValueError(text);
    return found;
  };
  if (typeof value === 'string') {
    if (value.startsWith('$')) return valueAt(value);
    return value.replace(EMBEDDED, (_all, text: string) => asText(valueAt(text)));
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, scope));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, scope)]));
  return value;
}
