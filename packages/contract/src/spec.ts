// The two specs as data (generated from openapi/), their documented responses, and one ajv
// validator per response schema, compiled once.

import {
  type Area,
  type DocumentedError,
  errorMessages,
  operations as operationsOf,
  pointer,
  pointerPath,
} from '@scrub/spec';
import { document as idcheckDocument } from '@scrub/spec/idcheck/document';
import { document as textDocument } from '@scrub/spec/text-assessment/document';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type { Area, DocumentedMessage } from '@scrub/spec';
export { messageOf, templateMatches } from '@scrub/spec';
export const AREAS: readonly Area[] = ['idcheck', 'text-assessment'];

export interface Operation {
  area: Area;
  operationId: string;
  method: string;
  path: string;
  /** Documented statuses with the JSON pointer of their schema. */
  responses: Map<number, string | undefined>;
  errors: readonly DocumentedError[];
}

/** A node of a spec document (JSON): walked by key, read for `$ref` and `content`. */
interface SpecNode {
  readonly [key: string]: SpecNode | undefined;
}

/** The spec of each area as plain data (parsed YAML, local `$ref`s kept): what the suite checks against. */
export const SPEC_DOCUMENTS: Readonly<Record<Area, Readonly<Record<string, unknown>>>> = {
  idcheck: idcheckDocument,
  'text-assessment': textDocument,
};
const documents = SPEC_DOCUMENTS as unknown as Record<Area, SpecNode>;

const nodeAt = (doc: SpecNode, at: readonly string[]) =>
  at.reduce<SpecNode | undefined>((n, k) => (n && typeof n === 'object' ? n[k] : undefined), doc);

/** The pointer of a `$ref`'d or inline response's JSON schema. */
function schemaPointer(doc: SpecNode, at: string[]): string | undefined {
  let node = nodeAt(doc, at);
  let where = at;
  while (node && typeof node.$ref === 'string') {
    where = pointerPath(node.$ref);
    node = nodeAt(doc, where);
  }
  return node?.content?.['application/json']?.schema
    ? pointer([...where, 'content', 'application/json', 'schema'])
    : undefined;
}

export const operations: Operation[] = AREAS.flatMap((area) =>
  operationsOf(documents[area]).map(({ operationId, method, path, operation }) => {
    const responses = new Map<number, string | undefined>();
    const at = ['paths', path, method.toLowerCase(), 'responses'];
    for (const status of Object.keys(operation.responses))
      responses.set(Number(status), schemaPointer(documents[area], [...at, status]));
    return {
      area,
      operationId,
      method,
      path,
      responses,
      errors: (errorMessages as Record<string, readonly DocumentedError[]>)[operationId] ?? [],
    };
  }),
);

export const operationById = new Map(operations.map((o) => [o.operationId, o]));

// ajv-formats ships CJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

export class ResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    for (const area of AREAS) this.ajv.addSchema(documents[area], `scrub:${area}`);
    // compile every documented response schema now, not per request
    for (const op of operations) for (const ptr of op.responses.values()) if (ptr) this.validator(op.area, ptr);
  }

  private validator(area: Area, ptr: string): ValidateFunction {
    const key = `${area}${ptr}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `scrub:${area}${ptr}` });
      this.compiled.set(key, fn);
    }
    return fn;
  }

  /** Problems of `body` against the documented schema of `status`; empty when valid. */
  check(op: Operation, status: number, body: unknown): string[] {
    if (!op.responses.has(status)) return [`status ${status} is not documented for ${op.operationId}`];
    const ptr = op.responses.get(status);
    if (!ptr) return [];
    const validate = this.validator(op.area, ptr);
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `body${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
  }
}
