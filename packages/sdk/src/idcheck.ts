// `createIdCheckClient`: ARGOS ID check v3 (submissions, partial delete, projections).
import type { components, paths } from '@scrub/spec/idcheck';
import { ScrubError } from './errors.js';
import type { Query } from './internal/call.js';
import type { RequestOptions, TransportOptions } from './internal/options.js';
import { createPipeline, type Send } from './internal/pipeline.js';

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
  /** Keys under `data` to delete; only with `data` in `fields` (sent whenever given, even empty). */
  dataFields?: readonly DataField[];
  /** Recorded by the server, never echoed. */
  adminName?: string;
}

export type SubmissionQuery = ({ userid: string; email?: never } | { email: string; userid?: never }) & {
  count?: number;
};

/**
 * The query values of a partial delete: lists joined with `,`. Plain-JS callers may pass a string
 * where a list is typed, or nothing at all; those values are checked and sent as they are.
 */
function partialDeleteValues(params: PartialDeleteParams | undefined): Query<'partialDeleteSubmission'> {
  const list = (value: unknown) => (Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '');
  return {
    submission_id: typeof params?.submissionId === 'string' ? params.submissionId : undefined,
    fields: list(params?.fields),
    data_fields: params?.dataFields === undefined ? undefined : list(params.dataFields),
    admin_name: params?.adminName,
  };
}

export function createIdCheckClient(options: IdCheckClientOptions) {
  if (!options?.apiKey) throw new ScrubError('createIdCheckClient: `apiKey` is required.');
  const { apiKey } = options;
  const { send, raw } = createPipeline<paths>({
    ...options,
    baseUrl: options.baseUrl ?? IDCHECK_BASE_URL,
    credentials: { 'x-api-key': apiKey },
    encryption: { apiKey, enabled: options.encryption ?? false },
  });

  return { raw, submissions: submissionMethods(send), projections: projectionMethods(send) };
}

function submissionMethods(send: Send) {
  return {
    /**
     * Deletes the named parts of one submission (`DELETE /v3/submission/partial`); refused locally as
     * the server would.
     */
    async partialDelete(params: PartialDeleteParams, o?: RequestOptions): Promise<PartialDeleteSubmissionResponse> {
      // one set of values for the local check and the request: what is checked is what is sent
      const query = partialDeleteValues(params);
      const refused = (await import('./internal/refusals.js')).partialDeleteRefusal(query);
      if (refused) throw refused;
      return send({ operation: 'partialDeleteSubmission', query }, o);
    },

    /** One submission by id (`GET /v3/submission?submission_id=`), projections applied. */
    async get(submissionId: string, o?: RequestOptions): Promise<Submission> {
      const body = await send({ operation: 'getSubmission', query: { submission_id: submissionId } }, o);
      return body.Items[0]!;
    },

    /** The submissions of a user id or an email (`GET /v3/submission?userid=|email=`). */
    async list(q: SubmissionQuery, o?: RequestOptions): Promise<Submission[]> {
      const query = { userid: q.userid, email: q.email, count: q.count === undefined ? undefined : String(q.count) };
      return (await send({ operation: 'getSubmission', query }, o)).Items;
    },
  };
}

function projectionMethods(send: Send) {
  return {
    /** Creates a projection (`POST /v3/projection`); `mode` is `exclude`, the only mode. */
    create(
      params: { name: string; fields: readonly ProjectionField[]; mode?: 'exclude' },
      o?: RequestOptions,
    ): Promise<CreateProjectionResponse> {
      const body = { name: params.name, mode: params.mode ?? 'exclude', fields: [...params.fields] };
      return send({ operation: 'createProjection', body }, o);
    },

    /** Every projection of the project, oldest first. */
    async list(o?: RequestOptions): Promise<Projection[]> {
      return (await send({ operation: 'listProjections' }, o)).items;
    },

    async get(projectionId: string, o?: RequestOptions): Promise<Projection> {
      return (await send({ operation: 'getProjection', params: { projectionId } }, o)).item;
    },

    /** Deletes a projection: submissions created with it show its fields again. */
    delete(projectionId: string, o?: RequestOptions): Promise<DeleteProjectionResponse> {
      return send({ operation: 'deleteProjection', params: { projectionId } }, o);
    },
  };
}

export type IdCheckClient = ReturnType<typeof createIdCheckClient>;
