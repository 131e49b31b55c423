import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzLine, fuzzOperation, invalidRequests, isValidProjection } from '../src/fuzz.js';
import type { Req, Sent } from '../src/model.js';
import { operationById, ResponseValidator } from '../src/spec.js';
import { answer, CREDS } from './support/fake.js';

const FIELDS = ['email', 'data', 'id_image'];
const DATA = ['first_name', 'gender'];
const PROJECTION = ['first_name', 'gender'];
const arbitraries = invalidRequests(CREDS, FIELDS, DATA, PROJECTION);
const sample = (operationId: string) => fc.sample(arbitraries[operationId]!, { numRuns: 60, seed: 7 });

describe('invalidRequests', () => {
  it('builds spec-breaking requests for five operations, with the run credentials', () => {
    expect(Object.keys(arbitraries)).toEqual([
      'partialDeleteSubmission',
      'getSubmission',
      'createProjection',
      'deleteAuthorSubmissions',
      'submitText',
    ]);
    for (const req of sample('partialDeleteSubmission')) {
      expect(req).toMatchObject({
        method: 'DELETE',
        path: '/v3/submission/partial',
        headers: { 'x-api-key': 'unit-api-key' },
      });
      expect(req.query).not.toMatch(/^submission_id=unit-s1&fields=(email|data|id_image)$/);
    }
  });

  it('never builds a valid projection', () => {
    for (const req of sample('createProjection')) {
      expect(req.headers).toEqual({ 'x-api-key': 'unit-api-key', 'content-type': 'application/json' });
      expect(isValidProjection(req.body!, PROJECTION)).toBe(false);
    }
    expect(isValidProjection('{"name":"ok_1","mode":"exclude","fields":["gender"]}', PROJECTION)).toBe(true);
    expect(isValidProjection('{"name":"ok_1","mode":"exclude","fields":["ssn"]}', PROJECTION)).toBe(false);
  });

  it("deletes only authors of the suite's own, over-long or with a character outside [A-Za-z0-9-]", () => {
    for (const req of sample('deleteAuthorSubmissions')) {
      const id = decodeURIComponent(req.path.split('/author/')[1]!);
      expect(req.path.startsWith('/v2.3.0/account/unit-account/author/')).toBe(true);
      expect(id.startsWith('scrub-contract-')).toBe(true);
      expect(id.length > 40 || /[^A-Za-z0-9-]/.test(id)).toBe(true);
    }
  });
});

describe('fuzzOperation', () => {
  const base = {
    validator: new ResponseValidator(),
    redact: (t: string) => t,
    runs: 20,
    seed: 42,
    target: 'http://t.test',
    creds: CREDS,
  };
  const op = operationById.get('getSubmission')!;
  const reqs = fc.constant<Req>({
    method: 'GET',
    path: '/v3/submission',
    query: 'count=0',
    headers: { 'x-api-key': 'k' },
  });
  const sender =
    (status: number, body: unknown) =>
    async (req: Req): Promise<Sent> => ({ ...answer(status, body), request: req });

  it('passes when every answer is a documented 4xx about the request', async () => {
    const send = sender(400, { errorCode: 'Invalid Query String parameters' });
    expect(await fuzzOperation(op, reqs, { ...base, send })).toEqual({
      operationId: 'getSubmission',
      runs: 20,
      seed: 42,
    });
  });

  it('fails with the counterexample (headers out), its path and a curl reproduction', async () => {
    const result = await fuzzOperation(op, reqs, { ...base, send: sender(200, { Items: [] }) });
    expect(result).toMatchObject({
      operationId: 'getSubmission',
      failure: 'got 200, not a 4xx for {"method":"GET","path":"/v3/submission","query":"count=0"}',
      path: '0',
      reproduce: "curl -sS -i -X GET 'http://t.test/v3/submission?count=0' -H 'x-api-key: k'",
    });
    expect(fuzzLine(result)).toBe(
      'FAIL getSubmission: got 200, not a 4xx for {"method":"GET","path":"/v3/submission","query":"count=0"}\n' +
        '       replay: --only getSubmission --seed 42 --fuzz-path 0\n' +
        "       reproduce: curl -sS -i -X GET 'http://t.test/v3/submission?count=0' -H 'x-api-key: k'",
    );
  });

  it('logs a passing operation in one line', () => {
    expect(fuzzLine({ operationId: 'submitText', runs: 3, seed: 9 })).toBe(
      'ok   submitText: 3 spec-breaking requests all got a documented 4xx (seed 9)',
    );
  });
});
