// What is personal: the one list (the contract suite's report redaction uses it too), the format each
// known key keeps, and which names hold credentials. Anything not listed as kept is personal: a
// recording allow-lists what it keeps, never what it replaces. docs/decisions.md "Recordings: what is
// personal, and its pseudonyms".
import { dataFieldValues } from '../generated/idcheck.js';
import type { Format } from './formats.js';

/**
 * Keys whose values are personal wherever they appear: the spec's data fields, a submission's and a
 * text's personal parts (reports redact them). A record's own id (`submission_id`) is not in it, so a
 * report can still say which record; a recording pseudonymises it too, as it does everything it does
 * not keep.
 */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  ...dataFieldValues,
  'email',
  'userid',
  'applicant_id',
  'OCR_raw',
  'ocr',
  'review',
  'idImage',
  'idBackImage',
  'selfieImage',
  'addressImage',
  'additional_list',
  'duplicated_information',
  'custom_duplicated_information',
  'text',
  'question_text',
  'author_id',
  'session_id',
]);

/** The format the value of a known personal key keeps, at any depth (others: `personal`). */
export const FORMAT_OF_KEY: Readonly<Record<string, Format>> = {
  email: 'email',
  date_of_birth: 'date',
  idcard_issueDate: 'date',
  idcard_expireDate: 'date',
  nationality: 'country',
  idcard_issuingCountry: 'country',
  address_country: 'country',
  ip_address: 'ip',
  idImage: 'image',
  idBackImage: 'image',
  selfieImage: 'image',
  addressImage: 'image',
  // ids and texts keep their characters' classes: the id rule and the text limit hold
  submission_id: 'text',
  userid: 'text',
  applicant_id: 'text',
  author_id: 'text',
  session_id: 'text',
  text: 'text',
  question_text: 'text',
};

const CREDENTIAL_WORDS = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'signature',
  'cookie',
]);

/** Whether a header, query parameter or body key is named like a credential (`api_key`, `nextpageKey`, `x-auth`). */
export function isCredentialName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => CREDENTIAL_WORDS.has(word));
}
