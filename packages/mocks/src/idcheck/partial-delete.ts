// DELETE /v3/submission/partial: rules in the order of the spec's `x-error-messages`.
import { dataFieldValues, submissionFieldValues } from '@scrub/sdk/spec/idcheck';
import { documentedError } from '../core/errors.js';
import type { MockRequest, MockResponse } from '../core/http.js';
import type { MockState } from '../core/state.js';
import type { Submission } from '../core/fixture-schema.js';
import { credentials, success } from './credentials.js';
import { checkFieldList } from '@scrub/sdk/rules';

const SUBMISSION_FIELDS: ReadonlySet<string> = new Set(submissionFieldValues);
const DATA_FIELDS: ReadonlySet<string> = new Set(dataFieldValues);
const op = 'partialDeleteSubmission';
/** Entries kept in a project's audit log (`GET /__mock/state` shows them). */
export const AUDIT_LOG_LIMIT = 1000;

/** Where each `fields` name lives in a stored submission (others are top-level keys of that name). */
const LOCATIONS: Record<string, [string, string[]]> = {
  id_image: ['image', ['idImage', 'idBackImage']],
  selfie_image: ['image', ['selfieImage']],
};

function remove(submission: Submission, fields: string[], dataFields: string[]): void {
  const record = submission as Record<string, unknown>;
  for (const field of fields) {
    const location = LOCATIONS[field];
    if (location) {
      const [parent, keys] = location;
      const holder = record[parent];
      if (holder && typeof holder === 'object') for (const key of keys) delete (holder as Record<string, unknown>)[key];
    } else if (field === 'data' && dataFields.length) {
      const data = record.data;
      if (data && typeof data === 'object') for (const key of dataFields) delete (data as Record<string, unknown>)[key];
    } else if (field === 'data') {
      if (Object.hasOwn(record, 'data')) record.data = {};
    } else {
      delete record[field];
    }
  }
}

export function partialDeleteSubmission(state: MockState, request: MockRequest): MockResponse {
  const auth = credentials(state, request);
  if (auth.kind === 'unknown') return documentedError(op, 'invalid API key for this project');
  if (auth.kind === 'orphan') return documentedError(op, 'not Exist Project Data');

  const { query } = request;
  const ids = query.getAll('submission_id');
  const submissionId = ids[0];
  if (ids.length !== 1 || !submissionId) return documentedError(op, 'submission_id is required');

  const fieldValues = query.getAll('fields');
  const dataFieldValuesSent = query.getAll('data_fields');
  if (fieldValues.length > 1) return documentedError(op, 'fields must be a string');
  if (dataFieldValuesSent.length > 1) return documentedError(op, 'data_fields must be a string');
  const rawFields = fieldValues[0];
  if (!rawFields) return documentedError(op, 'fields parameter is required and cannot be empty');
  const fields = checkFieldList('fields', rawFields, SUBMISSION_FIELDS);
  if (!fields.ok) return documentedError(op, fields.template, fields.values);

  const rawDataFields = dataFieldValuesSent[0];
  let dataFields: string[] = [];
  if (rawDataFields !== undefined) {
    if (!fields.names.includes('data')) return documentedError(op, 'data_fields parameter is not allowed when fields does not include data');
    const data = checkFieldList('data_fields', rawDataFields, DATA_FIELDS);
    if (!data.ok) return documentedError(op, data.template, data.values);
    dataFields = data.names;
  }

  const submission = auth.project.submissions.get(submissionId);
  if (!submission) return documentedError(op, 'not Exist Submission Data');

  remove(submission, fields.names, dataFields);
  // the log keeps the latest entries only, so a long-running mock does not grow without bound
  if (auth.project.auditLog.length >= AUDIT_LOG_LIMIT) auth.project.auditLog.shift();
  auth.project.auditLog.push({
    at: state.options.now().toISOString(),
    projectId: auth.project.id,
    submission_id: submissionId,
    admin_name: query.get('admin_name') ?? undefined,
    fields: fields.names,
    data_fields: dataFields,
  });
  return success(auth, { message: 'success', submission_id: submissionId, deleted: { fields: fields.names, data_fields: dataFields } });
}
