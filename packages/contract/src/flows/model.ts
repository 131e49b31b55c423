// What the flows executor works with: a workflow of the shared Arazzo subset as parsed by load.ts,
// the protocol-free request and answer of a step (HTTP, or an SDK call in the SDK's own flow test),
// and what a walk of a workflow returns.
import type { OperationId } from '@scrub/spec';

/** The `sourceDescriptions` a flow may name: the two specs. */
export type Source = 'idcheck' | 'text-assessment';
export const SOURCES: readonly Source[] = ['idcheck', 'text-assessment'];

/**
 * The only workflow inputs the shared format allows: the contract's credentials and ids, plus
 * `runId` (unique per run; every name or id a flow creates is built from it).
 */
export const INPUT_NAMES = [
  'apiKey',
  'limitApiKey',
  'sealedApiKey',
  'token',
  'accountId',
  'version',
  'submissionId',
  'deletableSubmissionId',
  'projectedSubmissionId',
  'runId',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** A runtime expression of the subset, parsed (expressions.ts). */
export type Expression =
  | { kind: 'statusCode' }
  | { kind: 'input'; name: string }
  | { kind: 'output'; stepId: string; name: string }
  | { kind: 'body'; pointer: string[] }
  | { kind: 'header'; name: string };

export type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Operand =
  | { kind: 'expression'; expression: Expression; text: string }
  | { kind: 'literal'; value: string | number | boolean | null; text: string };

/** A success criterion or action criterion: one comparison, parsed (criteria.ts). */
export interface Criterion {
  condition: string;
  left: Operand;
  op: Operator;
  right: Operand;
  /** Written as the JSONPath absence test `$[?!@.a.b[0].c]` (read as `$response.body#/a/b/0/c == null`). */
  absence?: true;
}

/** One step's request, before any protocol: what an HTTP client or an SDK method gets. */
export interface FlowRequest {
  operationId: string;
  source: Source;
  /** Upper case. */
  method: string;
  /** The filled path template plus query string, e.g. `/v2.3.0/account/a/author/x`. */
  path: string;
  params: { path: Record<string, string>; query: Record<string, string>; header: Record<string, string> };
  /** The resolved JSON payload. */
  body?: unknown;
}

export interface FlowResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: unknown;
}

export type FlowSend = (request: FlowRequest) => Promise<FlowResponse>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  /** A literal, a whole expression, or a string with embedded `{$...}`. */
  value: string | number | boolean;
}

/** An Arazzo success or failure action of the subset: `end`, `goto` a step, or `retry` (failure only). */
export interface Action {
  name: string;
  type: 'end' | 'goto' | 'retry';
  stepId?: string;
  /** Seconds before the retry. */
  retryAfter?: number;
  /** Retries at most (then the step fails). */
  retryLimit?: number;
  /** All must hold for the action to apply; none: it always applies. */
  criteria: Criterion[];
}

export interface Step {
  stepId: string;
  description?: string;
  operationId: OperationId;
  source: Source;
  method: string;
  /** The documented path template, e.g. `/v3/projection/{projectionId}`. */
  template: string;
  parameters: Parameter[];
  /** The `payload` of an `application/json` request body. */
  payload?: unknown;
  successCriteria: Criterion[];
  onSuccess: Action[];
  onFailure: Action[];
  /** Output name -> expression. */
  outputs: Record<string, string>;
}

export interface Workflow {
  /** The file name, e.g. `authors.arazzo.yaml`. */
  file: string;
  workflowId: string;
  summary?: string;
  description?: string;
  /** Any step changes data (every method but GET): on a real target only with --destructive. */
  writes: boolean;
  inputs: { names: InputName[]; required: InputName[] };
  steps: Step[];
  /** Output name -> expression. */
  outputs: Record<string, string>;
}

/** A criterion that did not hold: its condition, the value found and the value it was compared with. */
export interface Failure {
  criterion: string;
  actual: unknown;
  expected: unknown;
}

export interface StepResult {
  stepId: string;
  operationId: string;
  passed: boolean;
  request: FlowRequest;
  response?: FlowResponse;
  failures: Failure[];
  /** Sends of this visit (more than 1 after retries). */
  attempts: number;
  /** The action taken after it (`goto <step>`, `end`), if any. */
  action?: string;
}

export interface WorkflowResult {
  workflowId: string;
  file: string;
  passed: boolean;
  /** Every visit of a step, in order (a step reached again by goto appears again). */
  steps: StepResult[];
  outputs: Record<string, unknown>;
}

/** A workflow writes when any of its steps is not a read. */
export const writes = (steps: readonly Pick<Step, 'method'>[]): boolean => steps.some((s) => s.method !== 'GET');
