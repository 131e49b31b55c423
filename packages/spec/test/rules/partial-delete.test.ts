// checkPartialDelete: the spec's check order, first failing rule wins.
import { describe, expect, it } from 'vitest';
import { applyPartialDelete, checkPartialDelete } from '../../src/rules.js';

const check = (query: string) => checkPartialDelete(new URLSearchParams(query));
const problem = (query: string) => {
  const r = check(query);
  return r.ok ? 'ok' : `${r.message} ${JSON.stringify(r.values)}`;
};

describe('checkPartialDelete', () => {
  it.each([
    ['fields=data', 'submission_id is required {}'],
    ['submission_id=&fields=data', 'submission_id is required {}'],
    ['submission_id=s1&fields=data&fields=email', 'fields must be a string {}'],
    ['submission_id=s1&fields=data&data_fields=a&data_fields=b', 'data_fields must be a string {}'],
    ['submission_id=s1', 'fields parameter is required and cannot be empty {}'],
    ['submission_id=s1&fields=', 'fields parameter is required and cannot be empty {}'],
    ['submission_id=s1&fields=%20,%20', 'fields cannot be empty {}'],
    [
      'submission_id=s1&fields=data,,email',
      'invalid format for fields: {detail} {"detail":"empty name at position 2"}',
    ],
    [
      'submission_id=s1&fields=ocr-raw',
      'invalid format for fields: {detail} {"detail":"invalid character \\"-\\" at position 1"}',
    ],
    [
      'submission_id=s1&fields=ocr_raw,Data,ocr_raw',
      'invalid fields found in fields: {names} {"names":"ocr_raw, Data"}',
    ],
    [
      'submission_id=s1&fields=email&data_fields=',
      'data_fields parameter is not allowed when fields does not include data {}',
    ],
    [
      'submission_id=s1&fields=data&data_fields=,',
      'invalid format for data_fields: {detail} {"detail":"empty name at position 1"}',
    ],
    [
      'submission_id=s1&fields=data&data_fields=mid_name',
      'invalid fields found in data_fields: {names} {"names":"mid_name"}',
    ],
  ])('%s -> %s', (query, expected) => {
    expect(problem(query)).toBe(expected);
  });

  it('returns the parsed request: de-duplicated, request order, trimmed; blank data_fields means all of data', () => {
    expect(
      check('submission_id=s1&fields=%20email,data,email&data_fields=last_name,%20first_name&admin_name=Ann'),
    ).toEqual({
      ok: true,
      submissionId: 's1',
      fields: ['email', 'data'],
      dataFields: ['last_name', 'first_name'],
      adminName: 'Ann',
    });
    expect(check('submission_id=s1&fields=data&data_fields=%20')).toEqual({
      ok: true,
      submissionId: 's1',
      fields: ['data'],
      dataFields: [],
      adminName: undefined,
    });
  });
});

const stored = () => ({
  submission_id: 's1',
  email: 'e',
  data: { first_name: 'f', last_name: 'l' },
  image: { idImage: 'a', idBackImage: 'b', selfieImage: 'c' },
  OCR_raw: {},
});

describe('applyPartialDelete', () => {
  it('id_image and selfie_image remove image keys; other names the top-level key', () => {
    const s = stored();
    applyPartialDelete(s, ['id_image', 'email', 'OCR_raw'], []);
    expect(s).toEqual({ submission_id: 's1', data: { first_name: 'f', last_name: 'l' }, image: { selfieImage: 'c' } });
    applyPartialDelete(s, ['selfie_image'], []);
    expect(s.image).toEqual({});
  });

  it('data with data fields removes those keys of data; without, all of data', () => {
    const s = stored();
    applyPartialDelete(s, ['data'], ['first_name']);
    expect(s.data).toEqual({ last_name: 'l' });
    applyPartialDelete(s, ['data'], []);
    expect(s.data).toEqual({});
  });

  it('names that are not where they say are no-ops (and never reach the prototype)', () => {
    const s = { submission_id: 's1' } as Record<string, unknown>;
    applyPartialDelete(s, ['id_image', 'data', 'constructor', '__proto__'], ['x']);
    expect(s).toEqual({ submission_id: 's1' });
  });
});
