// Negative property tests: fast-check builds requests that break the spec in one way each (wrong
// types, missing values, out-of-enum names, over-long ids, bad JSON); every answer must be a
// documented 4xx with a documented body.
import fc from 'fast-check';
import { toCurl } from './curl.js';
import { qs } from './http.js';
import { refusalProblem } from './judge.js';
import type { Credentials, FuzzResult, Req, Sent } from './model.js';
import type { Operation, ResponseValidator } from './spec.js';

const junk = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom('__proto__', 'constructor', 'ocr_raw', 'Data', 'mid_name', 'idtype', '%', 'a b', 'é', '-', ''),
);
const notInEnum = (allowed: readonly string[]) => junk.filter((s) => !allowed.includes(s));
const longId = fc.string({ unit: fc.constantFrom('a', 'b', '1', '-'), minLength: 41, maxLength: 80 });
const badCharsId = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter((s) => /[^A-Za-z0-9-]/.test(s) && !/[/?#%.]/.test(s) && s.trim() === s);
/** Ids of the suite's own, over-long or with a character outside `[A-Za-z0-9-]`. */
const ownLongId = longId.map((id) => `scrub-contract-${id}`);
const ownBadCharsId = badCharsId.map((id) => `scrub-contract-${id}`);
const jsonJunk = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constantFrom('{', '[1,', 'null', '"x"', ''),
);

/** What the request builders of one run share: the credentials' headers and paths. */
interface Parts {
  /** An existing submission where the target has one: then "no such submission" cannot hide a missing check. */
  sid: string;
  key: Record<string, string>;
  auth: Record<string, string>;
  ta(rest: string): string;
}

const jsonHeaders = (h: Record<string, string>) => ({ ...h, 'content-type': 'application/json' });

function partialDeletes(p: Parts, fields: readonly string[], dataFields: readonly string[]): fc.Arbitrary<Req> {
  const { sid } = p;
  return fc
    .oneof(
      notInEnum(fields).map((f) => qs(['submission_id', sid], ['fields', f])),
      fc
        .tuple(fc.constantFrom(...fields), notInEnum(fields))
        .map(([a, b]) => qs(['submission_id', sid], ['fields', `${a},${b}`])),
      fc.constantFrom(...fields).map((f) => qs(['fields', f])),
      fc
        .tuple(fc.constantFrom(...fields), fc.constantFrom(...fields))
        .map(([a, b]) => qs(['submission_id', sid], ['fields', a], ['fields', b])),
      notInEnum(dataFields)
        .filter((d) => d !== '')
        .map((d) => qs(['submission_id', sid], ['fields', 'data'], ['data_fields', `first_name,${d}`])),
      fc.constant(qs(['submission_id', sid], ['fields', ',,'])),
    )
    .map((query) => ({ method: 'DELETE', path: '/v3/submission/partial', query, headers: p.key }));
}

function submissionReads(p: Parts): fc.Arbitrary<Req> {
  return fc
    .oneof(
      fc.constant(''),
      fc.constantFrom('0', '2001', '-1', 'abc', '1.5').map((count) => qs(['userid', 'u'], ['count', count])),
      fc.constant(qs(['userid', 'u'], ['email', 'e'])),
    )
    .map((query) => ({ method: 'GET', path: '/v3/submission', query, headers: p.key }));
}

/** A projection body the server must accept (the arbitraries below filter these out). */
export function isValidProjection(body: string, projectionFields: readonly string[]): boolean {
  try {
    const v = JSON.parse(body);
    return !!(
      v &&
      typeof v === 'object' &&
      typeof v.name === 'string' &&
      /^[a-z0-9_]+$/.test(v.name) &&
      v.mode === 'exclude' &&
      Array.isArray(v.fields) &&
      v.fields.length &&
      v.fields.every((f: unknown) => projectionFields.includes(f as string))
    );
  } catch {
    return false;
  }
}

function projectionCreations(p: Parts, projectionFields: readonly string[]): fc.Arbitrary<Req> {
  return fc
    .oneof(
      jsonJunk,
      fc
        .record({
          name: fc.oneof(junk, fc.integer()),
          mode: fc.oneof(junk, fc.constant('exclude')),
          fields: fc.array(fc.constantFrom(...projectionFields), { minLength: 1, maxLength: 3 }),
        })
        .filter((b) => typeof b.name !== 'string' || !/^[a-z0-9_]+$/.test(b.name))
        .map((b) => JSON.stringify(b)),
      notInEnum(['exclude']).map((mode) => JSON.stringify({ name: 'fuzz_mode', mode, fields: ['gender'] })),
      fc
        .array(notInEnum(projectionFields), { minLength: 1, maxLength: 3 })
        .map((f) => JSON.stringify({ name: 'fuzz_fields', mode: 'exclude', fields: f })),
      fc.constantFrom(
        '{"name":"fuzz","mode":"exclude","fields":[]}',
        '{"name":"fuzz","mode":"exclude","fields":"gender"}',
      ),
    )
    .filter((body) => !isValidProjection(body, projectionFields))
    .map((body) => ({ method: 'POST', path: '/v3/projection', headers: jsonHeaders(p.key), body }));
}

// author ids start with the suite's own prefix: a server that skipped a check deletes no one's texts
function authorDeletes(p: Parts): fc.Arbitrary<Req> {
  return fc
    .oneof(ownLongId, ownBadCharsId)
    .map((id) => ({ method: 'DELETE', path: p.ta(`/author/${encodeURIComponent(id)}`), headers: p.auth }));
}

function textSubmissions(p: Parts): fc.Arbitrary<Req> {
  return fc
    .oneof(
      jsonJunk.filter((b) => !b.startsWith('{"')),
      fc
        .record(
          {
            text: fc.oneof(fc.string(), fc.integer()),
            author_id: fc.oneof(ownLongId, ownBadCharsId, fc.integer()),
            task_id: fc.constant('t'),
          },
          { requiredKeys: [] },
        )
        .map((b) => JSON.stringify(b)),
      fc
        .record({
          text: fc.string({ maxLength: 5 }),
          author_id: fc.constant('scrub-contract-fuzz'),
          task_id: fc.constant('t'),
          sequence_id: fc.oneof(fc.string(), fc.constant(-1), fc.double()),
        })
        .map((b) => JSON.stringify(b)),
    )
    .map((body) => ({ method: 'PUT', path: p.ta('/text/fuzz-text-never-stored'), headers: jsonHeaders(p.auth), body }));
}

/** Arbitraries of spec-breaking requests per operation. */
export function invalidRequests(
  creds: Credentials,
  fields: readonly string[],
  dataFields: readonly string[],
  projectionFields: readonly string[],
): Record<string, fc.Arbitrary<Req>> {
  const parts: Parts = {
    sid: creds.submissionId ?? 'x',
    key: { 'x-api-key': creds.apiKey ?? '' },
    auth: { authorization: `Token token=${creds.token ?? ''}` },
    ta: (rest) => `/${creds.version}/account/${creds.accountId}${rest}`,
  };
  return {
    partialDeleteSubmission: partialDeletes(parts, fields, dataFields),
    getSubmission: submissionReads(parts),
    createProjection: projectionCreations(parts, projectionFields),
    deleteAuthorSubmissions: authorDeletes(parts),
    submitText: textSubmissions(parts),
  };
}

export interface FuzzOptions {
  send(req: Req): Promise<Sent>;
  validator: ResponseValidator;
  redact(text: string): string;
  /** Requests per operation. */
  runs: number;
  seed: number;
  /** The counterexample path to replay (just that run). */
  path?: string;
  /** For the `curl` reproduction of a counterexample. */
  target: string;
  creds: Credentials;
}

/** Sends `runs` spec-breaking requests of `op`; each answer must be a documented 4xx about the request. */
export async function fuzzOperation(op: Operation, arbitrary: fc.Arbitrary<Req>, o: FuzzOptions): Promise<FuzzResult> {
  const outcome = await fc.check(
    fc.asyncProperty(arbitrary, async (req) => {
      // credentials and version were valid: only messages about the request itself count
      const problem = refusalProblem(op, await o.send(req), o.validator, o.redact);
      if (problem) throw new Error(problem);
    }),
    { numRuns: o.runs, seed: o.seed, ...(o.path ? { path: o.path } : {}) },
  );
  const result: FuzzResult = { operationId: op.operationId, runs: o.runs, seed: o.seed };
  if (!outcome.failed) return result;
  const counterexample = outcome.counterexample?.[0] as Req | undefined;
  // the counterexample without its headers: they hold the credentials
  const shown = counterexample ? { ...counterexample, headers: undefined } : undefined;
  result.failure = o.redact(`${(outcome.errorInstance as Error)?.message} for ${JSON.stringify(shown)}`);
  result.path = outcome.counterexamplePath ?? undefined;
  if (counterexample) result.reproduce = toCurl(o.target, counterexample, o.creds);
  return result;
}

/** The log line of a fuzzed operation (a failure with how to replay and reproduce it). */
export function fuzzLine(r: FuzzResult): string {
  if (!r.failure)
    return `ok   ${r.operationId}: ${r.runs} spec-breaking requests all got a documented 4xx (seed ${r.seed})`;
  const replay = `--only ${r.operationId} --seed ${r.seed}${r.path ? ` --fuzz-path ${r.path}` : ''}`;
  const reproduce = r.reproduce ? `\n       reproduce: ${r.reproduce}` : '';
  return `FAIL ${r.operationId}: ${r.failure}\n       replay: ${replay}${reproduce}`;
}
