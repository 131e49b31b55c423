// The operations of a spec, keyed so that the same operation is found in both versions: by method
// and path, with path parameter names left out (renaming `{id}` changes nothing a client sends).
import { HTTP_METHODS } from '@scrub/spec';
import { isNode, type Node, nodeOf, resolve, type SpecDocument } from './document.js';

export interface SpecOperation {
  /** `GET /v3/submission/{}`: what identifies the operation across versions. */
  readonly key: string;
  /** `GET /v3/submission`: for people. */
  readonly label: string;
  readonly operationId: string;
  readonly node: Node;
  /** The path item's parameters and the operation's, the operation's winning (resolved). */
  readonly parameters: readonly Node[];
}

/** `in` and name; path parameters by position, since their names are not on the wire. */
export function parameterKey(parameter: Node, path: string): string {
  const name = String(parameter.name ?? '');
  if (parameter.in === 'path') return `path #${path.split('{').findIndex((part) => part.startsWith(`${name}}`))}`;
  return `${String(parameter.in)} ${parameter.in === 'header' ? name.toLowerCase() : name}`;
}

function parametersOf(doc: SpecDocument, item: Node, operation: Node, path: string): Node[] {
  const merged = new Map<string, Node>();
  for (const list of [item.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = resolve(doc, raw);
      merged.set(parameterKey(parameter, path), parameter);
    }
  }
  return [...merged.values()];
}

/** Every operation of a spec by key. */
export function operationsOf(doc: SpecDocument): Map<string, SpecOperation> {
  const operations = new Map<string, SpecOperation>();
  for (const [path, raw] of Object.entries(nodeOf(doc.paths))) {
    const item = resolve(doc, raw);
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!isNode(node)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      const key = `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;
      const operationId = typeof node.operationId === 'string' ? node.operationId : label;
      operations.set(key, { key, label, operationId, node, parameters: parametersOf(doc, item, node, path) });
    }
  }
  return operations;
}
