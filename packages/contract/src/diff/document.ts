// A spec as plain data (parsed YAML or JSON, local `$ref`s in place), and the walk through its refs.

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
 * Follows local `$ref`s (`#/a/b`, with `~0`/`~1` escapes) until a node that is not one. A ref that
 * leads nowhere, or back to itself, gives an empty node: the diff compares what it can read.
 */
export function resolve(doc: SpecDocument, node: unknown): Node {
  const seen = new Set<string>();
  let current: unknown = node;
  while (isNode(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref) || !ref.startsWith('#/')) return {};
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((at, key) => (isNode(at) ? at[key] : undefined), doc);
  }
  return nodeOf(current);
}
