// Body and id checks of submitText, in the order its spec description gives.

import { identifierProblem } from '@scrub/spec/rules';
import { TEXT_MAX_LENGTH } from './state.js';

// C0 controls except tab, LF, CR; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export type TextProblem =
  | { message: 'invalid JSON' }
  | { message: 'text contains invalid control characters' }
  | {
      message:
        | '{attribute} is required'
        | '{attribute} must be a string'
        | '{attribute} must be an integer'
        | '{attribute} too long'
        | '{attribute} must only contain alphanumerics and hyphens';
      attribute: string;
    };

const STRINGS = ['text', 'author_id', 'task_id', 'session_id', 'question_text'] as const;
const IDS = ['author_id', 'task_id', 'session_id'] as const;

export interface TextBody {
  text: string;
  author_id: string;
  task_id: string;
  session_id?: string;
  question_text?: string;
  sequence_id?: number;
  sequence_count?: number;
}

/** Parses and checks a submitText body; `id` is the path id. */
export function checkTextBody(
  id: string,
  raw: string | undefined,
): { ok: true; body: TextBody } | { ok: false; problem: TextProblem } {
  let body: unknown;
  try {
    body = JSON.parse(raw ?? '');
  } catch {
    return { ok: false, problem: { message: 'invalid JSON' } };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, problem: { message: 'invalid JSON' } };
  const b = body as Record<string, unknown>;
  const has = (key: string) => Object.hasOwn(b, key);

  for (const attribute of ['text', 'author_id', 'task_id'] as const)
    if (!has(attribute)) return { ok: false, problem: { message: '{attribute} is required', attribute } };
  if (has('sequence_id') && !has('session_id'))
    return { ok: false, problem: { message: '{attribute} is required', attribute: 'session_id' } };

  for (const attribute of STRINGS)
    if (has(attribute) && typeof b[attribute] !== 'string')
      return { ok: false, problem: { message: '{attribute} must be a string', attribute } };
  for (const [attribute, min] of [
    ['sequence_id', 0],
    ['sequence_count', 1],
  ] as const) {
    const value = b[attribute];
    if (has(attribute) && !(Number.isSafeInteger(value) && (value as number) >= min))
      return { ok: false, problem: { message: '{attribute} must be an integer', attribute } };
  }

  const ids: [string, string][] = [
    ['id', id],
    ...IDS.filter(has).map((key): [string, string] => [key, b[key] as string]),
  ];
  const tooLong = ids.find(([, value]) => identifierProblem(value) === 'too long');
  if (tooLong && tooLong[0] === 'id')
    return { ok: false, problem: { message: '{attribute} too long', attribute: 'id' } };
  if ([...(b.text as string)].length > TEXT_MAX_LENGTH)
    return { ok: false, problem: { message: '{attribute} too long', attribute: 'text' } };
  if (tooLong) return { ok: false, problem: { message: '{attribute} too long', attribute: tooLong[0] } };
  const badChars = ids.find(([, value]) => identifierProblem(value) !== undefined); // none is too long by now
  if (badChars)
    return {
      ok: false,
      problem: { message: '{attribute} must only contain alphanumerics and hyphens', attribute: badChars[0] },
    };
  if (CONTROL.test(b.text as string))
    return { ok: false, problem: { message: 'text contains invalid control characters' } };

  const text: TextBody = { text: b.text as string, author_id: b.author_id as string, task_id: b.task_id as string };
  for (const key of ['session_id', 'question_text'] as const) if (has(key)) text[key] = b[key] as string;
  for (const key of ['sequence_id', 'sequence_count'] as const) if (has(key)) text[key] = b[key] as number;
  return { ok: true, body: text };
}
