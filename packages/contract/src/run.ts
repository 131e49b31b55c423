// Runs the cases (and the negative property tests) against one target and builds the coverage table.
import fc from 'fast-check';
import { dataFieldValues, projectionFieldValues, submissionFieldValues } from '@scrub/spec/idcheck';
import { cases as allCases, type Case, type Credentials, type Ctx, type Need } from './cases.js';
import { CONTRACT_CREDENTIALS, contractFixture } from './fixture.js';
import { invalidRequests } from './fuzz.js';
import { send, type Req, type Res } from './http.js';
import { messageOf, operationById, operations, ResponseValidator, templateMatches, type Area, type DocumentedMessage } from './spec.js';

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
}

export interface CoverageRow {
  area: Area;
  operationId: string;
  response: string;
  /** hit: every case for it passed; missed: one failed or none exists; skipped: its requests break the spec (behind a validating proxy). */
  state: 'hit' | 'missed' | 'unreachable' | 'skipped';
}

export interface FuzzResult {
  operationId: string;
  runs: number;
  failure?: string;
}

export interface Report {
  target: string;
  mockControls: boolean;
  results: CaseResult[];
  coverage: CoverageRow[];
  /** Hit rows / all rows, in percent. */
  percent: number;
  fuzz: FuzzResult[];
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
const responseKey = (c: { status: number; documented?: string }) => (c.documented ? `${c.status} ${c.documented}` : String(c.status));

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
    account: !!creds.accountId && !!creds.token,
  };
  const missing = needs.find((n) => !has[n]);
  if (!missing) return undefined;
  const why: Record<Need, string> = {
    controls: 'needs mock controls (Prefer, /__mock/state)',
    apiKey: 'needs --api-key',
    limitKey: 'needs a project key',
    orphanKey: 'needs a key whose project is gone (/__mock/state)',
    sealedKey: 'needs a project with encryption on (/__mock/state)',
    submission: 'needs a seeded submission (/__mock/state)',
    account: 'needs --account and --token',
  };
  return `not reachable on this target: ${why[missing]}`;
}

function judge(c: Case, res: Res, validator: ResponseValidator): string[] {
  const op = operationById.get(c.operationId)!;
  const problems: string[] = [];
  if (res.status !== c.status) problems.push(`expected status ${c.status}, got ${res.status}: ${res.text.slice(0, 200)}`);
  const violations = res.headers.get('sl-violations');
  if (violations) problems.push(`the proxy reports spec violations: ${violations.slice(0, 300)}`);
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) problems.push(`content-type is ${res.headers.get('content-type') ?? 'missing'}, not application/json`);
  if (res.json === undefined) problems.push('body is not JSON');
  else problems.push(...validator.check(op, res.status, res.json));
  if (c.message !== undefined && messageOf(res.json) !== c.message) problems.push(`expected message "${c.message}", got ${JSON.stringify(messageOf(res.json) ?? res.text.slice(0, 120))}`);
  const body = res.json as Record<string, unknown> | undefined;
  // the text-assessment envelope repeats the status: `code` must equal it
  if (op.area === 'text-assessment' && body && typeof body === 'object' && 'code' in body && body.code !== res.status)
    problems.push(`body code ${JSON.stringify(body.code)} differs from the HTTP status ${res.status}`);
  // no case uses an encrypted project for a success, so a sealed `{ "data": ... }` body is wrong here
  if (res.status < 300 && body && typeof body === 'object' && Object.keys(body).length === 1 && typeof body.data === 'string')
    problems.push('an encrypted body ({"data": ...}) for a project without the encryption option');
  return problems;
}

/** Replaces every credential value in a text (a header the runtime refused may quote one). */
function redactor(creds: Credentials): (text: string) => string {
  const secrets = [creds.apiKey, creds.limitApiKey, creds.orphanApiKey, creds.sealedApiKey, creds.token].filter((s): s is string => !!s && s.length >= 4);
  return (text) => secrets.reduce((t, secret) => t.split(secret).join('[redacted]'), text);
}

export async function runContract(options: RunOptions): Promise<Report> {
  const log = options.log ?? (() => {});
  const areas = options.areas ?? ['idcheck', 'text-assessment'];
  const admin = options.admin ?? options.target;
  const validator = new ResponseValidator();
  const saved = await hasMockControls(admin);
  const controls = saved !== undefined;
  const creds: Credentials = controls
    ? { ...CONTRACT_CREDENTIALS, version: 'v2.3.0', ...options.credentials }
    : { version: 'v2.3.0', ...options.credentials, limitApiKey: options.credentials?.limitApiKey ?? options.credentials?.apiKey };
  const redact = redactor(creds);
  let counter = 0;
  const runId = Date.now().toString(36);
  const ctx: Ctx = {
    creds,
    send: (req: Req) => send(options.target, req),
    unique: (prefix = 'contract') => `${prefix}_${runId}_${counter++}`.toLowerCase().replace(/[^a-z0-9_]/g, '_'),
  };
  const seed = async () => {
    if (controls) await send(admin, { method: 'PUT', path: '/__mock/state', headers: { 'content-type': 'application/json' }, body: JSON.stringify(contractFixture) });
  };

  const results: CaseResult[] = [];
  const fuzz: FuzzResult[] = [];
  try {
    for (const area of areas) {
      for (const c of allCases[area]) {
        const base = { area, operationId: c.operationId, response: responseKey(c), title: c.title };
        const unreachable = missingNeed(c.needs, creds, controls);
        if (unreachable) {
          results.push({ ...base, state: 'unreachable', problems: [], reason: unreachable, ms: 0 });
          continue;
        }
        if (c.invalid && options.onlyValidRequests) {
          results.push({ ...base, state: 'skipped', problems: [], reason: 'the request breaks the spec on purpose', ms: 0 });
          continue;
        }
        const started = performance.now();
        let problems: string[];
        try {
          await seed();
          const res = await c.run(ctx);
          problems = judge(c, res, validator);
          if (!problems.length && c.check) problems = await c.check(res, ctx);
        } catch (error) {
          problems = [`request failed: ${(error as Error).message}`];
        }
        const result: CaseResult = { ...base, state: problems.length ? 'failed' : 'passed', problems: problems.map(redact), ms: Math.round(performance.now() - started) };
        results.push(result);
        log(`${result.state === 'passed' ? 'ok  ' : 'FAIL'} ${c.operationId} ${result.response} (${c.title})${problems.length ? `\n       ${problems.join('\n       ')}` : ''}`);
      }
    }

    const runs = options.fuzzRuns ?? 0;
    if (runs > 0 && !options.onlyValidRequests) {
      await seed();
      const arbitraries = invalidRequests(creds, submissionFieldValues, dataFieldValues, projectionFieldValues);
      for (const [operationId, arbitrary] of Object.entries(arbitraries)) {
        const op = operationById.get(operationId)!;
        if (!areas.includes(op.area)) continue;
        const needs: Need[] = op.area === 'idcheck' ? ['apiKey'] : ['account'];
        if (missingNeed(needs, creds, controls)) continue;
        const outcome = await fc.check(
          fc.asyncProperty(arbitrary, async (req) => {
            const res = await ctx.send(req);
            // credentials and version were valid: only messages about the request itself count
            const documented = op.errors.filter((e) => e.status === res.status && !NOT_ABOUT_THE_REQUEST.has(e.message as DocumentedMessage));
            const message = messageOf(res.json);
            if (res.status < 400 || res.status >= 500) throw new Error(`got ${res.status}, not a 4xx`);
            if (!documented.length) throw new Error(`status ${res.status} is not documented for ${operationId}`);
            if (message === undefined || !documented.some((e) => templateMatches(e.message, message))) throw new Error(`undocumented message ${JSON.stringify(message ?? res.text.slice(0, 100))}`);
            const problems = validator.check(op, res.status, res.json);
            if (problems.length) throw new Error(problems.join('; '));
          }),
          { numRuns: runs },
        );
        // the counterexample without its headers: they hold the credentials
        const shown = outcome.counterexample?.[0] ? { ...outcome.counterexample[0], headers: undefined } : undefined;
        const failure = outcome.failed ? redact(`${(outcome.errorInstance as Error)?.message} for ${JSON.stringify(shown)}`) : undefined;
        fuzz.push({ operationId, runs, ...(failure ? { failure } : {}) });
        log(`${failure ? 'FAIL' : 'ok  '} ${operationId}: ${runs} spec-breaking requests${failure ? `\n       ${failure}` : ' all got a documented 4xx'}`);
      }
    }
  } finally {
    if (controls) await send(admin, { method: 'PUT', path: '/__mock/state', headers: { 'content-type': 'application/json' }, body: JSON.stringify(saved) }).catch(() => {});
  }

  const coverage: CoverageRow[] = [];
  for (const op of operations.filter((o) => areas.includes(o.area))) {
    const keys = [...[...op.responses.keys()].filter((s) => s < 400).map(String), ...op.errors.map((e) => `${e.status} ${e.message}`)];
    for (const response of keys) {
      const mine = results.filter((r) => r.operationId === op.operationId && r.response === response);
      const ran = mine.filter((r) => r.state === 'passed' || r.state === 'failed');
      const state: CoverageRow['state'] = ran.length
        ? ran.every((r) => r.state === 'passed') ? 'hit' : 'missed'
        : mine.some((r) => r.state === 'skipped') ? 'skipped' : mine.length ? 'unreachable' : 'missed';
      coverage.push({ area: op.area, operationId: op.operationId, response, state });
    }
  }
  const hit = coverage.filter((r) => r.state === 'hit').length;
  const percent = coverage.length ? Math.floor((hit / coverage.length) * 1000) / 10 : 0;
  const ok = results.every((r) => r.state !== 'failed') && fuzz.every((f) => !f.failure);
  return { target: options.target, mockControls: controls, results, coverage, percent, fuzz, ok };
}
