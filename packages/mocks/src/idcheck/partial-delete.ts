// DELETE /v3/submission/partial: the request rules are `@scrub/spec/rules`' (shared with the SDK),
// then the submission's existence, then the effect (also the spec's rule: a recording applies it too).
import { applyPartialDelete, checkPartialDelete } from '@scrub/spec/rules';
import type { OperationRequest } from '../core/area.js';
import { documentedError } from '../core/errors.js';
import type { MockResponse } from '../core/response.js';
import { type ProjectAuth, success } from './credentials.js';
import { AUDIT_LOG_LIMIT, type IdCheckState } from './state.js';

const op = 'partialDeleteSubmission';

export function partialDeleteSubmission(
  { request, options }: OperationRequest<IdCheckState>,
  auth: ProjectAuth,
): MockResponse {
  const checked = checkPartialDelete(request.query);
  if (!checked.ok) return documentedError(op, checked.message, checked.values);
  const { submissionId, fields, dataFields, adminName } = checked;

  const submission = auth.project.submissions.get(submissionId);
  if (!submission) return documentedError(op, 'not Exist Submission Data');

  applyPartialDelete(submission, fields, dataFields);
  // the log keeps the latest entries only, so a long-running mock does not grow without bound
  if (auth.project.auditLog.length >= AUDIT_LOG_LIMIT) auth.project.auditLog.shift();
  auth.project.auditLog.push({
    at: options.now().toISOString(),
    projectId: auth.project.id,
    submission_id: submissionId,
    admin_name: adminName,
    fields,
    data_fields: dataFields,
  });
  return success(auth, {
    message: 'success',
    submission_id: submissionId,
    deleted: { fields, data_fields: dataFields },
  });
}
