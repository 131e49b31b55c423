// Runs the cases (and the negative property tests) against one target and builds the coverage table.

import type { OperationId } from '@scrub/spec';
import { dataFieldValues, projectionFieldValues, submissionFieldValues } from '@scrub/spec/idcheck';
import fc from 'fast-check';
import { cases as allCases, type Case, type Credentials, type Ctx, type Need, NO_SUBMISSION } from './cases.js';
import { toCurl } from './curl.js';
import { CONTRACT_CREDENTIALS, contractFixture } from './fixture.js';
import { invalidRequests } from './fuzz.js';
import { type Req, type Res, send } from './http.js';
import { credentialRedactor, personalRedacted } from './redact.js';
import { type ContractSetup, checkIds, credentialsFromEnv, idsToCredentials, type SetupContext } from './setup.js';
import { shapeOf } from './shape.js';
import {
  type Area,
  type DocumentedMessage,
  messageOf,
  operationById,
  operations,
  ResponseValidator,
  templateMatches,
} from './spec.js';

export interface RunOptions {
  /** Base URL of the API under test. */
  target: string;
  /** Where `/__mock/state` lives, if not at `target` (e.g. behind a proxy). */
  admin?: string;
  areas?: readonly Area[];
  credentials?: Partial<Credentials>;
  /** Skip cases whose request breaks the spec on purpose (behind a validating proxy). */
  onlyValidRequests?: boolean;
  /** Negative property test runs per operation (0: none). */
  fuzzRuns?: number;
  /** Seed of the negative property tests (replays a reported failure with `fuzzPath`). */
  seed?: number;
  /** The counterexample path fast-check reported, to replay just that run. */
  fuzzPath?: string;
  /** Only these operations (default: all of the areas). */
  only?: readonly OperationId[];
  /** Not these operations. */
  skip?: readonly OperationId[];
  /**
   * On a target without mock controls, also run the cases that create or delete data (projections
   * it creates and deletes, texts under an author of its own that it deletes at the end, a partial
   * delete of the set-up's `deletableSubmissionId`). Against the mock they always run.
   */
  destructive?: boolean;
  /** Ids and hooks for a real target (see `defineSetup`); credentials come from `env`. */
  setup?: ContractSetup;
  /** Where `SCRUB_CONTRACT_*` credentials are read from (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
}

export type CaseState = 'passed' | 'failed' | 'unreachable' | 'skipped';

export interface CaseResult {
  area: Area;
  operationId: string;
  response: string;
  title: string;
  state: CaseState;
  problems: string[];
  reason?: string;
  ms: number;
  /** A `curl` command that sends the judged request again (failures only; credentials as `$SCRUB_CONTRACT_*`). */
  reproduce?: string;
  /** What came back, for `compare`: status, documented message, body shape (values that differ by nature are types). */
  observed?: { status: number; message?: string; shape: string };
}

export interface CoverageRow {
  area: Area;
  operationId: string;
  response: string;
  /** hit: every case for it passed; missed: one failed or none exists; skipped: not run on purpose (spec-breaking requests behind a validating proxy, or data changes without --destructive). */
  state: 'hit' | 'missed' | 'unreachable' | 'skipped';
}

export interface FuzzResult {
  operationId: string;
  runs: number;
  /** fast-check's seed: `--seed <seed>` (with `--fuzz-path`) replays the run. */
  seed: number;
  failure?: string;
  /** The counterexample path of a failure. */
  path?: string;
  /** A `curl` command that sends the counterexample (credentials as `$SCRUB_CONTRACT_*`). */
  reproduce?: string;
}

export interface Report {
  target: string;
  mockControls: boolean;
  results: CaseResult[];
  coverage: CoverageRow[];
  /** Hit rows / all rows, in percent. */
  percent: number;
  fuzz: FuzzResult[];
  /** What the run did to leave a real target as it found it (projections and authors it created). */
  cleanup: string[];
  ok: boolean;
}

/** Answers a spec-breaking request must not get: they would mean the request was never checked. */
const NOT_ABOUT_THE_REQUEST = new Set<DocumentedMessage>([
  'invalid API key for this project',
  'not Exist Project Data',
  'Forbidden',
  'invalid authentication credentials',
  'unsupported API version',
  'not Exist Submission Data',
  'submission not found',
]);

/** The coverage key of a case: `200`, or `400 <documented message>`. */
const responseKey = (c: { status: number; documented?: string }) =>
  c.documented ? `${c.status} ${c.documented}` : String(c.status);

async function hasMockControls(admin: string): Promise<unknown | undefined> {
  try {
    const res = await send(admin, { method: 'GET', path: '/__mock/state' }, 5_000);
    const body = res.json as { idcheck?: unknown; textAssessment?: unknown } | undefined;
    return res.status === 200 && body?.idcheck && body.textAssessment ? body : undefined;
  } catch {
    return undefined;
  }
}

function missingNeed(needs: Need[], creds: Credentials, controls: boolean): string | undefined {
  const has: Record<Need, boolean> = {
    controls,
    apiKey: !!creds.apiKey,
    limitKey: !!creds.limitApiKey,
    orphanKey: !!creds.orphanApiKey,
    sealedKey: !!creds.sealedApiKey,
    submission: !!creds.submissionId,
    deletableSubmission: !!creds.deletableSubmissionId,
    account: !!creds.accountId && !!creds.token,
  };
  const missing = needs.find((n) => !has[n]);
  if (!missing) return undefined;
  const why: Record<Need, string> = {
    controls: 'needs mock controls (Prefer, /__mock/state)',
    apiKey: 'needs SCRUB_CONTRACT_API_KEY (or --api-key)',
    limitKey: 'needs SCRUB_CONTRACT_LIMIT_API_KEY (a project the suite may fill to 10 projections)',
    orphanKey: 'needs SCRUB_CONTRACT_ORPHAN_API_KEY (a key whose project is gone)',
    sealedKey: 'needs SCRUB_CONTRACT_SEALED_API_KEY (a project with encryption on)',
    submission: 'needs idcheck.submissionId in the set-up',
    deletableSubmission: 'needs idcheck.deletableSubmissionId in the set-up',
    account: 'needs textAssessment.accountId in the set-up (or --account) and SCRUB_CONTRACT_TOKEN (or --token)',
  };
  return `not reachable on this target: ${why[missing]}`;
}

function judge(c: Case, res: Res, validator: ResponseValidator, redact: (text: string) => string): string[] {
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
  const body = res.json as Record<string, unknown> | undefined;
  // the text-assessment envelope repeats the status: `code` must equal it
  if (op.area === 'text-assessment' && body && typeof body === 'object' && 'code' in body && body.code !== res.status)
    problems.push(`body code ${JSON.stringify(body.code)} differs from the HTTP status ${res.status}`);
  // no case uses an encrypted project for a success, so a sealed `{ "data": ... }` body is wrong here
  if (
    res.status < 300 &&
    body &&
    typeof body === 'object' &&
    Object.keys(body).length === 1 &&
    typeof body.data === 'string'
  )
    problems.push('an encrypted body ({"data": ...}) for a project without the encryption option');
  return problems;
}

/** Projection ids that exist nowhere: requests that must fail name them. */
const NO_PROJECTIONS = new Set(['zzzzzzzzzzzzz', 'scrubcontract1']);
const OWN_PREFIX = 'scrub-contract-';

export async function runContract(options: RunOptions): Promise<Report> {
  const log = options.log ?? (() => {});
  const areas = options.areas ?? ['idcheck', 'text-assessment'];
  const admin = options.admin ?? options.target;
  const validator = new ResponseValidator();
  const saved = await hasMockControls(admin);
  const controls = saved !== undefined;
  const env = options.env ?? process.env;
  const destructive = controls || !!options.destructive;
  const setupContext: SetupContext = { target: options.target, env, destructive };
  let creds: Credentials;
  if (controls)
    creds = {
      ...CONTRACT_CREDENTIALS,
      deletableSubmissionId: CONTRACT_CREDENTIALS.submissionId,
      version: 'v2.3.0',
      ...options.credentials,
    };
  else {
    const before = options.setup?.before
      ? checkIds(await options.setup.before(setupContext), "the set-up's before()")
      : {};
    creds = {
      version: 'v2.3.0',
      ...credentialsFromEnv(env),
      ...idsToCredentials(options.setup ?? {}),
      ...idsToCredentials(before),
      ...options.credentials,
    };
    creds.limitApiKey ??= creds.apiKey;
  }
  const redact = credentialRedactor([
    creds.apiKey,
    creds.limitApiKey,
    creds.orphanApiKey,
    creds.sealedApiKey,
    creds.token,
  ]);
  let counter = 0;
  const runId = Date.now().toString(36);
  const author = `${OWN_PREFIX}${runId}`;
  /** Projections this run created: id -> the name it sent (checked again before any delete). */
  const created = new Map<string, string>();
  /** Authors of the run's own (`scrub-contract-...`) with texts on the target. */
  const authors = new Set<string>();
  const path = (req: Req, re: RegExp) => {
    const m = re.exec(req.path);
    try {
      return m ? decodeURIComponent(m[1]!) : undefined;
    } catch {
      return m?.[1];
    }
  };

  /** On a real target: a DELETE of anything the run was neither given nor created never leaves. */
  const refusal = async (req: Req): Promise<string | undefined> => {
    if (controls || req.method !== 'DELETE') return undefined;
    if (req.path === '/v3/submission/partial') {
      const ids = new URLSearchParams(req.query ?? '').getAll('submission_id');
      return ids.every((id) => id === creds.deletableSubmissionId || id.startsWith(OWN_PREFIX))
        ? undefined
        : `a partial delete of submission ${ids.join(', ')}, which the set-up did not give as deletableSubmissionId`;
    }
    const projection = path(req, /^\/v3\/projection\/([^/]+)$/);
    if (projection !== undefined) {
      if (NO_PROJECTIONS.has(projection)) return undefined;
      const name = created.get(projection);
      if (name === undefined) return `a delete of projection ${projection}, which this run did not create`;
      // the id came from the server: it must still name the projection this run created
      const read = await send(options.target, {
        method: 'GET',
        path: `/v3/projection/${encodeURIComponent(projection)}`,
        headers: req.headers ?? {},
      }).catch(() => undefined);
      const found = (read?.json as { item?: { name?: unknown } } | undefined)?.item?.name;
      return read?.status === 404 || found === name
        ? undefined
        : `a delete of projection ${projection}: this run created it as "${name}", the server now names it ${JSON.stringify(found ?? null)}`;
    }
    const who = path(req, /\/author\/([^/]+)$/);
    if (who !== undefined)
      return who.startsWith(OWN_PREFIX) ? undefined : `a delete of author ${who}, whom this run did not create`;
    return `a DELETE of ${req.path}, which the suite does not know`;
  };
  const ctx: Ctx = {
    creds,
    author,
    send: async (req: Req) => {
      const refused = await refusal(req);
      if (refused) throw new Error(`refused to send ${refused}`);
      const res = await send(options.target, req);
      if (!controls && res.status === 200) {
        const sent = (() => {
          try {
            return JSON.parse(req.body ?? 'null') as { name?: unknown; author_id?: unknown } | null;
          } catch {
            return null;
          }
        })();
        const id = (res.json as { projection_id?: unknown } | undefined)?.projection_id;
        if (req.method === 'POST' && req.path === '/v3/projection' && typeof id === 'string')
          created.set(id, typeof sent?.name === 'string' ? sent.name : '');
        if (req.method === 'DELETE' && req.path.startsWith('/v3/projection/'))
          created.delete(path(req, /^\/v3\/projection\/([^/]+)$/) ?? '');
        if (req.method === 'PUT' && typeof sent?.author_id === 'string' && sent.author_id.startsWith(OWN_PREFIX))
          authors.add(sent.author_id);
        if (req.method === 'DELETE' && req.path.includes('/author/'))
          authors.delete(path(req, /\/author\/([^/]+)$/) ?? '');
      }
      return Object.assign(res, { request: req });
    },
    unique: (prefix = 'contract') => `${prefix}_${runId}_${counter++}`.toLowerCase().replace(/[^a-z0-9_]/g, '_'),
  };
  const seed = async () => {
    if (controls)
      await send(admin, {
        method: 'PUT',
        path: '/__mock/state',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(contractFixture),
      });
  };
  const selected = (operationId: string) =>
    (!options.only?.length || options.only.includes(operationId as OperationId)) &&
    !options.skip?.includes(operationId as OperationId);

  const results: CaseResult[] = [];
  const fuzz: FuzzResult[] = [];
  const cleanup: string[] = [];
  const cleanupFailures: string[] = [];
  try {
    for (const area of areas) {
      for (const c of allCases[area]) {
        if (!selected(c.operationId)) continue;
        const base = { area, operationId: c.operationId, response: responseKey(c), title: c.title };
        const unreachable = missingNeed(c.needs, creds, controls);
        if (unreachable) {
          results.push({ ...base, state: 'unreachable', problems: [], reason: unreachable, ms: 0 });
          continue;
        }
        if (c.invalid && options.onlyValidRequests) {
          results.push({
            ...base,
            state: 'skipped',
            problems: [],
            reason: 'the request breaks the spec on purpose',
            ms: 0,
          });
          continue;
        }
        if (c.writes && !destructive) {
          results.push({
            ...base,
            state: 'skipped',
            problems: [],
            reason: 'creates or deletes data on the target: run with --destructive',
            ms: 0,
          });
          continue;
        }
        const started = performance.now();
        let problems: string[];
        let res: (Res & { request?: Req }) | undefined;
        try {
          await seed();
          res = await c.run(ctx);
          problems = judge(c, res, validator, redact);
          if (!problems.length && c.check) problems = await c.check(res, ctx);
        } catch (error) {
          // undici says only "fetch failed"; the cause says why (ECONNREFUSED, a reset, a timeout)
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          problems = [
            `request failed: ${(error as Error).message}${cause ? ` (${[cause.code, cause.message].filter(Boolean).join(': ')})` : ''}`,
          ];
        }
        const result: CaseResult = {
          ...base,
          state: problems.length ? 'failed' : 'passed',
          problems: problems.map(redact),
          ms: Math.round(performance.now() - started),
        };
        if (res) {
          const message = messageOf(res.json);
          result.observed = {
            status: res.status,
            ...(typeof message === 'string' ? { message: redact(message) } : {}),
            shape: shapeOf(res.json),
          };
        }
        if (problems.length && res?.request) result.reproduce = toCurl(options.target, res.request, creds);
        results.push(result);
        log(
          `${result.state === 'passed' ? 'ok  ' : 'FAIL'} ${c.operationId} ${result.response} (${c.title})${problems.length ? `\n       ${result.problems.join('\n       ')}` : ''}${result.reproduce ? `\n       reproduce: ${result.reproduce}` : ''}`,
        );
      }
    }

    const runs = options.fuzzRuns ?? 0;
    if (runs > 0 && !options.onlyValidRequests) {
      await seed();
      // partial deletes that must be refused name the deletable submission (so a missing check shows
      // as a deletion there) or, without one, a submission no deployment has
      // spec-breaking partial deletes: on the mock its seeded submission (so "no such submission" cannot
      // hide a missing check); on a real target one that does not exist (a lenient server deletes nothing)
      const fuzzCreds = { ...creds, submissionId: controls ? creds.deletableSubmissionId : NO_SUBMISSION };
      const arbitraries = invalidRequests(fuzzCreds, submissionFieldValues, dataFieldValues, projectionFieldValues);
      for (const [operationId, arbitrary] of Object.entries(arbitraries)) {
        const op = operationById.get(operationId)!;
        if (!areas.includes(op.area) || !selected(operationId)) continue;
        const needs: Need[] = op.area === 'idcheck' ? ['apiKey'] : ['account'];
        if (missingNeed(needs, creds, controls)) continue;
        const seedOf = options.seed ?? (Math.random() * 2 ** 31) | 0;
        const outcome = await fc.check(
          fc.asyncProperty(arbitrary, async (req) => {
            const res = await ctx.send(req);
            // credentials and version were valid: only messages about the request itself count
            const documented = op.errors.filter(
              (e) => e.status === res.status && !NOT_ABOUT_THE_REQUEST.has(e.message as DocumentedMessage),
            );
            const message = messageOf(res.json);
            if (res.status < 400 || res.status >= 500) throw new Error(`got ${res.status}, not a 4xx`);
            if (!documented.length) throw new Error(`status ${res.status} is not documented for ${operationId}`);
            if (message === undefined || !documented.some((e) => templateMatches(e.message, message)))
              throw new Error(
                `undocumented message ${JSON.stringify(message ?? redact(personalRedacted(res.text)).slice(0, 100))}`,
              );
            const problems = validator.check(op, res.status, res.json);
            if (problems.length) throw new Error(problems.join('; '));
          }),
          { numRuns: runs, seed: seedOf, ...(options.fuzzPath ? { path: options.fuzzPath } : {}) },
        );
        const counterexample = outcome.counterexample?.[0] as Req | undefined;
        // the counterexample without its headers: they hold the credentials
        const shown = counterexample ? { ...counterexample, headers: undefined } : undefined;
        const result: FuzzResult = { operationId, runs, seed: seedOf };
        if (outcome.failed) {
          result.failure = redact(`${(outcome.errorInstance as Error)?.message} for ${JSON.stringify(shown)}`);
          result.path = outcome.counterexamplePath ?? undefined;
          if (counterexample) result.reproduce = toCurl(options.target, counterexample, creds);
        }
        fuzz.push(result);
        log(
          result.failure
            ? `FAIL ${operationId}: ${result.failure}\n       replay: --only ${operationId} --seed ${seedOf}${result.path ? ` --fuzz-path ${result.path}` : ''}${result.reproduce ? `\n       reproduce: ${result.reproduce}` : ''}`
            : `ok   ${operationId}: ${runs} spec-breaking requests all got a documented 4xx (seed ${seedOf})`,
        );
      }
    }
  } finally {
    if (controls)
      await send(admin, {
        method: 'PUT',
        path: '/__mock/state',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(saved),
      }).catch(() => {});
    else {
      // leave a real target as it was found: what this run created, and nothing else (through ctx.send,
      // so the same refusals apply)
      for (const [id, name] of [...created]) {
        const keys = [...new Set([creds.apiKey, creds.limitApiKey].filter((k): k is string => !!k))];
        let gone = false;
        for (const apiKey of keys) {
          const r = await ctx
            .send({
              method: 'DELETE',
              path: `/v3/projection/${encodeURIComponent(id)}`,
              headers: { 'x-api-key': apiKey },
            })
            .catch((e: Error) => ({ status: 0, text: e.message }));
          if (r.status === 200) {
            cleanup.push(`deleted projection ${id} ("${name}"), left by a case`);
            gone = true;
            break;
          }
        }
        if (!gone)
          cleanupFailures.push(`could not delete projection ${id} ("${name}"), created by this run: delete it by hand`);
      }
      for (const who of [...authors]) {
        if (!creds.accountId || !creds.token) break;
        const r = await ctx
          .send({
            method: 'DELETE',
            path: `/${creds.version}/account/${encodeURIComponent(creds.accountId)}/author/${encodeURIComponent(who)}`,
            headers: { authorization: `Token token=${creds.token}` },
          })
          .catch((e: Error) => ({ status: 0, text: e.message }));
        if (r.status === 200) cleanup.push(`deleted the texts of author ${who} (this run's own)`);
        else
          cleanupFailures.push(`could not delete the texts of author ${who} (status ${r.status}): delete them by hand`);
      }
      cleanup.push(...cleanupFailures);
      for (const line of cleanup) log(`cleanup: ${line}`);
      if (options.setup?.after) await options.setup.after(setupContext);
    }
  }

  const coverage: CoverageRow[] = [];
  for (const op of operations.filter((o) => areas.includes(o.area) && selected(o.operationId))) {
    const keys = [
      ...[...op.responses.keys()].filter((s) => s < 400).map(String),
      ...op.errors.map((e) => `${e.status} ${e.message}`),
    ];
    for (const response of keys) {
      const mine = results.filter((r) => r.operationId === op.operationId && r.response === response);
      const ran = mine.filter((r) => r.state === 'passed' || r.state === 'failed');
      const state: CoverageRow['state'] = ran.length
        ? ran.every((r) => r.state === 'passed')
          ? 'hit'
          : 'missed'
        : mine.some((r) => r.state === 'skipped')
          ? 'skipped'
          : mine.length
            ? 'unreachable'
            : 'missed';
      coverage.push({ area: op.area, operationId: op.operationId, response, state });
    }
  }
  const hit = coverage.filter((r) => r.state === 'hit').length;
  const percent = coverage.length ? Math.floor((hit / coverage.length) * 1000) / 10 : 0;
  // a run that leaves data behind on the target is not a passing run
  const ok = results.every((r) => r.state !== 'failed') && fuzz.every((f) => !f.failure) && !cleanupFailures.length;
  return { target: options.target, mockControls: controls, results, coverage, percent, fuzz, cleanup, ok };
}
