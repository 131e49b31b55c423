// A spec as plain data (parsed YAML or JSON, local `$ref`s in place), and the walk through its refs.
import { deref } from '@scrub/spec';

/** A parsed OpenAPI document: plain data; nothing here is trusted to have any shape. */
export type SpecDocument = Readonly<Record<string, unknown>>;
/** A node of the document (an object), or nothing where the spec has none. */
export type Node = Readonly<Record<string, unknown>>;

export const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` as a node, or an empty one: the walk treats a missing node and an empty one alike. */
export const nodeOf = (value: unknown): Node => (isNode(value) ? value : {});

/** The name a local `$ref` points to (`#/components/schemas/Projection` -> `Projection`). */
export function refName(node: unknown): string | undefined {
  const ref = isNode(node) ? node.$ref : undefined;
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

/**
 * Follows local `$ref`s until a node that is not one (`deref` of @scrub/spec). A ref that leads
 * nowhere, or back to itself, gives an empty node: the diff compares what it can read.
 */
export const resolve = (doc: SpecDocument, node: unknown): Node => nodeOf(deref(doc, node));
