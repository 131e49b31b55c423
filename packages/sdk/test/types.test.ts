// Compile-time guarantees, checked by `tsc --noEmit` (the typecheck task) and run as no-op tests.
import { describe, expect, it } from 'vitest';
import { createIdCheckClient, createTextAssessmentClient, type ErrorMessages, type SubmissionField } from '../src/index.js';

describe('types do the work', () => {
  it('field names are literal unions; a typo does not compile', () => {
    const client = createIdCheckClient({ apiKey: 'k', baseUrl: 'http://unused.test' });
    const typed = () => {
      void client.submissions.partialDelete({ submissionId: 's1', fields: ['data', 'OCR_raw'], dataFields: ['first_name'] });
      // @ts-expect-error `ocr_raw` is not a field (case-sensitive)
      void client.submissions.partialDelete({ submissionId: 's1', fields: ['ocr_raw'] });
      // @ts-expect-error `mid_name` is not a data field
      void client.submissions.partialDelete({ submissionId: 's1', fields: ['data'], dataFields: ['mid_name'] });
      // @ts-expect-error `name` is a data field but not a projection field
      void client.projections.create({ name: 'p', fields: ['name'] });
      // @ts-expect-error only `exclude` exists
      void client.projections.create({ name: 'p', fields: ['gender'], mode: 'include' });
      // @ts-expect-error userid and email are exclusive
      void client.submissions.list({ userid: 'u', email: 'e' });
      // @ts-expect-error text, author_id and task_id are required
      void createTextAssessmentClient({ accountId: 'a', token: 't' }).texts.submit('t1', { text: 'x' });
    };
    expect(typeof typed).toBe('function');
  });

  it('error codes are the documented messages of each operation', () => {
    const ok: ErrorMessages['createProjection'][] = ['Projection count limit exceeded', 'Invalid mode: include', 'Invalid fields detected: mid_name'];
    // @ts-expect-error not a message createProjection documents
    const bad: ErrorMessages['createProjection'] = 'Projection not found';
    const field: SubmissionField = 'injection_action';
    expect([ok.length, bad, field]).toEqual([3, 'Projection not found', 'injection_action']);
  });
});
