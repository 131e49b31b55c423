// What a flows run reports, per workflow and step: for people (log lines, Markdown), machines (the
// JSON report is this data) and CI (JUnit). A failing step names its flow, the criterion, the value
// found and the one expected, and a curl command that sends it again. Credentials never appear
// (their values become [redacted], in curl their `$SCRUB_CONTRACT_*` variables), nor personal values.
import { toCurl } from '../curl.js';
import type { CaseState, Credentials } from '../model.js';
import { PERSONAL_KEYS, redactPersonal } from '../redact.js';
import { type JunitCase, type JunitSuite, junitXml } from '../render/junit.js';
import { paddedTable } from '../render/markdown.js';
import { type Criterion, failureLine, type Operand, readCriterion } from './criteria.js';
import { parseExpression } from './expressions.js';
import { toReq } from './http.js';
import type { Failure, StepResult, Workflow, WorkflowResult } from './model.js';

export interface StepReport {
  stepId: string;
  operationId: string;
  passed: boolean;
  attempts: number;
  action?: string;
  /** Method and path with query of what was sent. */
  request: string;
  /** What came back: status and body, personal values redacted. */
  response?: { status: number; body: unknown };
  /** Each criterion that did not hold, with its line (`timestamp: expected '...' (from step delete), got '...'`). */
  failures: (Failure & { line: string })[];
  /** A `curl` command that sends the failing step again (credentials as `$SCRUB_CONTRACT_*`). */
  reproduce?: string;
}

export interface FlowReport {
  file: string;
  workflowId: string;
  summary?: string;
  /** passed, failed, skipped (writes, without --destructive) or unreachable (inputs not given). */
  state: CaseState;
  reason?: string;
  steps: StepReport[];
  ms: number;
}

export interface FlowsReport {
  target: string;
  mockControls: boolean;
  /** What the workflows built their names from (each workflow: this plus two characters). */
  runId: string;
  flows: FlowReport[];
  /** What the run did to leave a real target as it found it. */
  cleanup: string[];
  ok: boolean;
}

/** Whether an operand reads a personal value: a body field of the spec's personal keys, or an output that does. */
function personal(o: Operand, w: Workflow): boolean {
  if (o.kind !== 'expression') return false;
  const e = o.expression;
  if (e.kind === 'body') return e.pointer.some((key) => PERSONAL_KEYS.has(key));
  if (e.kind !== 'output') return false;
  const expression = w.steps.find((s) => s.stepId === e.stepId)?.outputs[e.name];
  if (!expression) return false;
  try {
    const inner = parseExpression(expression);
    return inner.kind === 'body' && inner.pointer.some((key) => PERSONAL_KEYS.has(key));
  } catch {
    return false;
  }
}

/** A value for a report: `[redacted]` when personal (missing and null stay visible), credentials out. */
function shownValue(value: unknown, hide: boolean, redact: (text: string) => string): unknown {
  if (value === undefined || value === null) return value;
  if (hide) return '[redacted]';
  return JSON.parse(redact(JSON.stringify(redactPersonal(value))));
}

export interface ReportContext {
  target: string;
  creds: Credentials;
  redact(text: string): string;
}

function stepReport(w: Workflow, r: StepResult, context: ReportContext): StepReport {
  const failures = r.failures.map((f) => {
    let criterion: Criterion | undefined;
    try {
      criterion = readCriterion(f.criterion);
    } catch {
      criterion = undefined;
    }
    const hide = !!criterion && (personal(criterion.left, w) || personal(criterion.right, w));
    const shown = {
      criterion: f.criterion,
      actual: shownValue(f.actual, hide, context.redact),
      expected: shownValue(f.expected, hide, context.redact),
    };
    return { ...shown, line: context.redact(failureLine(shown)) };
  });
  const response = r.response && {
    status: r.response.status,
    body: JSON.parse(context.redact(JSON.stringify(redactPersonal(r.response.body) ?? null))),
  };
  return {
    stepId: r.stepId,
    operationId: r.operationId,
    passed: r.passed,
    attempts: r.attempts,
    ...(r.action ? { action: r.action } : {}),
    request: context.redact(`${r.request.method} ${r.request.path}`),
    ...(response ? { response } : {}),
    failures,
    ...(r.passed ? {} : { reproduce: toCurl(context.target, toReq(r.request), context.creds) }),
  };
}

/** The report of a workflow that ran. */
export function flowReport(w: Workflow, result: WorkflowResult, context: ReportContext, ms: number): FlowReport {
  return {
    file: w.file,
    workflowId: w.workflowId,
    ...(w.summary ? { summary: w.summary } : {}),
    state: result.passed ? 'passed' : 'failed',
    steps: result.steps.map((s) => stepReport(w, s, context)),
    ms: Math.round(ms),
  };
}

const stepCount = (n: number) => `${n} step${n === 1 ? '' : 's'}`;

/** The log lines of a workflow: one for it, then each failing step with its values and reproduction. */
export function flowLines(r: FlowReport): string[] {
  const name = `${r.file} ${r.workflowId}`;
  if (r.state === 'skipped' || r.state === 'unreachable')
    return [`${r.state === 'skipped' ? 'skip' : 'n/a '} ${name}: ${r.reason}`];
  if (r.state === 'passed') return [`ok   ${name} (${stepCount(r.steps.length)})`];
  const lines = [`FAIL ${name}`];
  for (const s of r.steps.filter((step) => !step.passed)) {
    lines.push(`       step ${s.stepId} (${s.operationId})${s.action ? `, then ${s.action}` : ''}:`);
    for (const f of s.failures) lines.push(`         ${f.line}`);
    if (s.reproduce) lines.push(`         reproduce: ${s.reproduce}`);
  }
  return lines;
}

/**
 * The run for people: a table of the workflows, the failing steps under it (unless `failures: false`,
 * when the log has shown them already), the summary.
 */
export function flowsMarkdown(report: FlowsReport, options: { failures?: boolean } = {}): string {
  const rows = report.flows.map((r) => [r.file, r.workflowId, r.state, r.reason ?? stepCount(r.steps.length)]);
  const count = (state: CaseState) => report.flows.filter((r) => r.state === state).length;
  const shown = options.failures ?? true;
  const failed = shown ? report.flows.filter((r) => r.state === 'failed').flatMap(flowLines) : [];
  return [
    `Flows against ${report.target}${report.mockControls ? ' (mock controls: yes)' : ''}`,
    ...paddedTable(['file', 'workflow', 'state', 'steps or reason'], rows),
    ...(failed.length ? ['', ...failed] : []),
    ...(report.cleanup.length ? ['', ...report.cleanup.map((c) => `cleanup: ${c}`)] : []),
    '',
    `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped, ` +
      `${count('unreachable')} unreachable on this target`,
  ].join('\n');
}

const stepCase = (r: FlowReport, s: StepReport): JunitCase => ({
  classname: `${r.file}#${r.workflowId}`,
  name: `${s.stepId} (${s.operationId})`,
  ...(s.passed
    ? {}
    : {
        failure: {
          message: s.failures[0]?.line ?? 'failed',
          detail: [...s.failures.map((f) => f.line), ...(s.reproduce ? [`reproduce: ${s.reproduce}`] : [])].join('\n'),
        },
      }),
});

/** The run as JUnit XML: a suite per flow file, a test case per step (one skipped case for a workflow not run). */
export function flowsJunit(report: FlowsReport): string {
  const suites = new Map<string, JunitCase[]>();
  for (const r of report.flows) {
    const ran = r.state === 'passed' || r.state === 'failed';
    const cases: JunitCase[] = ran
      ? r.steps.map((s) => stepCase(r, s))
      : [{ classname: `${r.file}#${r.workflowId}`, name: r.workflowId, skipped: r.reason ?? r.state }];
    suites.set(r.file, [...(suites.get(r.file) ?? []), ...cases]);
  }
  const list: JunitSuite[] = [...suites].map(([name, cases]) => ({ name, cases }));
  return junitXml('scrub-contract flows', list);
}
