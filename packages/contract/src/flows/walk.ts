// Walks one workflow: each step's request built from inputs and earlier outputs, sent through
// `send` (HTTP, or the SDK in its own test: this module knows no protocol), judged by its success
// criteria, then its actions: retry a failed step, goto another step, or end the workflow.
import { operationRoutes } from '@scrub/spec';
import { allHold, check } from './criteria.js';
import { MissingValueError, resolve, type Scope } from './expressions.js';
import type {
  Action,
  FlowRequest,
  FlowResponse,
  FlowSend,
  Step,
  StepResult,
  Workflow,
  WorkflowResult,
} from './model.js';

export interface WalkOptions {
  /** Waits before a retry (default: a timer; tests pass one that does not wait). */
  sleep?(ms: number): Promise<void>;
  /** Step visits at most, so a goto loop ends (default 100). */
  maxVisits?: number;
}

const wait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The request of `step` in `scope` (throws MissingValueError when a value it names is missing). */
export function buildRequest(step: Step, scope: Scope): FlowRequest {
  const params: FlowRequest['params'] = { path: {}, query: {}, header: {} };
  for (const p of step.parameters) params[p.in][p.name] = asText(resolve(p.value, scope));
  const path = operationRoutes[step.operationId].path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    encodeURIComponent(params.path[name] ?? ''),
  );
  const query = Object.entries(params.query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return {
    operationId: step.operationId,
    source: step.source,
    method: step.method,
    path: query ? `${path}?${query}` : path,
    params,
    ...(step.payload !== undefined ? { body: resolve(step.payload, scope) } : {}),
  };
}

/** The request with nothing resolved, for a step whose request could not be built. */
const unbuilt = (step: Step): FlowRequest => ({
  operationId: step.operationId,
  source: step.source,
  method: step.method,
  path: step.template,
  params: { path: {}, query: {}, header: {} },
});

/** One send of a step and its judgement. */
async function attempt(step: Step, scope: Scope, send: FlowSend): Promise<StepResult> {
  const base = { stepId: step.stepId, operationId: step.operationId, attempts: 1 };
  let request: FlowRequest;
  try {
    request = buildRequest(step, scope);
  } catch (error) {
    if (!(error instanceof MissingValueError)) throw error;
    const failure = { criterion: `the request needs ${error.expression}`, actual: undefined, expected: 'a value' };
    return { ...base, passed: false, request: unbuilt(step), failures: [failure] };
  }
  let response: FlowResponse;
  try {
    response = await send(request);
  } catch (error) {
    const failure = { criterion: 'an answer', actual: (error as Error).message, expected: 'an answer' };
    return { ...base, passed: false, request, failures: [failure] };
  }
  const judged = { ...scope, response };
  const failures = step.successCriteria.flatMap((c) => check(c, judged) ?? []);
  return { ...base, passed: !failures.length, request, response, failures };
}

/** The first action whose criteria hold for the step's answer. */
const chosen = (actions: readonly Action[], scope: Scope, result: StepResult) =>
  actions.find((a) => allHold(a.criteria, { ...scope, ...(result.response ? { response: result.response } : {}) }));

/** A step visit: sent again while a retry action applies, then the action that follows it. */
async function visit(step: Step, scope: Scope, send: FlowSend, sleep: (ms: number) => Promise<void>) {
  let result = await attempt(step, scope, send);
  let retries = 0;
  for (;;) {
    const action = chosen(result.passed ? step.onSuccess : step.onFailure, scope, result);
    if (action?.type !== 'retry') return { result, action };
    if (retries >= action.retryLimit!) return { result, action: undefined };
    retries++;
    await sleep(action.retryAfter! * 1000);
    result = { ...(await attempt(step, scope, send)), attempts: retries + 1 };
  }
}

/** Outputs (name -> expression) in `scope`; missing values stay undefined. */
function outputsOf(outputs: Record<string, string>, scope: Scope): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(outputs).map(([name, expression]) => {
      try {
        return [name, resolve(expression, scope)];
      } catch {
        return [name, undefined];
      }
    }),
  );
}

/**
 * Walks `workflow` with `inputs` through `send`. It passes when every step visit passed, but for a
 * failed one whose onFailure action went on elsewhere (goto); an onFailure `end` ends it failed.
 */
export async function runWorkflow(
  workflow: Workflow,
  inputs: Record<string, string>,
  send: FlowSend,
  options: WalkOptions = {},
): Promise<WorkflowResult> {
  const missing = workflow.inputs.required.filter((name) => inputs[name] === undefined);
  if (missing.length)
    throw new Error(`${workflow.file}: workflow ${workflow.workflowId} needs input ${missing.join(', ')}`);
  const scope: Scope & { steps: Record<string, Record<string, unknown>> } = { inputs, steps: {} };
  const steps: StepResult[] = [];
  const index = new Map(workflow.steps.map((s, i) => [s.stepId, i]));
  const limit = options.maxVisits ?? 100;
  let passed = true;
  for (let i = 0; i < workflow.steps.length; ) {
    const step = workflow.steps[i]!;
    if (steps.length >= limit) {
      const failure = {
        criterion: `at most ${limit} step visits (a goto loop?)`,
        actual: steps.length + 1,
        expected: limit,
      };
      const base = { stepId: step.stepId, operationId: step.operationId, request: unbuilt(step), attempts: 0 };
      steps.push({ ...base, passed: false, failures: [failure] });
      passed = false;
      break;
    }
    const { result, action } = await visit(step, scope, send, options.sleep ?? wait);
    // outputs of an answered step only (a step without an answer has none to give)
    scope.steps[step.stepId] = result.response ? outputsOf(step.outputs, { ...scope, response: result.response }) : {};
    steps.push(action ? { ...result, action: action.type === 'goto' ? `goto ${action.stepId}` : 'end' } : result);
    if (!result.passed && action?.type !== 'goto') passed = false;
    if (action?.type === 'end' || (!result.passed && !action)) break;
    i = action?.type === 'goto' ? index.get(action.stepId!)! : i + 1;
  }
  const outputs = outputsOf(workflow.outputs, scope);
  return { workflowId: workflow.workflowId, file: workflow.file, passed, steps, outputs };
}
