import { describe, expect, it } from 'vitest';
import { caseProblems, recordedProblems, refusalProblem } from '../src/judge.js';
import type { Case } from '../src/model.js';
import { operationById, ResponseValidator } from '../src/spec.js';
import { answer } from './support/fake.js';

const validator = new ResponseValidator();
const same = (text: string) => text;
const notFound: Case = {
  operationId: 'getProjection',
  title: 'of an unknown projection',
  status: 404,
  documented: 'Projection not found',
  message: 'Projection not found',
  needs: [],
  run: async () => {
    throw new Error('not run in a unit test');
  },
};

describe('caseProblems', () => {
  it('passes the expected answer', () => {
    expect(caseProblems(notFound, answer(404, { message: 'Projection not found' }), validator, same)).toEqual([]);
  });

  it('names a wrong status (quoting the body, credentials and personal values out) and a wrong message', () => {
    const res = answer(400, { message: 'secret-key for Ada', first_name: 'Ada' });
    expect(caseProblems(notFound, res, validator, (t) => t.replace('secret-key', '[redacted]'))).toEqual([
      'expected status 404, got 400: {"message":"[redacted] for Ada","first_name":"[redacted]"}',
      'status 400 is not documented for getProjection',
      // the runner redacts every problem afterwards; only the quoted body is cut, so redacted first
      'expected message "Projection not found", got "secret-key for Ada"',
    ]);
  });

  it('names a body that is not JSON, a wrong content type and spec violations a proxy reports', () => {
    const res = { status: 404, headers: new Headers({ 'sl-violations': 'bad' }), text: 'nope', json: undefined };
    expect(caseProblems(notFound, res, validator, same)).toEqual([
      'the proxy reports spec violations: bad',
      'content-type is missing, not application/json',
      'body is not JSON',
      'expected message "Projection not found", got "nope"',
    ]);
  });

  it('names a text-assessment code that differs from the status, and a sealed body for a plain project', () => {
    const results: Case = { ...notFound, operationId: 'getTextResults', status: 200, message: undefined };
    expect(caseProblems(results, answer(200, { type: 'success', code: 201 }), validator, same)).toContain(
      'body code 201 differs from the HTTP status 200',
    );
    const list: Case = { ...notFound, operationId: 'listProjections', status: 200, message: undefined };
    expect(caseProblems(list, answer(200, { data: 'c2VhbGVk' }), validator, same)).toContain(
      'an encrypted body ({"data": ...}) for a project without the encryption option',
    );
  });
});

describe('refusalProblem', () => {
  const op = operationById.get('createProjection')!;
  it('accepts a documented 4xx about the request', () => {
    expect(refusalProblem(op, answer(400, { message: 'Invalid mode: x' }), validator, same)).toBeUndefined();
  });
  it('refuses a success, a 5xx, an answer about the credentials and an undocumented message', () => {
    expect(refusalProblem(op, answer(200, {}), validator, same)).toBe('got 200, not a 4xx');
    expect(refusalProblem(op, answer(500, {}), validator, same)).toBe('got 500, not a 4xx');
    expect(refusalProblem(op, answer(403, { message: 'Forbidden' }), validator, same)).toBe(
      'status 403 is not documented for createProjection',
    );
    expect(refusalProblem(op, answer(400, { message: 'bad' }), validator, same)).toBe('undocumented message "bad"');
  });
});

describe('recordedProblems', () => {
  const get = operationById.get('getProjection')!;
  const del = operationById.get('deleteProjection')!;
  it('accepts a documented answer', () => {
    expect(recordedProblems(validator, [get], 404, { message: 'Projection not found' }, 'x')).toEqual([]);
  });
  it('names an undocumented status for every candidate, a body that is not JSON or empty, an unknown message', () => {
    expect(recordedProblems(validator, [get, del], 418, undefined, '')).toEqual([
      'status 418 is not documented for getProjection or deleteProjection',
    ]);
    expect(recordedProblems(validator, [get], 404, undefined, '<html>')).toEqual(['the body is not JSON']);
    expect(recordedProblems(validator, [get], 404, undefined, '')).toEqual([
      'the body is empty (a documented answer has a JSON body)',
    ]);
    expect(recordedProblems(validator, [get], 404, { message: 'gone' }, 'x')).toEqual([
      'message "gone" is not documented for 404',
    ]);
  });
});
