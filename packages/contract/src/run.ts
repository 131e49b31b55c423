// Runs the cases (and the negative property tests) against one target and builds the coverage
// table: credentials resolved, controls probed, each case judged, fuzz, clean-up, coverage.
import type { OperationId } from '@scrub/spec';
import { dataFieldValues, projectionFieldValues, submissionFieldValues } from '@scrub/spec/idcheck';
import { NO_SUBMISSION } from './cases/idcheck.js';
import { cases as allCases } from './cases/index.js';
import { probeControls, putState, seedFixture } from './controls.js';
import { coverageOf, percentHit } from './coverage.js';
import { credentialsRedactor, mockCredentials, targetCredentials, unreachableReason } from './credentials.js';
import { toCurl } from './curl.js';
import { fuzzLine, fuzzOperation, invalidRequests } from './fuzz.js';
import { OWN_PREFIX, TargetGuard } from './guard.js';
import { send } from './http.js';
import { caseProblems } from './judge.js';
import {
  type Case,
  type CaseResult,
  type Credentials,
  type Ctx,
  type FuzzResult,
  type Need,
  type Report,
  type Req,
  responseKey,
  type Sent,
} from './model.js';
import type { ContractSetup, SetupContext } from './setup.js';
import { shapeOf } from './shape.js';
import { type Area, messageOf, operationById, operations, ResponseValidator } from './spec.js';

export type { CaseResult, CaseState, CoverageRow, FuzzResult, Report } from './model.js';

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

/** Everything one run works with, settled before the first case. */
interface Run {
  options: RunOptions;
  log(line: string): void;
  areas: readonly Area[];
  admin: string;
  /** The target's own mock state (saved to put back), undefined on a real target. */
  saved: unknown;
  controls: boolean;
  destructive: boolean;
  setupContext: SetupContext;
  creds: Credentials;
  redact(text: string): string;
  validator: ResponseValidator;
  guard: TargetGuard;
  ctx: Ctx;
  selected(operationId: string): boolean;
  /** Seeds the fixture before each case on the mock. */
  reset(): Promise<void>;
}

/** The cases' `send`: refused by the guard, recorded by it, and carrying the request it answers. */
function guardedSend(target: string, guard: TargetGuard): (req: Req) => Promise<Sent> {
  return async (req) => {
    const refused = await guard.refusal(req);
    if (refused) throw new Error(`refused to send ${refused}`);
    const res = await send(target, req);
    guard.record(req, res);
    return { ...res, request: req };
  };
}

async function prepare(options: RunOptions): Promise<Run> {
  const admin = options.admin ?? options.target;
  const saved = await probeControls(admin);
  const controls = saved !== undefined;
  const env = options.env ?? process.env;
  const destructive = controls || !!options.destructive;
  const setupContext: SetupContext = { target: options.target, env, destructive };
  const creds = controls
    ? mockCredentials(options.credentials)
    : await targetCredentials(setupContext, options.setup, options.credentials);
  const readBack = (req: Req) => send(options.target, req).catch(() => undefined);
  const guard = new TargetGuard({ controls, deletableSubmissionId: creds.deletableSubmissionId, readBack });
  let counter = 0;
  const runId = Date.now().toString(36);
  const ctx: Ctx = {
    creds,
    author: `${OWN_PREFIX}${runId}`,
    send: guardedSend(options.target, guard),
    unique: (prefix = 'contract') => `${prefix}_${runId}_${counter++}`.toLowerCase().replace(/[^a-z0-9_]/g, '_'),
  };
  const only = options.only as readonly string[] | undefined;
  const skip = options.skip as readonly string[] | undefined;
  return {
    options,
    log: options.log ?? (() => {}),
    areas: options.areas ?? ['idcheck', 'text-assessment'],
    admin,
    saved,
    controls,
    destructive,
    setupContext,
    creds,
    redact: credentialsRedactor(creds),
    validator: new ResponseValidator(),
    guard,
    ctx,
    selected: (id) => (!only?.length || only.includes(id)) && !skip?.includes(id),
    reset: () => (controls ? seedFixture(admin) : Promise.resolve()),
  };
}

/** Why a case is not run (unreachable, or skipped on purpose), as its result; undefined when it runs. */
function notRun(run: Run, c: Case, base: Omit<CaseResult, 'state' | 'problems' | 'ms'>): CaseResult | undefined {
  const unreachable = unreachableReason(c.needs, run.creds, run.controls);
  if (unreachable) return { ...base, state: 'unreachable', problems: [], reason: unreachable, ms: 0 };
  const skipped =
    c.invalid && run.options.onlyValidRequests
      ? 'the request breaks the spec on purpose'
      : c.writes && !run.destructive
        ? 'creates or deletes data on the target: run with --destructive'
        : undefined;
  return skipped ? { ...base, state: 'skipped', problems: [], reason: skipped, ms: 0 } : undefined;
}

/** A request that failed on the way (undici says only "fetch failed"; the cause says why). */
function requestFailed(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const why = cause ? ` (${[cause.code, cause.message].filter(Boolean).join(': ')})` : '';
  return `request failed: ${(error as Error).message}${why}`;
}

/** Runs one case on the target and judges its answer. */
async function runCase(run: Run, c: Case, area: Area): Promise<CaseResult> {
  const base = { area, operationId: c.operationId, response: responseKey(c), title: c.title };
  const skipped = notRun(run, c, base);
  if (skipped) return skipped;
  const started = performance.now();
  let problems: string[];
  let res: Sent | undefined;
  try {
    await run.reset();
    const outcome = await c.run(run.ctx);
    res = outcome.res;
    problems = caseProblems(c, res, run.validator, run.redact);
    if (!problems.length && c.check) problems = await c.check(res, outcome.extra, run.ctx);
  } catch (error) {
    problems = [requestFailed(error)];
  }
  const result: CaseResult = {
    ...base,
    state: problems.length ? 'failed' : 'passed',
    problems: problems.map(run.redact),
    ms: Math.round(performance.now() - started),
  };
  if (res) {
    const message = messageOf(res.json);
    const shown = typeof message === 'string' ? { message: run.redact(message) } : {};
    result.observed = { status: res.status, ...shown, shape: shapeOf(res.json) };
  }
  if (problems.length && res) result.reproduce = toCurl(run.options.target, res.request, run.creds);
  return result;
}

/** The log line of a case that ran (its problems and reproduction under it). */
function caseLine(r: CaseResult): string {
  const problems = r.problems.length ? `\n       ${r.problems.join('\n       ')}` : '';
  const reproduce = r.reproduce ? `\n       reproduce: ${r.reproduce}` : '';
  return `${r.state === 'passed' ? 'ok  ' : 'FAIL'} ${r.operationId} ${r.response} (${r.title})${problems}${reproduce}`;
}

async function runCases(run: Run): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const area of run.areas)
    for (const c of allCases[area]) {
      if (!run.selected(c.operationId)) continue;
      const result = await runCase(run, c, area);
      results.push(result);
      if (result.state === 'passed' || result.state === 'failed') run.log(caseLine(result));
    }
  return results;
}

async function runFuzz(run: Run): Promise<FuzzResult[]> {
  const runs = run.options.fuzzRuns ?? 0;
  if (runs <= 0 || run.options.onlyValidRequests) return [];
  await run.reset();
  // spec-breaking partial deletes: on the mock its seeded submission (so "no such submission" cannot
  // hide a missing check); on a real target one that does not exist (a lenient server deletes nothing)
  const fuzzCreds = { ...run.creds, submissionId: run.controls ? run.creds.deletableSubmissionId : NO_SUBMISSION };
  const arbitraries = invalidRequests(fuzzCreds, submissionFieldValues, dataFieldValues, projectionFieldValues);
  const results: FuzzResult[] = [];
  for (const [operationId, arbitrary] of Object.entries(arbitraries)) {
    const op = operationById.get(operationId)!;
    if (!run.areas.includes(op.area) || !run.selected(operationId)) continue;
    const needs: Need[] = op.area === 'idcheck' ? ['apiKey'] : ['account'];
    if (unreachableReason(needs, run.creds, run.controls)) continue;
    const result = await fuzzOperation(op, arbitrary, {
      send: run.ctx.send,
      validator: run.validator,
      redact: run.redact,
      runs,
      seed: run.options.seed ?? (Math.random() * 2 ** 31) | 0,
      ...(run.options.fuzzPath ? { path: run.options.fuzzPath } : {}),
      target: run.options.target,
      creds: run.creds,
    });
    results.push(result);
    run.log(fuzzLine(result));
  }
  return results;
}

/** Leaves the target as it was found; returns what was done and what could not be (the run then fails). */
async function cleanUp(run: Run): Promise<{ cleanup: string[]; failures: string[] }> {
  if (run.controls) {
    await putState(run.admin, run.saved).catch(() => {});
    return { cleanup: [], failures: [] };
  }
  const { done, failures } = await run.guard.cleanUp(run.ctx.send, run.creds);
  const cleanup = [...done, ...failures];
  for (const line of cleanup) run.log(`cleanup: ${line}`);
  if (run.options.setup?.after) await run.options.setup.after(run.setupContext);
  return { cleanup, failures };
}

export async function runContract(options: RunOptions): Promise<Report> {
  const run = await prepare(options);
  const results: CaseResult[] = [];
  const fuzz: FuzzResult[] = [];
  let cleaned = { cleanup: [] as string[], failures: [] as string[] };
  try {
    results.push(...(await runCases(run)));
    fuzz.push(...(await runFuzz(run)));
  } finally {
    cleaned = await cleanUp(run);
  }
  const ops = operations.filter((o) => run.areas.includes(o.area) && run.selected(o.operationId));
  const coverage = coverageOf(ops, results);
  // a run that leaves data behind on the target is not a passing run
  const ok = results.every((r) => r.state !== 'failed') && fuzz.every((f) => !f.failure) && !cleaned.failures.length;
  const { target } = options;
  const percent = percentHit(coverage);
  return { target, mockControls: run.controls, results, coverage, percent, fuzz, cleanup: cleaned.cleanup, ok };
}
