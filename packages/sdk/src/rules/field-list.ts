// The partial-delete rules for the comma-separated `fields` / `data_fields` values (the spec's check
// order, rules 5-7 and 9): shared by the mock, which enforces them, and the SDK, which refuses
// locally what the server would refuse, with the same message.

/** A documented message template of partialDeleteSubmission and the values of its `{name}` parts. */
export interface FieldListError {
  ok: false;
  template:
    | 'fields cannot be empty'
    | 'invalid format for fields: {detail}'
    | 'invalid format for data_fields: {detail}'
    | 'invalid fields found in fields: {names}'
    | 'invalid fields found in data_fields: {names}';
  values: Record<string, string>;
}

export type FieldListResult = { ok: true; names: string[] } | FieldListError;

const NAME = /^[A-Za-z0-9_]+$/;

/**
 * Checks one `fields` or `data_fields` value: split on `,`, trimmed, format before membership.
 * Names come back de-duplicated in request order. A `data_fields` value of only blanks names nothing
 * (`names: []`, i.e. all of `data`); one of only commas is a format error, never "all of data".
 */
export function checkFieldList(param: 'fields' | 'data_fields', value: string, allowed: ReadonlySet<string>): FieldListResult {
  const items = value.split(',').map((item) => item.trim());
  if (items.every((item) => item === '')) {
    if (param === 'fields') return { ok: false, template: 'fields cannot be empty', values: {} };
    if (value.trim() === '') return { ok: true, names: [] };
    return { ok: false, template: 'invalid format for data_fields: {detail}', values: { detail: 'empty name at position 1' } };
  }
  for (const [index, item] of items.entries()) {
    const bad = item === '' ? undefined : [...item].find((ch) => !NAME.test(ch));
    const detail = item === '' ? `empty name at position ${index + 1}` : bad !== undefined ? `invalid character ${JSON.stringify(bad)} at position ${index + 1}` : undefined;
    if (detail) return { ok: false, template: `invalid format for ${param}: {detail}`, values: { detail } };
  }
  const names = [...new Set(items)];
  const unknown = names.filter((name) => !allowed.has(name));
  if (unknown.length) return { ok: false, template: `invalid fields found in ${param}: {names}`, values: { names: unknown.join(', ') } };
  return { ok: true, names };
}
