// Loads the real specs and walks them for the corpus edits (corpus.ts): a deep copy per edit, and a walk
// that fails when the real spec no longer has what an edit changes (it would silently become a no-op).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operations } from '@scrub/spec';
import { parse } from 'yaml';

export type Area = 'idcheck' | 'text-assessment';
/** A spec as parsed YAML: plain data, local `$ref`s left in place (as openapi/load.js gives it). */
export type Doc = Record<string, any>;

const SPEC_URL: Record<Area, URL> = {
  idcheck: new URL('../../../../openapi/idcheck.yaml', import.meta.url),
  'text-assessment': new URL('../../../../openapi/text-assessment.yaml', import.meta.url),
};
const parsed = new Map<Area, Doc>();

/** A fresh deep copy of the real spec of `area`. */
export function loadReal(area: Area): Doc {
  let doc = parsed.get(area);
  if (!doc) {
    doc = parse(readFileSync(fileURLToPath(SPEC_URL[area]), 'utf8')) as Doc;
    parsed.set(area, doc);
  }
  return structuredClone(doc);
}

export function at(doc: Doc, ...path: (string | number)[]): any {
  let node: any = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`corpus: the spec has no ${path.join(' > ')}`);
    }
    node = node[key];
  }
  return node;
}
export const schema = (doc: Doc, name: string) => at(doc, 'components', 'schemas', name);
export const parameter = (doc: Doc, name: string) => at(doc, 'components', 'parameters', name);
export const op = (doc: Doc, path: string, method: string) => at(doc, 'paths', path, method);
export const messages = (doc: Doc, path: string, method: string): { status: number; message: string }[] =>
  op(doc, path, method)['x-error-messages'];

export function indexOf<T>(list: T[], match: (item: T) => boolean, what: string): number {
  const i = list.findIndex(match);
  if (i < 0) throw new Error(`corpus: no ${what} in the spec`);
  return i;
}
export function message(doc: Doc, path: string, method: string, text: string) {
  const list = messages(doc, path, method);
  return list[indexOf(list, (m) => m.message === text, `message "${text}"`)]!;
}
export function removeFrom<T>(list: T[], match: (item: T) => boolean, what: string): void {
  list.splice(indexOf(list, match, what), 1);
}
export const refTo = (name: string) => (p: { $ref?: string }) => p.$ref === `#/components/parameters/${name}`;
export function renameKey(obj: Record<string, unknown>, from: string, to: string): void {
  if (!(from in obj)) throw new Error(`corpus: no ${from} to rename`);
  obj[to] = obj[from];
  delete obj[from];
}

// --- the operations of the two areas

export const PARTIAL = '/v3/submission/partial';
export const SUBMISSION = '/v3/submission';
export const PROJECTIONS = '/v3/projection';
export const PROJECTION = '/v3/projection/{projectionId}';
export const AUTHOR = '/{version}/account/{account_id}/author/{id}';
export const TEXT = '/{version}/account/{account_id}/text/{id}';
export const RESULTS = '/{version}/account/{account_id}/text/{id}/results';

// the operation ids of each real spec, in document order (read from it, not typed again)
const operationIdsOf = (area: Area): string[] => operations(loadReal(area)).map((o) => o.operationId);
export const IDCHECK_OPERATIONS = operationIdsOf('idcheck');
export const TEXT_ASSESSMENT_OPERATIONS = operationIdsOf('text-assessment');

export const json = (schema: object) => ({ 'application/json': { schema } });
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** The audit reason of an author deletion, as a request body (required or not). */
export function reasonBody(required: boolean) {
  return {
    required,
    description: 'Why the author data is deleted (kept in the audit log).',
    content: json({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', maxLength: 200 } } }),
  };
}

/** `PUT /v3/projection/{projectionId}`: a new operation, as the vendor would document it. */
export function addUpdateProjection(doc: Doc): void {
  at(doc, 'paths', PROJECTION).put = {
    operationId: 'updateProjection',
    tags: ['Projections'],
    summary: 'Replace the excluded fields of a projection',
    requestBody: {
      required: true,
      content: json({ oneOf: [ref('ProjectionCreateRequest'), ref('EncryptedRequestBody')] }),
    },
    responses: {
      '200': {
        description: 'The projection, updated.',
        content: json({ oneOf: [ref('GetProjectionResponse'), ref('EncryptedResponseBody')] }),
      },
      '400': responseRef('CreateProjectionBadRequest'),
      '403': responseRef('Forbidden'),
      '404': responseRef('ProjectionNotFound'),
      '413': responseRef('RequestEntityTooLarge'),
      '500': responseRef('MessageInternalServerError'),
    },
    'x-error-messages': [
      { status: 413, message: 'Request Entity Too Large' },
      { status: 403, message: 'Forbidden' },
      { status: 400, message: 'Invalid JSON body' },
      { status: 400, message: 'Invalid request body: {attributes}' },
      { status: 404, message: 'Projection not found' },
      { status: 500, message: 'Internal server error' },
    ],
  };
}

/** `GET /v3/submission?status=`: a new optional filter. */
export function addStatusFilter(doc: Doc): void {
  op(doc, SUBMISSION, 'get').parameters.push({
    name: 'status',
    in: 'query',
    required: false,
    description: 'Only the submissions with this KYC result.',
    schema: { type: 'string', enum: ['approved', 'rejected', 'pending'] },
  });
}

/** `language`, a new required attribute of a submitted text. */
export function requireLanguage(doc: Doc): void {
  const body = schema(doc, 'TextSubmission');
  body.required.push('language');
  body.properties.language = { type: 'string', enum: ['en-GB', 'en-US'], description: 'The variety of English.' };
}
