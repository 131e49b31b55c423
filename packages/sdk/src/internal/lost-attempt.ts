// Retried writes stay idempotent: when a retry follows an attempt whose answer was lost, an error
// answer may only say that the lost attempt already did the work. Those answers resolve as the success.
import type { DocumentedMessage, OperationId } from '@scrub/spec';
import { messageOf } from '@scrub/spec/helpers';
import type { Options as KyOptions } from 'ky';
import type { Result } from './call.js';

const SUBMIT_ID_TAKEN: DocumentedMessage<'submitText'> = 'id already used';

type Effects = { [Op in OperationId]?: (status: number, body: unknown) => Result<Op> | undefined };

/**
 * Answers that, after a retry, mean the lost first attempt already did the work: what the call
 * resolves to instead (typed by the spec's success body, so it cannot drift from it). Everything else
 * a retry meets is reported as it is.
 */
const EFFECT_OF_LOST_ATTEMPT: Effects = {
  deleteProjection: (status) => (status === 404 ? { message: 'Delete projection success' } : undefined),
  submitText: (status, body) =>
    status === 400 && messageOf(body) === SUBMIT_ID_TAKEN ? { type: 'success', code: 200 } : undefined,
};

/**
 * What an error answer of a call of `operation` stands for: the success the lost attempt had, when the
 * call was retried and the answer is one of the operation's `EFFECT_OF_LOST_ATTEMPT`, else undefined.
 * Watches the call's retries through a `beforeRetry` hook it adds to `options`.
 */
export function lostAttemptEffect<Op extends OperationId>(
  operation: Op,
  options: KyOptions,
): (status: number, body: unknown) => Result<Op> | undefined {
  const effect = EFFECT_OF_LOST_ATTEMPT[operation] as Effects[Op];
  if (!effect) return none;
  let retried = false;
  const onRetry = () => {
    retried = true;
  };
  options.hooks = { ...options.hooks, beforeRetry: [onRetry] };
  return (status, body) => (retried ? effect(status, body) : undefined);
}

const none = () => undefined;
