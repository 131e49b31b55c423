// The two specs as data (generated from openapi/), their documented responses, and one ajv
// validator per response schema, compiled once.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { document as idcheckDocument } from '@scrub/sdk/spec/idcheck/document';
import { errorMessages as idcheckErrors } from '@scrub/sdk/spec/idcheck';
import { document as textDocument } from '@scrub/sdk/spec/text-assessment/document';
import { errorMessages as textErrors } from '@scrub/sdk/spec/text-assessment';

export type Area = 'idcheck' | 'text-assessment';
export const AREAS: readonly Area[] = ['idcheck', 'text-assessment'];

type Catalog<C> = { [Op in keyof C]: C[Op] extends readonly { message: infer M }[] ? M : never }[keyof C];
/** Every documented message template of both specs (a typo in a hand-written list does not compile). */
export type DocumentedMessage = Catalog<typeof idcheckErrors> | Catalog<typeof textErrors>;

export interface DocumentedError {
  status: number;
  message: string;
  example: Record<string, unknown>;
}

export interface Operation {
  area: Area;
  operationId: string;
  method: string;
  path: string;
  /** Documented statuses with the JSON pointer of their schema. */
  responses: Map<number, string | undefined>;
  errors: readonly DocumentedError[];
}

const documents: Record<Area, Record<string, any>> = { idcheck: idcheckDocument, 'text-assessment': textDocument };
const catalogs: Record<Area, Record<string, readonly DocumentedError[]>> = {
  idcheck: idcheckErrors as never,
  'text-assessment': textErrors as never,
};

const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The pointer of a `$ref`'d or inline response's JSON schema. */
function schemaPointer(doc: Record<string, any>, at: string[]): string | undefined {
  let node = at.reduce((n, k) => n?.[k], doc as any);
  let where = at;
  while (node && typeof node.$ref === 'string') {
    where = node.$ref.replace(/^#\//, '').split('/').map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    node = where.reduce((n, k) => n?.[k], doc as any);
  }
  return node?.content?.['application/json']?.schema ? pointer(...where, 'content', 'application/json', 'schema') : undefined;
}

export const operations: Operation[] = AREAS.flatMap((area) => {
  const doc = documents[area];
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    ['get', 'put', 'post', 'delete', 'patch']
      .filter((m) => item[m])
      .map((m) => {
        const op = item[m];
        const responses = new Map<number, string | undefined>();
        for (const status of Object.keys(op.responses)) responses.set(Number(status), schemaPointer(doc, ['paths', path, m, 'responses', status]));
        return { area, operationId: op.operationId as string, method: m.toUpperCase(), path, responses, errors: catalogs[area][op.operationId] ?? [] };
      }),
  );
});

export const operationById = new Map(operations.map((o) => [o.operationId, o]));

/** `invalid fields found in fields: {names}` matches `invalid fields found in fields: a, b`. */
export function templateMatches(template: string, message: string): boolean {
  const source = template
    .split(/\{[a-z_]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${source}$`, 's').test(message);
}

// ajv-formats ships CJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

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

/** The message of an error body of either area. */
export function messageOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const message = b.errorCode ?? b.message;
  return typeof message === 'string' ? message : undefined;
}
