// The partial-delete rules for the comma-separated `fields` / `data_fields` values (the spec's check
// order, rules 5-7): shared by the mock, which enforces them, and the SDK, which refuses locally
// what the server would refuse, with the same message.

export type FieldListResult =
  | { ok: true; names: string[] }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'format'; detail: string }
  | { ok: false; problem: 'unknown'; names: string[] };

const NAME = /^[A-Za-z0-9_]+$/;

/** Splits on `,`, trims, checks format then membership; names come back de-duplicated in request order. */
export function parseFieldList(value: string, allowed: ReadonlySet<string>): FieldListResult {
  const items = value.split(',').map((item) => item.trim());
  if (items.every((item) => item === '')) return { ok: false, problem: 'empty' };
  for (const [index, item] of items.entries()) {
    if (item === '') return { ok: false, problem: 'format', detail: `empty name at position ${index + 1}` };
    const bad = [...item].find((ch) => !NAME.test(ch));
    if (bad !== undefined) return { ok: false, problem: 'format', detail: `invalid character ${JSON.stringify(bad)} at position ${index + 1}` };
  }
  const names = [...new Set(items)];
  const unknown = names.filter((name) => !allowed.has(name));
  return unknown.length ? { ok: false, problem: 'unknown', names: unknown } : { ok: true, names };
}
