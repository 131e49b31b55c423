// Retried writes stay idempotent: when a retry follows an attempt whose answer was lost, an error
// answer may only say that the lost attempt already did the work. Those answers resolve as the success.
import type { DocumentedMessage, OperationId } from '@scrub/spec';
import { messageOf } from '@scrub/spec/helpers';
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

/** Whether an operation has an answer that can stand for a lost attempt's success. */
export const hasLostAttemptEffect = (operation: OperationId): boolean => operation in EFFECT_OF_LOST_ATTEMPT;

/** The success a retried call's error answer stands for, or undefined when it is an error as it is. */
export function effectOfLostAttempt<Op extends OperationId>(
  operation: Op,
  status: number,
  body: unknown,
): Result<Op> | undefined {
  return (EFFECT_OF_LOST_ATTEMPT[operation] as Effects[Op])?.(status, body);
}
