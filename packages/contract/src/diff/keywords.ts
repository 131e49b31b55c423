// The keyword comparisons of two schemas at one place (type, values, bounds, pattern, the rest): each
// says whether the values allowed got fewer or more. schema.ts walks into properties and branches.
import type { Node, SpecDocument } from './document.js';
import { type Direction, type Finding, type Side, valueChange } from './side.js';

export interface SchemaContext {
  readonly base: SpecDocument;
  readonly head: SpecDocument;
  readonly side: Side;
  /** Where the schema is, for people: `query parameter fields`, `200 response body`. */
  readonly label: string;
  /** The `$ref` pairs on the way here: a recursive schema is compared once per path, not forever. */
  readonly refs: ReadonlySet<string>;
}

export type Emit = (finding: Finding) => void;

const show = (value: unknown): string => JSON.stringify(value) ?? 'nothing';

export function emitValues(ctx: SchemaContext, emit: Emit, direction: Direction, where: string, what: string): void {
  emit({ ...valueChange(ctx.side, direction), where, message: what });
}

/** The JSON types a schema allows (`nullable: true` adds `null`), or undefined for any. */
function typesOf(node: Node): Set<string> | undefined {
  const { type } = node;
  const list = Array.isArray(type) ? type : typeof type === 'string' ? [type] : undefined;
  if (!list) return undefined;
  return new Set([...list.map(String), ...(node.nullable === true ? ['null'] : [])]);
}

/** `types` allows `type` (an integer is a number). */
const covers = (types: Set<string>, type: string): boolean =>
  types.has(type) || (type === 'integer' && types.has('number'));

export function compareTypes(ctx: SchemaContext, emit: Emit, base: Node, head: Node, where: string): void {
  const before = typesOf(base);
  const after = typesOf(head);
  if (!before && !after) {
    // no type on either side, but OpenAPI 3.0's `nullable` still says whether null is allowed
    const [was, is] = [base.nullable === true, head.nullable === true];
    if (was !== is) emitValues(ctx, emit, is ? 'widened' : 'narrowed', where, `nullable ${was} -> ${is}`);
    return;
  }
  const label = (types: Set<string> | undefined) => (types ? [...types].join(' | ') : 'any type');
  const what = `type ${label(before)} -> ${label(after)}`;
  if (!after) {
    emitValues(ctx, emit, 'widened', where, what);
    return;
  }
  if (!before) {
    emitValues(ctx, emit, 'narrowed', where, what);
    return;
  }
  const added = [...after].some((t) => !covers(before, t));
  const removed = [...before].some((t) => !covers(after, t));
  if (added || removed)
    emitValues(ctx, emit, added && removed ? 'changed' : added ? 'widened' : 'narrowed', where, what);
}

/** The values an `enum` or `const` allows, as JSON texts; undefined when neither is set. */
function valuesOf(node: Node): string[] | undefined {
  if ('const' in node) return [show(node.const)];
  return Array.isArray(node.enum) ? node.enum.map(show) : undefined;
}

export function compareValues(ctx: SchemaContext, emit: Emit, base: Node, head: Node, where: string): void {
  const before = valuesOf(base);
  const after = valuesOf(head);
  if (!before && !after) return;
  if (!before) {
    emitValues(ctx, emit, 'narrowed', where, `values limited to ${after?.join(', ')}`);
    return;
  }
  if (!after) {
    emitValues(ctx, emit, 'widened', where, `values no longer limited to ${before.join(', ')}`);
    return;
  }
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  if (added.length) emitValues(ctx, emit, 'widened', where, `enum value ${added.join(', ')} added`);
  if (removed.length) emitValues(ctx, emit, 'narrowed', where, `enum value ${removed.join(', ')} removed`);
}

/** Lower bounds: raising one refuses values. Upper bounds: lowering one refuses values. */
const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;

/** OpenAPI 3.0 writes `exclusiveMinimum: true` beside `minimum`: turning it on refuses the bound itself. */
function compareExclusiveFlag(ctx: SchemaContext, emit: Emit, key: string, pair: [Node, Node], where: string) {
  const [before, after] = pair.map((node) => node[key] === true);
  if (before !== after) emitValues(ctx, emit, after ? 'narrowed' : 'widened', where, `${key} ${before} -> ${after}`);
}

function compareBound(ctx: SchemaContext, emit: Emit, key: string, lower: boolean, pair: [Node, Node], where: string) {
  if (key.startsWith('exclusive') && pair.some((node) => typeof node[key] === 'boolean')) {
    compareExclusiveFlag(ctx, emit, key, pair, where);
    return;
  }
  const [before, after] = pair.map((node) => (typeof node[key] === 'number' ? (node[key] as number) : undefined));
  if (before === after) return;
  const what = `${key} ${before ?? 'none'} -> ${after ?? 'none'}`;
  if (before === undefined || after === undefined) {
    emitValues(ctx, emit, after === undefined ? 'widened' : 'narrowed', where, what);
    return;
  }
  const tighter = lower ? after > before : after < before;
  emitValues(ctx, emit, tighter ? 'narrowed' : 'widened', where, what);
}

export function compareBounds(ctx: SchemaContext, emit: Emit, base: Node, head: Node, where: string): void {
  for (const key of LOWER) compareBound(ctx, emit, key, true, [base, head], where);
  for (const key of UPPER) compareBound(ctx, emit, key, false, [base, head], where);
}

/** `pattern` and `format`: added narrows, removed widens, replaced cannot be proven either way. */
export function compareText(ctx: SchemaContext, emit: Emit, key: string, pair: [Node, Node], where: string): void {
  const [before, after] = pair.map((node) => node[key]);
  if (show(before) === show(after)) return;
  const what = `${key} ${show(before)} -> ${show(after)}`;
  const direction = before === undefined ? 'narrowed' : after === undefined ? 'widened' : 'changed';
  emitValues(ctx, emit, direction, where, what);
}

/** Keywords that describe and never constrain; or that the comparisons here read themselves. */
const NOT_CONSTRAINTS = new Set([
  ...['$ref', 'description', 'title', 'summary', 'example', 'examples', 'default', 'deprecated', '$comment'],
  ...['$id', '$schema', '$anchor', '$defs', 'definitions'],
  ...['readOnly', 'writeOnly', 'externalDocs', 'xml', 'discriminator', 'contentMediaType', 'nullable'],
  ...['type', 'enum', 'const', 'pattern', 'format', ...LOWER, ...UPPER, 'properties', 'required'],
  ...['additionalProperties', 'unevaluatedProperties', 'items', 'oneOf', 'anyOf', 'allOf'],
]);

/** Any other constraint (`not`, `prefixItems`, `uniqueItems`, ...) that differs: unprovable, so changed. */
export function compareOthers(ctx: SchemaContext, emit: Emit, base: Node, head: Node, where: string): void {
  const keys = new Set([...Object.keys(base), ...Object.keys(head)]);
  for (const key of keys) {
    if (NOT_CONSTRAINTS.has(key) || key.startsWith('x-')) continue;
    if (show(base[key]) !== show(head[key])) {
      emitValues(ctx, emit, 'changed', where, `${key} ${show(base[key])} -> ${show(head[key])}`);
    }
  }
}
