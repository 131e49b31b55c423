import { describe, expect, it } from 'vitest';
import { AREAS, operationById, operations, ResponseValidator } from '../src/spec.js';

describe('spec', () => {
  it('lists the operations of both areas with their documented statuses and errors', () => {
    expect(AREAS).toEqual(['idcheck', 'text-assessment']);
    expect(operations.map((o) => o.operationId).sort()).toEqual([
      'createProjection',
      'deleteAuthorSubmissions',
      'deleteProjection',
      'getProjection',
      'getSubmission',
      'getTextResults',
      'listProjections',
      'partialDeleteSubmission',
      'submitText',
    ]);
    const op = operationById.get('getProjection')!;
    expect(op).toMatchObject({ area: 'idcheck', method: 'GET', path: '/v3/projection/{projectionId}' });
    expect([...op.responses.keys()].sort()).toEqual([200, 403, 404, 405, 413, 500]);
    expect(op.responses.get(404)).toBe('#/components/responses/ProjectionNotFound/content/application~1json/schema');
  });

  it('validates a body against the documented schema of its status', () => {
    const validator = new ResponseValidator();
    const op = operationById.get('getProjection')!;
    expect(validator.check(op, 404, { message: 'Projection not found' })).toEqual([]);
    expect(validator.check(op, 404, { message: 7 })).toEqual(['body/message must be string']);
    expect(validator.check(op, 418, {})).toEqual(['status 418 is not documented for getProjection']);
  });
});
