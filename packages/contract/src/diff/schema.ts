// Walks two versions of a schema side by side (properties, items, branches) and collects what the
// keyword comparisons find at each place. `$ref`s are followed, so a change to a shared schema shows
// wherever it is used.
import { isNode, type Node, nodeOf, refName, resolve } from './document.js';
import {
  compareBounds,
  compareOthers,
  compareText,
  compareTypes,
  compareValues,
  type Emit,
  emitValues,
  type SchemaContext,
} from './keywords.js';
import { type Finding, valueChange } from './side.js';

export type { SchemaContext } from './keywords.js';

const placeOf = (ctx: SchemaContext, path: string): string => (path ? `${ctx.label} ${path}` : ctx.label);

const requiredOf = (node: Node): Set<string> => new Set(Array.isArray(node.required) ? node.required.map(String) : []);

/** No property beyond the listed ones: a strict client refuses any other. */
const closed = (node: Node): boolean => node.additionalProperties === false || node.unevaluatedProperties === false;

function propertyAdded(ctx: SchemaContext, base: Node, required: boolean, where: string): Finding {
  if (ctx.side === 'request') {
    const kind = required ? 'request-property-added-required' : 'request-property-added-optional';
    const message = required ? 'required property added' : 'optional property added';
    return { kind, verdict: required ? 'breaking' : 'compatible', where, message };
  }
  if (ctx.side === 'parameter') {
    return { ...valueChange('parameter', required ? 'narrowed' : 'widened'), where, message: 'property added' };
  }
  const strict = closed(base);
  const message = strict
    ? 'property added to an object the base closed (additionalProperties: false)'
    : 'property added';
  return { kind: 'response-property-added', verdict: strict ? 'breaking' : 'compatible', where, message };
}

function propertyRemoved(ctx: SchemaContext, where: string): Finding {
  if (ctx.side === 'parameter') return { ...valueChange('parameter', 'narrowed'), where, message: 'property removed' };
  return { kind: `${ctx.side}-property-removed`, verdict: 'breaking', where, message: 'property removed' };
}

function requiredChanged(ctx: SchemaContext, nowRequired: boolean, where: string): Finding {
  const message = nowRequired ? 'property became required' : 'property became optional';
  if (ctx.side === 'parameter')
    return { ...valueChange('parameter', nowRequired ? 'narrowed' : 'widened'), where, message };
  const kind = `${ctx.side}-property-became-${nowRequired ? 'required' : 'optional'}` as const;
  // A client must now send it (request), or may no longer get it (response): breaking.
  const breaking = ctx.side === 'request' ? nowRequired : !nowRequired;
  return { kind, verdict: breaking ? 'breaking' : 'compatible', where, message };
}

function compareProperties(ctx: SchemaContext, emit: Emit, base: Node, head: Node, path: string): void {
  const before = nodeOf(base.properties);
  const after = nodeOf(head.properties);
  const [wasRequired, isRequired] = [requiredOf(base), requiredOf(head)];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const at = `${path}.${name}`;
    if (!(name in after)) emit(propertyRemoved(ctx, placeOf(ctx, at)));
    else if (!(name in before)) emit(propertyAdded(ctx, base, isRequired.has(name), placeOf(ctx, at)));
    else {
      walk(ctx, emit, before[name], after[name], at);
      if (wasRequired.has(name) !== isRequired.has(name))
        emit(requiredChanged(ctx, isRequired.has(name), placeOf(ctx, at)));
    }
  }
}

function compareShape(ctx: SchemaContext, emit: Emit, base: Node, head: Node, path: string): void {
  const where = placeOf(ctx, path);
  if (closed(base) !== closed(head)) {
    const what = `additionalProperties ${closed(base) ? 'false' : 'allowed'} -> ${closed(head) ? 'false' : 'allowed'}`;
    emitValues(ctx, emit, closed(head) ? 'narrowed' : 'widened', where, what);
  } else if (isNode(base.additionalProperties) && isNode(head.additionalProperties)) {
    walk(ctx, emit, base.additionalProperties, head.additionalProperties, `${path}{*}`);
  } else if (isNode(base.additionalProperties) !== isNode(head.additionalProperties)) {
    // any other property allowed <-> other properties must fit a schema
    const limited = isNode(head.additionalProperties);
    emitValues(
      ctx,
      emit,
      limited ? 'narrowed' : 'widened',
      where,
      `additionalProperties ${limited ? 'limited to a schema' : 'any'}`,
    );
  }
  if (base.items === undefined && head.items === undefined) return;
  if (base.items !== undefined && head.items !== undefined) {
    walk(ctx, emit, base.items, head.items, `${path}[]`);
    return;
  }
  emitValues(
    ctx,
    emit,
    head.items === undefined ? 'widened' : 'narrowed',
    where,
    `items ${head.items ? 'limited' : 'any'}`,
  );
}

/** Pairs the branches of two lists: by `$ref` name first, then the rest in order. */
function pairBranches(
  before: unknown[],
  after: unknown[],
): { pairs: [unknown, unknown][]; added: unknown[]; removed: unknown[] } {
  const left = [...before];
  const right = [...after];
  const pairs: [unknown, unknown][] = [];
  // an unchanged branch (same $ref or same inline schema) is itself, wherever it moved
  for (const branch of before) {
    const match = right.findIndex((other) => JSON.stringify(other) === JSON.stringify(branch));
    if (match < 0) continue;
    pairs.push([branch, right[match]]);
    left.splice(left.indexOf(branch), 1);
    right.splice(match, 1);
  }
  for (const branch of [...left]) {
    const name = refName(branch);
    const match = name === undefined ? -1 : right.findIndex((other) => refName(other) === name);
    if (match < 0) continue;
    pairs.push([branch, right[match]]);
    left.splice(left.indexOf(branch), 1);
    right.splice(match, 1);
  }
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) pairs.push([left[i], right[i]]);
  return { pairs, added: right.slice(n), removed: left.slice(n) };
}

function compareBranches(ctx: SchemaContext, emit: Emit, base: Node, head: Node, path: string): void {
  const where = placeOf(ctx, path);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const [before, after] = [base[key], head[key]].map((list) => (Array.isArray(list) ? list : undefined));
    if (before === undefined && after === undefined) continue;
    if (before === undefined || after === undefined) {
      emitValues(ctx, emit, 'changed', where, `${key} ${before === undefined ? 'added' : 'removed'}`);
      continue;
    }
    const { pairs, added, removed } = pairBranches(before, after);
    for (const [b, h] of pairs) walk(ctx, emit, b, h, path);
    // More branches of oneOf/anyOf allow more; more members of allOf refuse more.
    const more = key === 'allOf' ? 'narrowed' : 'widened';
    const fewer = key === 'allOf' ? 'widened' : 'narrowed';
    const name = (branch: unknown) => refName(branch) ?? 'an inline schema';
    for (const branch of added) emitValues(ctx, emit, more, where, `${key} branch ${name(branch)} added`);
    for (const branch of removed) emitValues(ctx, emit, fewer, where, `${key} branch ${name(branch)} removed`);
  }
}

function walk(ctx: SchemaContext, emit: Emit, baseNode: unknown, headNode: unknown, path: string): void {
  const pair = `${refName(baseNode) ?? ''}|${refName(headNode) ?? ''}`;
  if (pair !== '|' && ctx.refs.has(pair)) return;
  const inner = pair === '|' ? ctx : { ...ctx, refs: new Set([...ctx.refs, pair]) };
  const base = resolve(ctx.base, baseNode);
  const head = resolve(ctx.head, headNode);
  const where = placeOf(ctx, path);
  compareTypes(inner, emit, base, head, where);
  compareValues(inner, emit, base, head, where);
  compareBounds(inner, emit, base, head, where);
  compareText(inner, emit, 'pattern', [base, head], where);
  compareText(inner, emit, 'format', [base, head], where);
  compareOthers(inner, emit, base, head, where);
  compareProperties(inner, emit, base, head, path);
  compareShape(inner, emit, base, head, path);
  compareBranches(inner, emit, base, head, path);
}

/** Every change between two schemas of one place, as seen from `ctx.side`. */
export function compareSchemas(ctx: Omit<SchemaContext, 'refs'>, base: unknown, head: unknown): Finding[] {
  const findings: Finding[] = [];
  walk({ ...ctx, refs: new Set() }, (finding) => findings.push(finding), base, head, '');
  return findings;
}
