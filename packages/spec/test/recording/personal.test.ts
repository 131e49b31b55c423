import { describe, expect, it } from 'vitest';
import { dataFieldValues } from '../../src/generated/idcheck.js';
import { FORMAT_OF_KEY, isCredentialName, PERSONAL_KEYS } from '../../src/recording/personal.js';

describe('what is personal', () => {
  it('PERSONAL_KEYS: every data field of the spec, and the personal parts of a submission and a text', () => {
    for (const field of dataFieldValues) expect(PERSONAL_KEYS.has(field)).toBe(true);
    for (const key of ['email', 'userid', 'applicant_id', 'OCR_raw', 'ocr', 'review', 'duplicated_information'])
      expect(PERSONAL_KEYS.has(key)).toBe(true);
    for (const key of ['idImage', 'idBackImage', 'selfieImage', 'text', 'question_text', 'author_id', 'session_id'])
      expect(PERSONAL_KEYS.has(key)).toBe(true);
    // what a recording keeps; a record's id (a report says which record) and the image holder (its keys are listed)
    for (const key of ['projection_id', 'created_at', 'updated_at', 'task_id', 'message', 'errorCode', 'kyc'])
      expect(PERSONAL_KEYS.has(key)).toBe(false);
    expect(PERSONAL_KEYS.has('submission_id')).toBe(false);
    expect(PERSONAL_KEYS.has('image')).toBe(false);
  });

  it('the typed data fields keep their format; ids and texts their character classes', () => {
    expect(FORMAT_OF_KEY.email).toBe('email');
    expect(FORMAT_OF_KEY.date_of_birth).toBe('date');
    expect(FORMAT_OF_KEY.idcard_issueDate).toBe('date');
    expect(FORMAT_OF_KEY.idcard_expireDate).toBe('date');
    expect(FORMAT_OF_KEY.nationality).toBe('country');
    expect(FORMAT_OF_KEY.idcard_issuingCountry).toBe('country');
    expect(FORMAT_OF_KEY.address_country).toBe('country');
    expect(FORMAT_OF_KEY.ip_address).toBe('ip');
    expect(FORMAT_OF_KEY.selfieImage).toBe('image');
    expect(FORMAT_OF_KEY.author_id).toBe('text');
    expect(FORMAT_OF_KEY.text).toBe('text');
  });

  it.each([
    ['x-api-key', true],
    ['api_key', true],
    ['apiKey', true],
    ['nextpageKey', true],
    ['access_token', true],
    ['x-auth-token', true],
    ['client-secret', true],
    ['Password', true],
    ['authorization', true],
    ['suspect_tokens', false],
    ['monkey', false],
    ['author_id', false],
    ['session_id', false],
    ['keyboard', false],
  ])('%s is named like a credential: %s', (name, credential) => {
    expect(isCredentialName(name)).toBe(credential);
  });
});
