// Judging an answer against the specs, for the three ways the suite meets one: a case's answer
// (what the case expects), a spec-breaking request's answer (a documented 4xx), and a recorded
// answer (documented for its operation).
import type { Case, Res } from './model.js';
import { personalRedacted } from './redact.js';
import {
  type DocumentedMessage,
  messageOf,
  type Operation,
  operationById,
  type ResponseValidator,
  templateMatches,
} from './spec.js';

/** Problems of the envelope: text assessment repeats the status as `code`; no case expects a sealed body. */
function envelopeProblems(op: Operation, res: Res): string[] {
  const problems: string[] = [];
  const body = res.json as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return problems;
  if (op.area === 'text-assessment' && 'code' in body && body.code !== res.status)
    problems.push(`body code ${JSON.stringify(body.code)} differs from the HTTP status ${res.status}`);
  // no case uses an encrypted project for a success, so a sealed `{ "data": ... }` body is wrong here
  if (res.status < 300 && Object.keys(body).length === 1 && typeof body.data === 'string')
    problems.push('an encrypted body ({"data": ...}) for a project without the encryption option');
  return problems;
}

/** The problems of a case's answer: status, proxy violations, content type, schema, message, envelope. */
export function caseProblems(
  c: Case,
  res: Res,
  validator: ResponseValidator,
  redact: (text: string) => string,
): string[] {
  // what a report quotes of the answer: credentials and personal values out before any cutting
  const quoted = (n: number) => redact(personalRedacted(res.text)).slice(0, n);
  const op = operationById.get(c.operationId)!;
  const problems: string[] = [];
  if (res.status !== c.status) problems.push(`expected status ${c.status}, got ${res.status}: ${quoted(200)}`);
  const violations = res.headers.get('sl-violations');
  if (violations) problems.push(`the proxy reports spec violations: ${violations.slice(0, 300)}`);
  if (!(res.headers.get('content-type') ?? '').includes('application/json'))
    problems.push(`content-type is ${res.headers.get('content-type') ?? 'missing'}, not application/json`);
  if (res.json === undefined) problems.push('body is not JSON');
  else problems.push(...validator.check(op, res.status, res.json));
  if (c.message !== undefined && messageOf(res.json) !== c.message)
    problems.push(`expected message "${c.message}", got ${JSON.stringify(messageOf(res.json) ?? quoted(120))}`);
  return [...problems, ...envelopeProblems(op, res)];
}

/** Answers a spec-breaking request must not get: they would mean the request was never checked. */
export const NOT_ABOUT_THE_REQUEST: ReadonlySet<DocumentedMessage> = new Set<DocumentedMessage>([
  'invalid API key for this project',
  'not Exist Project Data',
  'Forbidden',
  'invalid authentication credentials',
  'unsupported API version',
  'not Exist Submission Data',
  'submission not found',
]);

/**
 * Why the answer to a spec-breaking request (valid credentials and version) is wrong, or undefined:
 * it must be a 4xx documented for the operation, with a message about the request itself.
 */
export function refusalProblem(
  op: Operation,
  res: Res,
  validator: ResponseValidator,
  redact: (text: string) => string,
): string | undefined {
  const documented = op.errors.filter(
    (e) => e.status === res.status && !NOT_ABOUT_THE_REQUEST.has(e.message as DocumentedMessage),
  );
  const message = messageOf(res.json);
  if (res.status < 400 || res.status >= 500) return `got ${res.status}, not a 4xx`;
  if (!documented.length) return `status ${res.status} is not documented for ${op.operationId}`;
  if (message === undefined || !documented.some((e) => templateMatches(e.message, message)))
    return `undocumented message ${JSON.stringify(message ?? redact(personalRedacted(res.text)).slice(0, 100))}`;
  const problems = validator.check(op, res.status, res.json);
  return problems.length ? problems.join('; ') : undefined;
}

/** The problems of a recorded answer for the operations of its path (several: a 405 on a shared path). */
export function recordedProblems(
  validator: ResponseValidator,
  candidates: readonly Operation[],
  status: number,
  json: unknown,
  text: string,
): string[] {
  const documented = candidates.filter((op) => op.responses.has(status));
  if (!documented.length)
    return [`status ${status} is not documented for ${candidates.map((o) => o.operationId).join(' or ')}`];
  if (json === undefined)
    return [text ? 'the body is not JSON' : 'the body is empty (a documented answer has a JSON body)'];
  const problems: string[] = [];
  if (status >= 400) {
    const message = messageOf(json);
    const known = documented.some((op) =>
      op.errors.some((e) => e.status === status && message !== undefined && templateMatches(e.message, message)),
    );
    if (!known) problems.push(`message ${JSON.stringify(message ?? null)} is not documented for ${status}`);
  }
  // valid against any of the candidates' schemas (several only for a 405 on a shared path)
  const schemaProblems = documented.map((op) => validator.check(op, status, json));
  if (schemaProblems.every((p) => p.length)) problems.push(...schemaProblems[0]!);
  return problems;
}
