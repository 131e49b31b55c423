// Compile-time guarantees of a call (vitest typecheck): method, path and result come from the spec's
// route table and success bodies by operation id, so a call cannot pair them wrongly.
import type { SuccessBody } from '@scrub/spec';
import type { components } from '@scrub/spec/idcheck';
import { describe, expectTypeOf, it } from 'vitest';
import type { Call, PathParams, Result, Route } from '../../src/internal/call.js';
import type { Send } from '../../src/internal/pipeline.js';

declare const send: Send;
type Schemas = components['schemas'];

describe('a route is the spec’s, by operation id', () => {
  it('method and path template are literal types', () => {
    expectTypeOf<Route<'getProjection'>>().toEqualTypeOf<{
      readonly method: 'GET';
      readonly path: '/v3/projection/{projectionId}';
    }>();
    expectTypeOf<Route<'submitText'>['method']>().toEqualTypeOf<'PUT'>();
  });

  it('path parameters are the placeholders of the path template', () => {
    expectTypeOf<PathParams<'getProjection'>>().toEqualTypeOf<{ readonly projectionId: string }>();
    expectTypeOf<keyof PathParams<'getTextResults'>>().toEqualTypeOf<'version' | 'account_id' | 'id'>();
    expectTypeOf<keyof PathParams<'listProjections'>>().toBeNever();
  });
});

describe('send resolves to the operation’s success body, never a type the caller picks', () => {
  it('the result type follows the operation id', () => {
    expectTypeOf(send({ operation: 'getSubmission', query: { submission_id: 's1' } })).resolves.toEqualTypeOf<
      Schemas['GetSubmissionResponse']
    >();
    expectTypeOf(send({ operation: 'listProjections' })).resolves.toEqualTypeOf<Schemas['ListProjectionsResponse']>();
    // a body sealed by the encryption option is opened before the call resolves
    expectTypeOf<SuccessBody<'listProjections'>>().toExtend<
      Result<'listProjections'> | Schemas['EncryptedResponseBody']
    >();
    expectTypeOf<Schemas['EncryptedResponseBody']>().not.toExtend<Result<'listProjections'>>();
  });

  it('a result typed as another operation’s body does not compile', () => {
    // @ts-expect-error getSubmission answers a GetSubmissionResponse, not a projection list
    const list: Promise<Result<'listProjections'>> = send({ operation: 'getSubmission', query: { userid: 'u' } });
    void list;
    // @ts-expect-error the caller cannot choose the result type: the type argument is the operation id
    void send<Schemas['ListProjectionsResponse']>({ operation: 'listProjections' });
  });

  it('a method or path of its own does not compile: both come from the route', () => {
    // @ts-expect-error the method is the route's
    void send({ operation: 'getSubmission', method: 'DELETE' });
    // @ts-expect-error the path is the route's
    void send({ operation: 'listProjections', path: '/v3/submission' });
  });

  it('path parameters the route lacks, or leaves out, do not compile', () => {
    void send({ operation: 'getProjection', params: { projectionId: 'p1' } });
    // @ts-expect-error getProjection's route holds {projectionId}, not {submissionId}
    void send({ operation: 'getProjection', params: { submissionId: 's1' } });
    // @ts-expect-error getProjection's route holds {projectionId}: it must be given
    void send({ operation: 'getProjection' });
    // @ts-expect-error listProjections' route holds no parameter
    void send({ operation: 'listProjections', params: { projectionId: 'p1' } });
  });

  it('query names and bodies are the operation’s', () => {
    // @ts-expect-error getSubmission has no `projection_id` query parameter
    void send({ operation: 'getSubmission', query: { projection_id: 'p1' } });
    // @ts-expect-error listProjections takes no query
    void send({ operation: 'listProjections', query: { userid: 'u' } });
    // @ts-expect-error getProjection takes no body
    void send({ operation: 'getProjection', params: { projectionId: 'p1' }, body: { name: 'a' } });
    expectTypeOf<Call<'createProjection'>['body']>().toEqualTypeOf<
      Schemas['ProjectionCreateRequest'] | Schemas['EncryptedRequestBody'] | undefined
    >();
  });
});
