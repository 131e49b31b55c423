// Negative property tests: fast-check builds requests that break the spec in one way each (wrong
// types, missing values, out-of-enum names, over-long ids, bad JSON); every answer must be a
// documented 4xx with a documented body.
import fc from 'fast-check';
import type { Credentials } from './cases.js';
import { qs, type Req } from './http.js';

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

/** Arbitraries of spec-breaking requests per operation. */
export function invalidRequests(
  creds: Credentials,
  fields: readonly string[],
  dataFields: readonly string[],
  projectionFields: readonly string[],
): Record<string, fc.Arbitrary<Req>> {
  // an existing submission where the target has one: then "no such submission" cannot hide a missing check
  const sid = creds.submissionId ?? 'x';
  const key = { 'x-api-key': creds.apiKey ?? '' };
  const auth = { authorization: `Token token=${creds.token ?? ''}` };
  const ta = (rest: string) => `/${creds.version}/account/${creds.accountId}${rest}`;
  const jsonHeaders = (h: Record<string, string>) => ({ ...h, 'content-type': 'application/json' });
  return {
    partialDeleteSubmission: fc
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
      .map((query) => ({ method: 'DELETE', path: '/v3/submission/partial', query, headers: key })),
    getSubmission: fc
      .oneof(
        fc.constant(''),
        fc.constantFrom('0', '2001', '-1', 'abc', '1.5').map((count) => qs(['userid', 'u'], ['count', count])),
        fc.constant(qs(['userid', 'u'], ['email', 'e'])),
      )
      .map((query) => ({ method: 'GET', path: '/v3/submission', query, headers: key })),
    createProjection: fc
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
      .filter((body) => {
        try {
          const v = JSON.parse(body);
          return !(
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
          return true;
        }
      })
      .map((body) => ({ method: 'POST', path: '/v3/projection', headers: jsonHeaders(key), body })),
    // author ids start with the suite's own prefix: a server that skipped a check deletes no one's texts
    deleteAuthorSubmissions: fc
      .oneof(ownLongId, ownBadCharsId)
      .map((id) => ({ method: 'DELETE', path: ta(`/author/${encodeURIComponent(id)}`), headers: auth })),
    submitText: fc
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
      .map((body) => ({ method: 'PUT', path: ta('/text/fuzz-text-never-stored'), headers: jsonHeaders(auth), body })),
  };
}
