// What reports never hold: personal values and credentials. Every text a report takes from a server
// goes through here. What is personal is the one list of `@scrub/spec/recording` (the recorder
// pseudonymises the same keys): docs/decisions.md "Recordings: what is personal, and its pseudonyms".
import { PERSONAL_KEYS } from '@scrub/spec/recording';

/** Keys whose values are personal: the spec's data fields, a submission's and a text's personal parts. */
export { PERSONAL_KEYS };

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
