// The ID-check encryption option in a recording: a sealed body (`{"body": ...}` in a request,
// `{"data": ...}` in a 2xx answer) is opened with the upstream key, its plain JSON pseudonymised, and
// sealed again with the project's fresh key. docs/decisions.md "Encryption option (per project)".
import { decrypt, encrypt } from '../crypto.js';

/** The field a sealed body keeps its ciphertext in. */
export type SealField = 'body' | 'data';

/** The ciphertext when `value` is exactly `{ [field]: "<text>" }`, else undefined. */
export function sealedText(value: unknown, field: SealField): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const text = (value as Record<string, unknown>)[field];
  return keys.length === 1 && keys[0] === field && typeof text === 'string' ? text : undefined;
}

/** The plain JSON of a ciphertext under `apiKey`, or undefined when it does not decrypt to JSON. */
export function open(apiKey: string, ciphertext: string): { value: unknown } | undefined {
  const plain = decrypt(apiKey, ciphertext);
  if (plain === undefined) return undefined;
  try {
    return { value: JSON.parse(plain) };
  } catch {
    return undefined;
  }
}

/** `{ [field]: <ciphertext of the JSON of value under apiKey> }` as JSON text. */
export const seal = (apiKey: string, field: SealField, value: unknown) =>
  JSON.stringify({ [field]: encrypt(apiKey, JSON.stringify(value)) });
