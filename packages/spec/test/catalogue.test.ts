// The catalogue of both areas: routes and documented errors as the specs list them, and bodies in the
// envelope each documented example uses.
import { describe, expect, it } from 'vitest';
import {
  documentedErrorFor,
  documentedErrorOf,
  documentedResponse,
  errorBody,
  errorMessages,
  operationRoutes,
} from '../src/index.js';

describe('catalogue', () => {
  it('holds every operation of both specs with its route and area', () => {
    expect(Object.keys(operationRoutes)).toEqual([
      'partialDeleteSubmission',
      'getSubmission',
      'listProjections',
      'createProjection',
      'getProjection',
      'deleteProjection',
      'deleteAuthorSubmissions',
      'submitText',
      'getTextResults',
    ]);
    expect(operationRoutes.getProjection).toEqual({
      method: 'GET',
      path: '/v3/projection/{projectionId}',
      area: 'idcheck',
    });
    expect(operationRoutes.submitText).toEqual({
      method: 'PUT',
      path: '/{version}/account/{account_id}/text/{id}',
      area: 'text-assessment',
    });
    expect(Object.keys(errorMessages)).toEqual(Object.keys(operationRoutes));
  });

  it('lists documented errors in check order, with their example bodies', () => {
    expect(errorMessages.partialDeleteSubmission.slice(0, 4).map((e) => `${e.status} ${e.message}`)).toEqual([
      '413 Request Entity Too Large',
      '400 invalid API key for this project',
      '400 not Exist Project Data',
      '400 submission_id is required',
    ]);
    expect(documentedErrorOf('createProjection', 'Projection count limit exceeded')).toEqual({
      status: 409,
      message: 'Projection count limit exceeded',
      example: { message: 'Projection count limit exceeded' },
    });
  });

  it('fills a documented message into the envelope of its example', () => {
    expect(
      documentedResponse('partialDeleteSubmission', 'invalid fields found in fields: {names}', { names: 'a, b' }),
    ).toEqual({
      status: 400,
      message: 'invalid fields found in fields: a, b',
      body: { errorCode: 'invalid fields found in fields: a, b' },
    });
    expect(documentedResponse('submitText', '{attribute} too long', { attribute: 'author_id' })).toEqual({
      status: 400,
      message: 'author_id too long',
      body: { type: 'error', code: 400, message: 'author_id too long' },
    });
    expect(documentedResponse('getProjection', 'Forbidden').body).toEqual({ message: 'Forbidden' });
    expect(errorBody({ message: 'x' }, 404, 'y')).toEqual({ message: 'y' });
  });

  it('documentedErrorFor: the documented text sends its example, a filled-in one its own text, else nothing', () => {
    expect(documentedErrorFor('partialDeleteSubmission', 'invalid format for fields: {detail}')).toEqual({
      status: 400,
      message: 'invalid format for fields: error message',
      body: { errorCode: 'invalid format for fields: error message' },
    });
    expect(documentedErrorFor('submitText', 'task_id too long')).toEqual({
      status: 400,
      message: 'task_id too long',
      body: { type: 'error', code: 400, message: 'task_id too long' },
    });
    expect(documentedErrorFor('getProjection', 'Projection count limit exceeded')).toBeUndefined();
  });

  it('refuses an undocumented message', () => {
    expect(() => documentedResponse('getProjection', 'Projection count limit exceeded' as never)).toThrow(
      'getProjection does not document "Projection count limit exceeded"',
    );
  });
});
