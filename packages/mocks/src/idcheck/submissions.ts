// GET /v3/submission: one submission or a user's / an email's list, with projections applied at read time.

import type { OperationRequest } from '../core/area.js';
import { documentedError } from '../core/errors.js';
import type { MockResponse } from '../core/response.js';
import { type ProjectAuth, success } from './credentials.js';
import type { IdCheckProject, IdCheckState, Submission } from './state.js';

const op = 'getSubmission';
const COUNT = /^\d+$/; // leading zeros allowed, as the spec's pattern does

/** The submission as a read returns it: its projection's fields omitted from `data`. */
function project(project: IdCheckProject, submission: Submission): Submission {
  const projectionId = submission.projection_id;
  const projection =
    projectionId === undefined ? undefined : project.projections.find((p) => p.projection_id === projectionId);
  if (!projection || !submission.data || typeof submission.data !== 'object') return submission;
  // plain loops: Object.entries/fromEntries and spreads cost several times more on this hot path
  const hidden = projection.fields as readonly string[];
  const source = submission.data as Record<string, unknown>;
  // null-prototype copies: an own `__proto__` key of a stored record is kept like any other
  const data: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(source)) if (!hidden.includes(key)) data[key] = source[key];
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(submission))
    out[key] = key === 'data' ? data : (submission as Record<string, unknown>)[key];
  return out as Submission;
}

export function getSubmission({ request }: OperationRequest<IdCheckState>, auth: ProjectAuth): MockResponse {
  const { query } = request;
  const given = (['submission_id', 'userid', 'email'] as const).filter((name) =>
    query.getAll(name).some((v) => v !== ''),
  );
  const countValues = query.getAll('count');
  const rawCount = countValues[0] ?? '50';
  const count = Number(rawCount);
  const repeated = given.some((name) => query.getAll(name).length > 1) || countValues.length > 1;
  if (given.length !== 1 || repeated || !COUNT.test(rawCount) || count < 1 || count > 2000)
    return documentedError(op, 'Invalid Query String parameters');

  const [by] = given as [(typeof given)[number]];
  const value = query.get(by)!;
  const submissions = auth.project.submissions;
  if (by === 'submission_id') {
    const submission = submissions.get(value);
    if (!submission) return documentedError(op, 'not Exist Submission Data');
    return success(auth, { Items: [project(auth.project, submission)] });
  }
  const items: Submission[] = [];
  for (const submission of submissions.values()) {
    if (items.length >= count) break;
    if ((submission as Record<string, unknown>)[by] === value) items.push(project(auth.project, submission));
  }
  return success(auth, { Items: items });
}
