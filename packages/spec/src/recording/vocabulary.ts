// Which originals the safety net looks for. Personal by default means common words end up as
// originals too (an OCR status "approved", an unknown key's "address"): they are replaced where they
// are personal, but not hunted in what is kept, where they are the API's own words (`kyc.result`,
// `address_city`, "Create projection success"). Credentials are always looked for.
// docs/decisions.md "Recordings: what is personal, and its pseudonyms".
import {
  componentsParametersRequestTypeValues,
  dataFieldValues,
  projectionFieldValues,
  projectionModeValues,
  submissionFieldValues,
} from '../generated/idcheck.js';
import { TEMPLATES } from './messages.js';
import { PERSONAL_MIN } from './net.js';
import { FORMAT_OF_KEY, PERSONAL_KEYS } from './personal.js';
import { isCredential, type Kind } from './pseudonyms.js';

/** What every HAR a recording writes holds besides the exchanges (its version, the HTTP version, a mime type). */
const HAR_WORDS = ['1.2', 'HTTP/1.1', 'application/json'];

/** Words of the spec (field names, enum values, the literal parts of its messages) and of a HAR. */
export const SPEC_WORDS: readonly string[] = [
  ...new Set([
    ...submissionFieldValues,
    ...dataFieldValues,
    ...projectionFieldValues,
    ...projectionModeValues,
    ...componentsParametersRequestTypeValues,
    ...PERSONAL_KEYS,
    ...Object.keys(FORMAT_OF_KEY),
    ...TEMPLATES.flatMap((t) => t.split(/\{[a-z_]+\}/)),
    ...HAR_WORDS,
  ]),
].filter((word) => word !== '');

const SPEC_WORD_SET: ReadonlySet<string> = new Set(SPEC_WORDS);

/**
 * Whether the safety net looks for `original`: a credential; or a value that is not a string the
 * recording keeps, nor a word of the spec, nor (when long enough to be looked for inside texts) part
 * of one.
 */
export function lookedFor(original: string, kind: Kind, kept: ReadonlySet<string>): boolean {
  if (isCredential(kind)) return true;
  if (kept.has(original) || SPEC_WORD_SET.has(original)) return false;
  return original.length < PERSONAL_MIN || !SPEC_WORDS.some((word) => word.includes(original));
}
