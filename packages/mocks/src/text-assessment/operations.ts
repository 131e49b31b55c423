// The three text-assessment operations over the account the gate found.
import { checkAuthorId } from '@scrub/spec/rules';
import type { OperationRequest } from '../core/area.js';
import { documentedError } from '../core/errors.js';
import { json, type MockResponse } from '../core/response.js';
import { assess } from './results.js';
import type { TextAccount, TextAssessmentState } from './state.js';
import { checkTextBody, type TextProblem } from './validate.js';

type Call = OperationRequest<TextAssessmentState>;

/** `2018-09-11T11:15:14Z`: ISO-8601 UTC to the second, as the docs show. */
const timestamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function deleteAuthorSubmissions({ params, options }: Call, account: TextAccount): MockResponse {
  const authorId = params.id!;
  const problem = checkAuthorId(authorId);
  if (problem) return documentedError('deleteAuthorSubmissions', problem);
  const remembered = account.authorDeletions.get(authorId);
  if (remembered && !remembered.textsSince) {
    return json(200, {
      type: 'success',
      code: 200,
      submissions_deleted: remembered.submissions_deleted,
      timestamp: remembered.timestamp,
    });
  }
  let deleted = 0;
  for (const [id, text] of account.texts) {
    if (text.author_id !== authorId) continue;
    account.texts.delete(id); // its results go with it; the id stays in usedTextIds
    deleted++;
  }
  const record = { submissions_deleted: deleted, timestamp: timestamp(options.now()), textsSince: false };
  account.authorDeletions.set(authorId, record);
  return json(200, {
    type: 'success',
    code: 200,
    submissions_deleted: record.submissions_deleted,
    timestamp: record.timestamp,
  });
}

function textError(problem: TextProblem): MockResponse {
  return 'attribute' in problem
    ? documentedError('submitText', problem.message, { attribute: problem.attribute })
    : documentedError('submitText', problem.message);
}

export function submitText({ params, request }: Call, account: TextAccount): MockResponse {
  const id = params.id!;
  const checked = checkTextBody(id, request.body);
  if (!checked.ok) return textError(checked.problem);
  if (account.usedTextIds.has(id)) return documentedError('submitText', 'id already used');
  account.usedTextIds.add(id);
  account.texts.set(id, { id, ...checked.body, polls: 0 });
  const deletion = account.authorDeletions.get(checked.body.author_id);
  if (deletion) deletion.textsSince = true;
  return json(200, { type: 'success', code: 200 });
}

export function getTextResults({ params, options }: Call, account: TextAccount): MockResponse {
  const text = account.texts.get(params.id!);
  if (!text) return documentedError('getTextResults', 'submission not found');
  if (text.polls < options.resultsNotReadyPolls) {
    text.polls++;
    return json(200, { type: 'results_not_ready', code: 200 });
  }
  return json(200, assess(text.text));
}
