// What reports never hold: personal values (the spec's data-field list and the personal parts of a
// submission and a text) and credentials. Every text a report takes from a server goes through here.
import { dataFieldValues } from '@scrub/spec/idcheck';

/** Keys whose values are personal: the spec's data-field list, and a submission's and a text's personal parts. */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  ...dataFieldValues,
  'email',
  'userid',
  'applicant_id',
  'OCR_raw',
  'ocr',
  'idImage',
  'idBackImage',
  'selfieImage',
  'text',
  'question_text',
  'author_id',
]);

/** A JSON value with every personal value replaced by `[redacted]`. */
export function redactPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPersonal);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, PERSONAL_KEYS.has(k) ? '[redacted]' : redactPersonal(v)]),
    );
  return value;
}

/** A response text for a report: personal values redacted when it is JSON. */
export function personalRedacted(text: string): string {
  try {
    return JSON.stringify(redactPersonal(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** Replaces every credential value (whole, before any cutting) in a text with `[redacted]`. */
export function credentialRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const list = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => list.reduce((t, secret) => t.split(secret).join('[redacted]'), text);
}
