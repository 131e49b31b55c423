// Compile-time guarantees, run by vitest's typecheck mode (tsc): field names, enums and error codes
// come from the specs, so a typo does not compile.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createIdCheckClient,
  createTextAssessmentClient,
  type DataField,
  type ErrorMessages,
  isAPIError,
  type PartialDeleteParams,
  type Projection,
  type ProjectionField,
  type SubmissionField,
  type Success,
  type TextSubmission,
} from '../src/index.js';

const client = createIdCheckClient({ apiKey: 'k', baseUrl: 'http://unused.test' });
const elit = createTextAssessmentClient({ accountId: 'a', token: 't' });

describe('field names are literal unions from the spec', () => {
  it('partial delete takes documented fields and data fields only (case-sensitive)', () => {
    expectTypeOf<'OCR_raw'>().toExtend<SubmissionField>();
    expectTypeOf<'ocr_raw'>().not.toExtend<SubmissionField>();
    expectTypeOf<'first_name'>().toExtend<DataField>();
    expectTypeOf<'mid_name'>().not.toExtend<DataField>();
    expectTypeOf(client.submissions.partialDelete).parameter(0).toEqualTypeOf<PartialDeleteParams>();
    // @ts-expect-error `ocr_raw` is not a field
    void client.submissions.partialDelete({ submissionId: 's1', fields: ['ocr_raw'] });
  });

  it('projections take projection fields and the one mode', () => {
    expectTypeOf<'name'>().toExtend<DataField>();
    expectTypeOf<'name'>().not.toExtend<ProjectionField>();
    expectTypeOf(client.projections.create).parameter(0).toHaveProperty('mode').toEqualTypeOf<'exclude' | undefined>();
    expectTypeOf(client.projections.create)
      .parameter(0)
      .toHaveProperty('fields')
      .toEqualTypeOf<readonly ProjectionField[]>();
    expectTypeOf(client.projections.list).returns.resolves.toEqualTypeOf<Projection[]>();
  });

  it('submission queries take a user id or an email, not both', () => {
    expectTypeOf(client.submissions.list).toBeCallableWith({ userid: 'u' });
    expectTypeOf(client.submissions.list).toBeCallableWith({ email: 'e', count: 10 });
    // @ts-expect-error userid and email are exclusive
    void client.submissions.list({ userid: 'u', email: 'e' });
  });

  it('a text submission needs text, author_id and task_id', () => {
    expectTypeOf<{ text: string }>().not.toExtend<TextSubmission>();
    expectTypeOf<{ text: string; author_id: string; task_id: string }>().toExtend<TextSubmission>();
    expectTypeOf(elit.texts.submit).parameter(1).toEqualTypeOf<TextSubmission>();
    // the answer's type can be named (its spec schema, `Success`)
    expectTypeOf(elit.texts.submit).returns.resolves.toEqualTypeOf<Success>();
  });
});

describe('error codes are the documented messages of each operation', () => {
  it("ErrorMessages holds each operation's messages, variable parts as template types", () => {
    expectTypeOf<'Projection count limit exceeded'>().toExtend<ErrorMessages['createProjection']>();
    expectTypeOf<'Invalid fields detected: mid_name'>().toExtend<ErrorMessages['createProjection']>();
    expectTypeOf<'Projection not found'>().not.toExtend<ErrorMessages['createProjection']>();
    expectTypeOf<'invalid fields found in fields: a, b'>().toExtend<ErrorMessages['partialDeleteSubmission']>();
  });

  it("isAPIError narrows `code` to the operation's messages", () => {
    const error: unknown = undefined;
    if (isAPIError(error, 'getProjection')) expectTypeOf(error.code).toEqualTypeOf<ErrorMessages['getProjection']>();
  });
});
