// Whole-request check of a partial delete (`DELETE /v3/submission/partial`), rules 2-9 of the spec's
// check order: the mock enforces it after credentials, the SDK applies it before sending, so both
// refuse the same input with the same documented message.
import { type components, dataFieldValues, submissionFieldValues } from '../generated/idcheck.js';
import { checkFieldList, type RuleProblem } from './field-list.js';

type Schemas = components['schemas'];

/** A partial delete as the server understands it once every request rule passed. */
export interface PartialDeleteRequest {
  submissionId: string;
  /** De-duplicated, request order. */
  fields: Schemas['SubmissionField'][];
  /** De-duplicated, request order; empty means all of `data` (when `fields` has `data`). */
  dataFields: Schemas['DataField'][];
  adminName: string | undefined;
}

/** The query of a request: every value of a name, in order (`URLSearchParams` fits). */
export interface QueryValues {
  getAll(name: string): string[];
}

const SUBMISSION_FIELDS: ReadonlySet<string> = new Set(submissionFieldValues);
const DATA_FIELDS: ReadonlySet<string> = new Set(dataFieldValues);

/**
 * The parsed request, or the first documented problem in the spec's check order (credentials and
 * the submission's existence aside).
 */
export function checkPartialDelete(query: QueryValues): ({ ok: true } & PartialDeleteRequest) | RuleProblem {
  const ids = query.getAll('submission_id');
  const submissionId = ids[0];
  if (ids.length !== 1 || !submissionId) return { ok: false, message: 'submission_id is required', values: {} };

  const fieldValues = query.getAll('fields');
  const dataFieldValuesSent = query.getAll('data_fields');
  if (fieldValues.length > 1) return { ok: false, message: 'fields must be a string', values: {} };
  if (dataFieldValuesSent.length > 1) return { ok: false, message: 'data_fields must be a string', values: {} };
  const rawFields = fieldValues[0];
  if (!rawFields) return { ok: false, message: 'fields parameter is required and cannot be empty', values: {} };
  const fields = checkFieldList('fields', rawFields, SUBMISSION_FIELDS);
  if (!fields.ok) return fields;

  const rawDataFields = dataFieldValuesSent[0];
  let dataFields: string[] = [];
  if (rawDataFields !== undefined) {
    if (!fields.names.includes('data'))
      return {
        ok: false,
        message: 'data_fields parameter is not allowed when fields does not include data',
        values: {},
      };
    const data = checkFieldList('data_fields', rawDataFields, DATA_FIELDS);
    if (!data.ok) return data;
    dataFields = data.names;
  }
  return {
    ok: true,
    submissionId,
    fields: fields.names as PartialDeleteRequest['fields'],
    dataFields: dataFields as PartialDeleteRequest['dataFields'],
    adminName: query.getAll('admin_name')[0],
  };
}

/** Where each `fields` name lives in a stored submission (others are top-level keys of that name). */
const LOCATIONS: Readonly<Record<string, readonly [string, readonly string[]]>> = {
  id_image: ['image', ['idImage', 'idBackImage']],
  selfie_image: ['image', ['selfieImage']],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The effect of a partial delete that passed its checks: removes from a stored `submission` (in place)
 * what `fields` / `dataFields` name. `id_image` and `selfie_image` remove image keys; `data` with data
 * fields removes those keys of `data`, without them all of `data`; any other name the top-level key.
 * The mock applies it, and so does a recording building its fixture.
 */
export function applyPartialDelete(
  submission: Record<string, unknown>,
  fields: readonly string[],
  dataFields: readonly string[],
): void {
  for (const field of fields) {
    const location = Object.hasOwn(LOCATIONS, field) ? LOCATIONS[field] : undefined;
    if (location) {
      const holder = submission[location[0]];
      if (isObject(holder)) for (const key of location[1]) delete holder[key];
    } else if (field === 'data' && dataFields.length) {
      const data = submission.data;
      if (isObject(data)) for (const key of dataFields) delete data[key];
    } else if (field === 'data') {
      if (Object.hasOwn(submission, 'data')) submission.data = {};
    } else {
      delete submission[field];
    }
  }
}
