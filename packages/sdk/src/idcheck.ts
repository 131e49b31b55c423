// `createIdCheckClient`: ARGOS ID check v3 (submissions, partial delete, projections).
import type { components, paths } from './generated/idcheck.js';
import { apiClient, refuse, settle, unwrap } from './api-client.js';
import { ScrubError, type ErrorMessages } from './errors.js';
import { wasRetried, type RequestOptions, type TransportOptions } from './transport.js';

type Schemas = components['schemas'];
export type SubmissionField = Schemas['SubmissionField'];
export type DataField = Schemas['DataField'];
export type ProjectionField = Schemas['ProjectionField'];
export type Submission = Schemas['Submission'];
export type Projection = Schemas['Projection'];
export type PartialDeleteSubmissionResponse = Schemas['PartialDeleteSubmissionResponse'];
export type CreateProjectionResponse = Schemas['CreateProjectionResponse'];
export type DeleteProjectionResponse = Schemas['DeleteProjectionResponse'];

export const IDCHECK_BASE_URL = 'https://rest-api.argosidentity.com';

export interface IdCheckClientOptions extends TransportOptions {
  /** The project's API key (`x-api-key`). */
  apiKey: string;
  /** Default: the production host. */
  baseUrl?: string;
  /** The project's encryption option: encrypt request bodies, decrypt `{ "data": ... }` responses. */
  encryption?: boolean;
}

export interface PartialDeleteParams {
  submissionId: string;
  /** Parts to delete; `data` alone deletes everything under `data` unless `dataFields` names keys. */
  fields: readonly SubmissionField[];
  /** Keys under `data` to delete; only with `data` in `fields`. */
  dataFields?: readonly DataField[];
  /** Recorded by the server, never echoed. */
  adminName?: string;
}

export type SubmissionQuery = ({ userid: string; email?: never } | { email: string; userid?: never }) & { count?: number };


export function createIdCheckClient(options: IdCheckClientOptions) {
  if (!options?.apiKey) throw new ScrubError('createIdCheckClient: `apiKey` is required.');
  const { apiKey, encryption = false } = options;
  const api = apiClient<paths>(options.baseUrl ?? IDCHECK_BASE_URL, { 'x-api-key': apiKey }, options);
  const { raw } = api;
  // loaded only for projects with the encryption option (@noble: isomorphic, audited)
  const crypto = encryption ? import('./crypto.js') : undefined;

  /** Plain body of a success response: decrypted when the project seals responses. */
  async function open<T>(body: T | { data: string }): Promise<T> {
    if (body && typeof body === 'object' && 'data' in body && typeof body.data === 'string' && Object.keys(body).length === 1) {
      if (!crypto) throw new ScrubError('The response is encrypted: create the client with `encryption: true`.');
      const text = (await crypto).decrypt(apiKey, body.data);
      if (text === undefined) throw new ScrubError('Could not decrypt the response with this API key.');
      return JSON.parse(text) as T;
    }
    return body as T;
  }

  const call = (o?: RequestOptions) => ({ fetch: api.fetchFor(o), signal: o?.signal, headers: o?.headers });

  return {
    raw,
    submissions: {
      /** Deletes the named parts of one submission (`DELETE /v3/submission/partial`). */
      async partialDelete(params: PartialDeleteParams, o?: RequestOptions): Promise<PartialDeleteSubmissionResponse> {
        const op = 'partialDeleteSubmission';
        const bad = (code: ErrorMessages[typeof op]) => refuse(op, code, 'errorCode');
        if (!params?.submissionId) throw bad('submission_id is required');
        if (!Array.isArray(params.fields) || params.fields.length === 0) throw bad('fields parameter is required and cannot be empty');
        // the server's own rules and name lists, loaded on first use (they weigh more than the client)
        const { checkFieldList, submissionFieldValues, dataFieldValues } = await import('./rules-with-lists.js');
        const fail = (e: { template: string; values: Record<string, string> }) =>
          bad(e.template.replace(/\{(\w+)\}/g, (_, name: string) => e.values[name] ?? '') as ErrorMessages[typeof op]);
        const fields = checkFieldList('fields', params.fields.join(','), new Set(submissionFieldValues));
        if (!fields.ok) throw fail(fields);
        if (params.dataFields !== undefined && !fields.names.includes('data')) throw bad('data_fields parameter is not allowed when fields does not include data');
        const data = checkFieldList('data_fields', params.dataFields?.join(',') ?? '', new Set(dataFieldValues));
        if (!data.ok) throw fail(data);
        const query = {
          submission_id: params.submissionId,
          fields: [...params.fields],
          ...(params.dataFields?.length ? { data_fields: [...params.dataFields] } : {}),
          ...(params.adminName !== undefined ? { admin_name: params.adminName } : {}),
        };
        const result = await settle(raw.DELETE('/v3/submission/partial', { params: { query }, ...call(o) }));
        return open(unwrap(op, result));
      },

      /** One submission by id (`GET /v3/submission?submission_id=`), projections applied. */
      async get(submissionId: string, o?: RequestOptions): Promise<Submission> {
        const result = await settle(raw.GET('/v3/submission', { params: { query: { submission_id: submissionId } }, ...call(o) }));
        const body = await open(unwrap('getSubmission', result));
        return (body as Schemas['GetSubmissionResponse']).Items[0]!;
      },

      /** The submissions of a user id or an email (`GET /v3/submission?userid=|email=`). */
      async list(query: SubmissionQuery, o?: RequestOptions): Promise<Submission[]> {
        const q = { ...query, ...(query.count !== undefined ? { count: String(query.count) } : {}) };
        const result = await settle(raw.GET('/v3/submission', { params: { query: q as never }, ...call(o) }));
        return (await open(unwrap('getSubmission', result)) as Schemas['GetSubmissionResponse']).Items;
      },
    },
    projections: {
      /** Creates a projection (`POST /v3/projection`); `mode` is `exclude`, the only mode. */
      async create(params: { name: string; fields: readonly ProjectionField[]; mode?: 'exclude' }, o?: RequestOptions): Promise<CreateProjectionResponse> {
        const plain = { name: params.name, mode: params.mode ?? 'exclude', fields: [...params.fields] };
        const body = crypto ? { body: (await crypto).encrypt(apiKey, JSON.stringify(plain)) } : plain;
        const result = await settle(raw.POST('/v3/projection', { body, ...call(o) }));
        return open(unwrap('createProjection', result));
      },

      /** Every projection of the project, oldest first. */
      async list(o?: RequestOptions): Promise<Projection[]> {
        const result = await settle(raw.GET('/v3/projection', call(o)));
        return (await open(unwrap('listProjections', result)) as Schemas['ListProjectionsResponse']).items;
      },

      async get(projectionId: string, o?: RequestOptions): Promise<Projection> {
        const result = await settle(raw.GET('/v3/projection/{projectionId}', { params: { path: { projectionId } }, ...call(o) }));
        return (await open(unwrap('getProjection', result)) as Schemas['GetProjectionResponse']).item;
      },

      /** Deletes a projection: submissions created with it show its fields again. */
      async delete(projectionId: string, o?: RequestOptions): Promise<DeleteProjectionResponse> {
        const result = await settle(raw.DELETE('/v3/projection/{projectionId}', { params: { path: { projectionId } }, ...call(o) }));
        // a retry after a lost answer finds the projection already gone: that is the success
        if (wasRetried(result.response) && result.response.status === 404) return { message: 'Delete projection success' };
        return open(unwrap('deleteProjection', result));
      },
    },
  };
}

export type IdCheckClient = ReturnType<typeof createIdCheckClient>;
