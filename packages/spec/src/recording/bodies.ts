// What each operation's bodies keep (everything else in them is personal): ids of projections and
// tasks, projection names, modes and fields, times, kyc.result, documented messages, statuses,
// numbers. docs/decisions.md "Recordings: what is personal, and its pseudonyms".
import type { OperationId } from '../catalogue.js';
import type { ObjectRule, Rule } from './walk.js';

const submission: ObjectRule = {
  keys: {
    projection_id: 'keep',
    created_at: 'keep',
    updated_at: 'keep',
    // the vendor's further times (the spec's description names them): when, not who
    kyc_result_at: 'keep',
    pending_at: 'keep',
    image: { keys: {}, other: 'image' },
    kyc: { keys: { result: 'keep' } },
  },
};

export const projectionRule: ObjectRule = {
  keys: { projection_id: 'keep', name: 'keep', mode: 'keep', fields: 'keep', created_at: 'keep' },
};

/** Error bodies of both areas: `{errorCode}`, `{message}`, `{type, code, message}`. */
export const errorRule: ObjectRule = { keys: { errorCode: 'message', message: 'message', type: 'keep', code: 'keep' } };

/** The plain (decrypted) body of each operation's 2xx answer. */
export const successRules: Readonly<Record<OperationId, Rule>> = {
  getSubmission: { keys: { Items: { items: submission } } },
  partialDeleteSubmission: { keys: { message: 'message', submission_id: 'text', deleted: 'keep' } },
  listProjections: { keys: { items: { items: projectionRule }, message: 'message' } },
  createProjection: { keys: { projection_id: 'keep', message: 'message' } },
  getProjection: { keys: { item: projectionRule, message: 'message' } },
  deleteProjection: { keys: { message: 'message' } },
  deleteAuthorSubmissions: { keys: { type: 'keep', code: 'keep', submissions_deleted: 'keep', timestamp: 'keep' } },
  submitText: { keys: { type: 'keep', code: 'keep' } },
  getTextResults: {
    keys: {
      type: 'keep',
      code: 'keep',
      overall_score: 'keep',
      score_dimensions: 'keep',
      sentence_scores: 'keep',
      suspect_tokens: 'keep',
      text_stats: 'keep',
      // [start, end, suggestion, code]: the suggestion is a word of the text
      textual_errors: { items: { tuple: ['keep', 'keep', 'text', 'keep'] } },
    },
  },
};

/** The plain (decrypted) request body of an operation that has one. */
export const requestRules: Readonly<Partial<Record<OperationId, Rule>>> = {
  createProjection: { keys: { name: 'keep', mode: 'keep', fields: 'keep' } },
  submitText: { keys: { task_id: 'keep', sequence_id: 'keep', sequence_count: 'keep' } },
};
