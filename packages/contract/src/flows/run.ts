// `scrub-contract flows`: every workflow (or those named) against one target, with the contract's
// real-target rules: credentials and ids as `run` has them, a workflow that writes only with
// --destructive, one whose inputs are not given reported unreachable, DELETEs through the guard,
// clean-up at the end. On the mock, its fixture is seeded before each workflow and its state put back.
import { probeControls, putState, seedFixture } from '../controls.js';
import { credentialsRedactor, mockCredentials, targetCredentials, unreachableReason } from '../credentials.js';
import { send } from '../http.js';
import type { Credentials, Need, Req } from '../model.js';
import type { ContractSetup, SetupContext } from '../setup.js';
import { FlowGuard } from './guard.js';
import { httpFlowSend } from './http.js';
import { loadFlows } from './load.js';
import type { InputName, Workflow } from './model.js';
import { type FlowReport, type FlowsReport, flowLines, flowReport } from './report.js';
import { runWorkflow, type WalkOptions } from './walk.js';

export interface FlowsOptions {
  /** Base URL of the API under test. */
  target: string;
  /** Where `/__mock/state` lives, if not at `target`. */
  admin?: string;
  /** Only these workflow ids (default: all). */
  workflow?: readonly string[];
  /** On a real target, also run the workflows that write (create or delete data). */
  destructive?: boolean;
  /** The workflows (default: `loadFlows(dir)`). */
  flows?: readonly Workflow[];
  /** Where the `*.arazzo.yaml` files are (default: the shipped or repo flows). */
  dir?: string;
  /** Ids and hooks for a real target (see `defineSetup`). */
  setup?: ContractSetup;
  /** Where `SCRUB_CONTRACT_*` credentials are read from (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  credentials?: Partial<Credentials>;
  /**
   * The run id flows build their names from: 1-10 of [a-z0-9] (default: from the clock). Each
   * workflow gets it plus two characters, so no two workflows of a run share a name.
   */
  runId?: string;
  log?: (line: string) => void;
  walk?: WalkOptions;
}

/** What each input needs from the target (the contract's unreachable reasons). */
const NEEDS: Record<InputName, Need[]> = {
  apiKey: ['apiKey'],
  limitApiKey: ['limitKey'],
  sealedApiKey: ['sealedKey'],
  token: ['account'],
  accountId: ['account'],
  version: [],
  submissionId: ['submission'],
  deletableSubmissionId: ['deletableSubmission'],
  projectedSubmissionId: ['projectedSubmission'],
  runId: [],
};

/** The inputs a workflow gets: the run's credentials and ids, and its run id. */
export function inputsOf(creds: Credentials, runId: string): Record<string, string> {
  const { apiKey, limitApiKey, sealedApiKey, token, accountId, version } = creds;
  const { submissionId, deletableSubmissionId, projectedSubmissionId } = creds;
  const all = {
    ...{ apiKey, limitApiKey, sealedApiKey, token, accountId, version },
    ...{ submissionId, deletableSubmissionId, projectedSubmissionId },
  };
  return { ...Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)), runId } as Record<
    string,
    string
  >;
}

/** The workflows selected by id; an unknown id is an error naming the known ones. */
export function selectFlows(flows: readonly Workflow[], ids: readonly string[] = []): Workflow[] {
  const unknown = ids.filter((id) => !flows.some((w) => w.workflowId === id));
  if (unknown.length)
    throw new Error(
      `unknown workflow ${unknown.map((u) => `"${u}"`).join(', ')} ` +
        `(known: ${flows.map((w) => w.workflowId).join(', ')})`,
    );
  return ids.length ? flows.filter((w) => ids.includes(w.workflowId)) : [...flows];
}

/** Why a workflow does not run on this target (unreachable, or writes without --destructive), or undefined. */
function notRun(w: Workflow, creds: Credentials, controls: boolean, destructive: boolean): FlowReport | undefined {
  const base = {
    file: w.file,
    workflowId: w.workflowId,
    ...(w.summary ? { summary: w.summary } : {}),
    steps: [],
    ms: 0,
  };
  const unreachable = unreachableReason(
    w.inputs.required.flatMap((n) => NEEDS[n]),
    creds,
    controls,
  );
  if (unreachable) return { ...base, state: 'unreachable', reason: unreachable };
  if (w.writes && !destructive)
    return { ...base, state: 'skipped', reason: 'creates or deletes data on the target: run with --destructive' };
  return undefined;
}

async function credentialsFor(options: FlowsOptions, controls: boolean, setupContext: SetupContext) {
  return controls
    ? mockCredentials(options.credentials)
    : targetCredentials(setupContext, options.setup, options.credentials);
}

export async function runFlows(options: FlowsOptions): Promise<FlowsReport> {
  if (options.runId !== undefined && !/^[a-z0-9]{1,10}$/.test(options.runId))
    throw new Error(`runId must be 1-10 of [a-z0-9] (a workflow's adds two), got "${options.runId}"`);
  const flows = selectFlows(options.flows ?? (await loadFlows(options.dir)), options.workflow);
  const admin = options.admin ?? options.target;
  const saved = await probeControls(admin);
  const controls = saved !== undefined;
  const destructive = controls || !!options.destructive;
  const setupContext: SetupContext = { target: options.target, env: options.env ?? process.env, destructive };
  const creds = await credentialsFor(options, controls, setupContext);
  const runId = options.runId ?? Date.now().toString(36);
  const readBack = (req: Req) => send(options.target, req).catch(() => undefined);
  const guard = new FlowGuard({ controls, runId, deletableSubmissionId: creds.deletableSubmissionId }, readBack);
  const flowSend = httpFlowSend(options.target, guard);
  const redact = credentialsRedactor(creds);
  const log = options.log ?? (() => {});
  const reports: FlowReport[] = [];
  let cleanup: string[] = [];
  let failures: string[] = [];
  try {
    for (const [i, w] of flows.entries()) {
      const skipped = notRun(w, creds, controls, destructive);
      let report = skipped;
      if (!report) {
        if (controls) await seedFixture(admin);
        const started = performance.now();
        const inputs = inputsOf(creds, `${runId}${i.toString(36).padStart(2, '0')}`);
        const result = await runWorkflow(w, inputs, flowSend, options.walk);
        report = flowReport(w, result, { target: options.target, creds, redact }, performance.now() - started);
      }
      reports.push(report);
      for (const line of flowLines(report)) log(line);
    }
  } finally {
    if (controls) await putState(admin, saved).catch(() => {});
    else {
      const sendReq = async (req: Req) => ({ ...(await send(options.target, req)), request: req });
      const guarded = async (req: Req) => {
        const refused = await guard.refusal(req);
        if (refused) throw new Error(`refused to send ${refused}`);
        return sendReq(req);
      };
      ({ done: cleanup, failures } = await guard.cleanUp(guarded, creds));
      cleanup = [...cleanup, ...failures];
      for (const line of cleanup) log(`cleanup: ${line}`);
      if (options.setup?.after) await options.setup.after(setupContext);
    }
  }
  const ok = reports.every((r) => r.state !== 'failed') && !failures.length;
  return { target: options.target, mockControls: controls, runId, flows: reports, cleanup, ok };
}
