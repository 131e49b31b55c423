// Parameters (path, query, header, cookie) of one operation in two versions: added, removed,
// required-ness, and the values their schemas allow.
import { type Node, nodeOf, type SpecDocument } from './document.js';
import { parameterKey, type SpecOperation } from './operations.js';
import { compareSchemas } from './schema.js';
import { type Finding, valueChange } from './side.js';

export interface Versions {
  readonly base: SpecDocument;
  readonly head: SpecDocument;
}

const labelOf = (parameter: Node): string => `${String(parameter.in)} parameter ${String(parameter.name)}`;
const requiredOf = (parameter: Node): boolean => parameter.in === 'path' || parameter.required === true;

/** A parameter's schema, or that of its single `content` entry. */
function schemaOf(parameter: Node): unknown {
  if (parameter.schema !== undefined) return parameter.schema;
  const [media] = Object.values(nodeOf(parameter.content));
  return nodeOf(media).schema;
}

/** How a parameter is written on the wire, its defaults filled in (OpenAPI 3.x). */
function serializationOf(parameter: Node): Record<string, unknown> {
  const style = parameter.style ?? (parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple');
  return {
    style,
    explode: parameter.explode ?? style === 'form',
    allowReserved: parameter.allowReserved ?? false,
    allowEmptyValue: parameter.allowEmptyValue ?? false,
  };
}

function compareOne(versions: Versions, before: Node, after: Node): Finding[] {
  const where = labelOf(after);
  const findings = compareSchemas({ ...versions, side: 'parameter', label: where }, schemaOf(before), schemaOf(after));
  if (requiredOf(before) !== requiredOf(after)) {
    const now = requiredOf(after);
    findings.push({
      kind: now ? 'parameter-became-required' : 'parameter-became-optional',
      verdict: now ? 'breaking' : 'compatible',
      where,
      message: now ? 'parameter became required' : 'parameter became optional',
    });
  }
  const [wire, now] = [serializationOf(before), serializationOf(after)];
  for (const key of Object.keys(wire)) {
    const [was, is] = [JSON.stringify(wire[key]), JSON.stringify(now[key])];
    if (was === is) continue;
    // The same values written differently on the wire: a client's requests no longer parse.
    const message = `${key} ${was} -> ${is}`;
    findings.push({ ...valueChange('parameter', 'changed'), where, message });
  }
  return findings;
}

/** Every parameter change between the two versions of an operation. */
export function compareParameters(versions: Versions, base: SpecOperation, head: SpecOperation): Finding[] {
  const keyed = (op: SpecOperation, path: string) => new Map(op.parameters.map((p) => [parameterKey(p, path), p]));
  const before = keyed(base, base.label.slice(base.label.indexOf(' ') + 1));
  const after = keyed(head, head.label.slice(head.label.indexOf(' ') + 1));
  const findings: Finding[] = [];
  for (const [key, parameter] of after) {
    const old = before.get(key);
    if (old) findings.push(...compareOne(versions, old, parameter));
    else if (requiredOf(parameter)) {
      const message = 'required parameter added';
      findings.push({ kind: 'parameter-added-required', verdict: 'breaking', where: labelOf(parameter), message });
    } else {
      const message = 'optional parameter added';
      findings.push({ kind: 'parameter-added-optional', verdict: 'compatible', where: labelOf(parameter), message });
    }
  }
  for (const [key, parameter] of before) {
    if (after.has(key)) continue;
    const message = 'parameter removed: a client that sends it is no longer understood';
    findings.push({ kind: 'parameter-removed', verdict: 'breaking', where: labelOf(parameter), message });
  }
  return findings;
}
