// The `fields` / `data_fields` value rules of a partial delete (the spec's check order, rules 5-7 and 9).
import type { DocumentedMessage } from '../catalogue.js';

/** A documented message of partialDeleteSubmission and the values of its `{name}` parts. */
export interface RuleProblem<Message extends string = DocumentedMessage<'partialDeleteSubmission'>> {
  ok: false;
  message: Message;
  values: Record<string, string>;
}

export type FieldListResult = { ok: true; names: string[] } | RuleProblem;

const NAME = /^[A-Za-z0-9_]+$/;

/**
 * Checks one `fields` or `data_fields` value: split on `,`, trimmed, format before membership.
 * Names come back de-duplicated in request order. A `data_fields` value of only blanks names nothing
 * (`names: []`, i.e. all of `data`); one of only commas is a format error, never "all of data".
 */
export function checkFieldList(
  param: 'fields' | 'data_fields',
  value: string,
  allowed: ReadonlySet<string>,
): FieldListResult {
  const items = value.split(',').map((item) => item.trim());
  if (items.every((item) => item === '')) {
    if (param === 'fields') return { ok: false, message: 'fields cannot be empty', values: {} };
    if (value.trim() === '') return { ok: true, names: [] };
    return {
      ok: false,
      message: 'invalid format for data_fields: {detail}',
      values: { detail: 'empty name at position 1' },
    };
  }
  for (const [index, item] of items.entries()) {
    const bad = item === '' ? undefined : [...item].find((ch) => !NAME.test(ch));
    const detail =
      item === ''
        ? `empty name at position ${index + 1}`
        : bad !== undefined
          ? `invalid character ${JSON.stringify(bad)} at position ${index + 1}`
          : undefined;
    if (detail) return { ok: false, message: `invalid format for ${param}: {detail}`, values: { detail } };
  }
  const names = [...new Set(items)];
  const unknown = names.filter((name) => !allowed.has(name));
  if (unknown.length)
    return { ok: false, message: `invalid fields found in ${param}: {names}`, values: { names: unknown.join(', ') } };
  return { ok: true, names };
}
