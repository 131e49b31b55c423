// The arm API on the state object is typed from the spec's catalogue: an operation id narrows the
// statuses and messages it accepts at compile time.
import { describe, expectTypeOf, it } from 'vitest';
import { type Arm, createMockState, type JournalEntry } from '../src/index.js';

const state = createMockState();

describe('state.arm', () => {
  it('accepts the statuses and messages the operation documents', () => {
    expectTypeOf(state.arm({ operationId: 'createProjection', status: 409 })).toEqualTypeOf<Arm>();
    state.arm({ operationId: 'createProjection', message: 'Projection count limit exceeded', times: 2 });
    state.arm({ operationId: 'listProjections', fault: 'apply-then-reset' });
    state.arm({ operationId: 'listProjections', delay: 100 });
    state.arm({ operationId: 'partialDeleteSubmission', message: 'invalid fields found in fields: a, b' });
    // @ts-expect-error createProjection does not document this message
    state.arm({ operationId: 'createProjection', message: 'Projection not found' });
    // @ts-expect-error createProjection documents no 404
    state.arm({ operationId: 'createProjection', status: 404 });
    // @ts-expect-error not an operation of either spec
    state.arm({ operationId: 'createUser', status: 500 });
    // @ts-expect-error not a fault
    state.arm({ operationId: 'listProjections', fault: 'explode' });
    // @ts-expect-error one of status, message and fault
    state.arm({ operationId: 'createProjection', status: 409, fault: 'reset' });
  });

  it('journal entries are typed', () => {
    expectTypeOf(state.requests({ operationId: 'getProjection' })).toEqualTypeOf<JournalEntry[]>();
    // @ts-expect-error not an operation id
    state.requests({ operationId: 'getProjections' });
  });
});
