// Reads `*.arazzo.yaml` files and checks them against the shared subset of Arazzo 1.0 (see the
// contract README, "Flows"): anything else in a file is a load error naming file, workflow and
// step, never skipped silently, so a flow never passes by not being run as written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OperationId, operationRoutes } from '@scrub/spec';
import { parse } from 'yaml';
import { type Criterion, parseAbsence, parseCriterion } from './criteria.js';
import { type Expression, expressionsIn } from './expressions.js';
import {
  type Action,
  INPUT_NAMES,
  type InputName,
  type Parameter,
  SOURCES,
  type Source,
  type Step,
  type Workflow,
  writes,
} from './model.js';

export class FlowLoadError extends Error {
  override name = 'FlowLoadError';
}

type Node = Record<string, unknown>;

/** Where an error is: `file: workflow w, step s`. */
interface Where {
  file: string;
  workflowId?: string;
  stepId?: string;
}

const fail = (where: Where, problem: string): never => {
  const parts = [where.workflowId && `workflow ${where.workflowId}`, where.stepId && `step ${where.stepId}`];
  const at = parts.filter(Boolean).join(', ');
  throw new FlowLoadError(`${where.file}${at ? `: ${at}` : ''}: ${problem}`);
};

const isNode = (value: unknown): value is Node => !!value && typeof value === 'object' && !Array.isArray(value);

function node(value: unknown, what: string, where: Where): Node {
  if (!isNode(value)) fail(where, `${what} must be an object`);
  return value as Node;
}

function list(value: unknown, what: string, where: Where): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, `${what} must be a list`);
  return value as unknown[];
}

function text(value: unknown, what: string, where: Where): string {
  if (typeof value !== 'string' || !value) fail(where, `${what} must be a non-empty string`);
  return value as string;
}

/** Only `allowed` keys; the subset has no place for others (nor for `x-` extensions). */
function only(n: Node, allowed: readonly string[], what: string, where: Where): void {
  const extra = Object.keys(n).filter((k) => !allowed.includes(k));
  if (extra.length)
    fail(where, `${what}: ${extra.map((k) => `"${k}"`).join(', ')} is not part of the shared flow format`);
}

/** A piece of text that must parse (an expression, a criterion): its error becomes a load error here. */
function parsed<T>(where: Where, read: () => T): T {
  try {
    return read();
  } catch (error) {
    return fail(where, (error as Error).message);
  }
}

/** A criterion: one comparison, or the JSONPath absence test on the body (criteria.ts, parseAbsence). */
function criterion(value: unknown, what: string, where: Where): Criterion {
  const n = node(value, what, where);
  only(n, ['condition', 'context', 'type'], what, where);
  const condition = text(n.condition, `${what}.condition`, where);
  if (n.type === 'jsonpath') {
    if (n.context !== '$response.body') fail(where, `${what}: a jsonpath criterion's context must be $response.body`);
    return parsed(where, () => parseAbsence(condition));
  }
  if (n.type !== undefined && n.type !== 'simple')
    fail(where, `${what}.type must be simple or jsonpath (the absence test), got ${JSON.stringify(n.type)}`);
  if (n.context !== undefined) fail(where, `${what}: context is for the jsonpath absence test only`);
  return parsed(where, () => parseCriterion(condition));
}

const criteria = (value: unknown, what: string, where: Where): Criterion[] =>
  list(value, what, where).map((c, i) => criterion(c, `${what}[${i}]`, where));

function action(value: unknown, what: string, where: Where, failure: boolean): Action {
  const n = node(value, what, where);
  only(n, ['name', 'type', 'stepId', 'retryAfter', 'retryLimit', 'criteria'], what, where);
  const type = n.type;
  if (type !== 'end' && type !== 'goto' && type !== 'retry')
    fail(where, `${what}.type must be end, goto or retry, got ${JSON.stringify(type)}`);
  if (type === 'retry' && !failure) fail(where, `${what}: retry is an onFailure action`);
  if (type === 'goto' && typeof n.stepId !== 'string') fail(where, `${what}: goto needs a stepId`);
  if (type !== 'goto' && n.stepId !== undefined) fail(where, `${what}: stepId is for goto`);
  if (type !== 'retry' && (n.retryAfter !== undefined || n.retryLimit !== undefined))
    fail(where, `${what}: retryAfter and retryLimit are for retry`);
  if (type === 'retry' && !(typeof n.retryAfter === 'number' && n.retryAfter >= 0))
    fail(where, `${what}: retryAfter must be a number of seconds >= 0`);
  if (type === 'retry' && !(Number.isInteger(n.retryLimit) && (n.retryLimit as number) >= 1))
    fail(where, `${what}: retryLimit must be an integer >= 1`);
  return {
    name: text(n.name, `${what}.name`, where),
    type: type as Action['type'],
    ...(type === 'goto' ? { stepId: n.stepId as string } : {}),
    ...(type === 'retry' ? { retryAfter: n.retryAfter as number, retryLimit: n.retryLimit as number } : {}),
    criteria: criteria(n.criteria, `${what}.criteria`, where),
  };
}

function parameter(value: unknown, what: string, where: Where): Parameter {
  const n = node(value, what, where);
  only(n, ['name', 'in', 'value'], what, where);
  if (n.in !== 'path' && n.in !== 'query' && n.in !== 'header')
    fail(where, `${what}.in must be path, query or header, got ${JSON.stringify(n.in)}`);
  const v = n.value;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
    fail(where, `${what}.value must be a string, a number or a boolean`);
  return { name: text(n.name, `${what}.name`, where), in: n.in as Parameter['in'], value: v as Parameter['value'] };
}

/** The source and operation a step names (`$sourceDescriptions.<source>.<operationId>`). */
function operationOf(value: unknown, sources: ReadonlySet<Source>, where: Where) {
  const id = text(value, 'operationId', where);
  const m = /^\$sourceDescriptions\.([a-z-]+)\.([A-Za-z]+)$/.exec(id);
  if (!m) fail(where, `operationId must read $sourceDescriptions.<source>.<operationId>, got "${id}"`);
  const source = m![1] as Source;
  if (!sources.has(source)) fail(where, `operationId names source "${source}", which the file does not describe`);
  const route = Object.hasOwn(operationRoutes, m![2]!) ? operationRoutes[m![2] as OperationId] : undefined;
  if (!route || route.area !== source) fail(where, `operationId: ${source} has no operation "${m![2]}"`);
  return { source, operationId: m![2] as OperationId, method: route!.method, template: route!.path };
}

function outputs(value: unknown, where: Where): Record<string, string> {
  const n = value === undefined ? {} : node(value, 'outputs', where);
  for (const [name, expression] of Object.entries(n)) {
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) fail(where, `output name "${name}" must be [A-Za-z0-9_.-]+`);
    if (typeof expression !== 'string' || !expression.startsWith('$'))
      fail(where, `output ${name} must be an expression`);
  }
  return n as Record<string, string>;
}

const STEP_KEYS = [
  'stepId',
  'description',
  'operationId',
  'parameters',
  'requestBody',
  'successCriteria',
  'onSuccess',
  'onFailure',
  'outputs',
];

function step(value: unknown, sources: ReadonlySet<Source>, file: string, workflowId: string): Step {
  const raw = node(value, 'a step', { file, workflowId });
  const where: Where = { file, workflowId, stepId: text(raw.stepId, 'stepId', { file, workflowId }) };
  only(raw, STEP_KEYS, 'step', where);
  const op = operationOf(raw.operationId, sources, where);
  const parameters = list(raw.parameters, 'parameters', where).map((p, i) => parameter(p, `parameters[${i}]`, where));
  const names = [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  for (const name of names)
    if (!parameters.some((p) => p.in === 'path' && p.name === name))
      fail(where, `path parameter ${name} of ${op.operationId} has no value`);
  for (const p of parameters)
    if (p.in === 'path' && !names.includes(p.name)) fail(where, `${op.operationId} has no path parameter ${p.name}`);
  let payload: unknown;
  if (raw.requestBody !== undefined) {
    const body = node(raw.requestBody, 'requestBody', where);
    only(body, ['contentType', 'payload'], 'requestBody', where);
    if (body.contentType !== 'application/json') fail(where, 'requestBody.contentType must be application/json');
    if (!isNode(body.payload)) fail(where, 'requestBody.payload must be an object');
    payload = body.payload;
  }
  const success = criteria(raw.successCriteria, 'successCriteria', where);
  const first = success[0];
  if (first?.left.kind !== 'expression' || first.left.expression.kind !== 'statusCode' || first.op !== '==')
    fail(where, 'successCriteria must start with $statusCode == <status>');
  return {
    stepId: where.stepId!,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...op,
    parameters,
    ...(payload !== undefined ? { payload } : {}),
    successCriteria: success,
    onSuccess: list(raw.onSuccess, 'onSuccess', where).map((a, i) => action(a, `onSuccess[${i}]`, where, false)),
    onFailure: list(raw.onFailure, 'onFailure', where).map((a, i) => action(a, `onFailure[${i}]`, where, true)),
    outputs: outputs(raw.outputs, where),
  };
}

function inputs(value: unknown, where: Where): Workflow['inputs'] {
  if (value === undefined) return { names: [], required: [] };
  const n = node(value, 'inputs', where);
  only(n, ['type', 'required', 'properties'], 'inputs', where);
  if (n.type !== 'object') fail(where, 'inputs.type must be object');
  const names = Object.keys(n.properties === undefined ? {} : node(n.properties, 'inputs.properties', where));
  const required = list(n.required, 'inputs.required', where).map((r) => text(r, 'inputs.required[]', where));
  for (const name of [...names, ...required])
    if (!(INPUT_NAMES as readonly string[]).includes(name))
      fail(where, `input "${name}" is not one of ${INPUT_NAMES.join(', ')}`);
  for (const name of required) if (!names.includes(name)) fail(where, `required input ${name} has no property`);
  return { names: names as InputName[], required: required as InputName[] };
}

/** Every expression of a step; a request's only name inputs and outputs (it has no answer yet). */
function expressionsOf(s: Step): Expression[] {
  const conditions = [...s.successCriteria, ...[...s.onSuccess, ...s.onFailure].flatMap((a) => a.criteria)].flatMap(
    (c) => [c.left, c.right].flatMap((o) => (o.kind === 'expression' ? [o.expression] : [])),
  );
  const request = expressionsIn([s.parameters.map((p) => p.value), s.payload ?? null]);
  if (request.some((e) => e.kind !== 'input' && e.kind !== 'output'))
    throw new Error('a request cannot use $statusCode or $response (it has no answer yet): use an earlier output');
  return [...conditions, ...request, ...expressionsIn(Object.values(s.outputs))];
}

/** `$inputs` and `$steps` references name declared inputs, steps and outputs; goto names a step. */
function checkReferences(w: Workflow, where: Where): void {
  const byId = new Map(w.steps.map((s) => [s.stepId, s]));
  const refer = (e: Expression, at: Where) => {
    if (e.kind === 'input' && !w.inputs.names.includes(e.name as InputName))
      fail(at, `$inputs.${e.name} is not an input of the workflow`);
    if (e.kind === 'output' && !byId.get(e.stepId)) fail(at, `$steps.${e.stepId}: no such step`);
    if (e.kind === 'output' && !Object.hasOwn(byId.get(e.stepId)!.outputs, e.name))
      fail(at, `$steps.${e.stepId}.outputs.${e.name}: step ${e.stepId} has no output ${e.name}`);
  };
  for (const s of w.steps) {
    const at = { ...where, stepId: s.stepId };
    for (const e of parsed(at, () => expressionsOf(s))) refer(e, at);
    for (const a of [...s.onSuccess, ...s.onFailure])
      if (a.type === 'goto' && !byId.has(a.stepId!)) fail(at, `action ${a.name}: goto names no step "${a.stepId}"`);
  }
  for (const e of parsed(where, () => expressionsIn(Object.values(w.outputs)))) {
    if (e.kind !== 'input' && e.kind !== 'output') fail(where, 'workflow outputs take $inputs and $steps only');
    refer(e, where);
  }
}

const WORKFLOW_KEYS = ['workflowId', 'summary', 'description', 'inputs', 'steps', 'outputs'];

function workflow(value: unknown, sources: ReadonlySet<Source>, file: string): Workflow {
  const raw = node(value, 'a workflow', { file });
  const where: Where = { file, workflowId: text(raw.workflowId, 'workflowId', { file }) };
  only(raw, WORKFLOW_KEYS, 'workflow', where);
  const steps = list(raw.steps, 'steps', where).map((s) => step(s, sources, file, where.workflowId!));
  if (!steps.length) fail(where, 'a workflow needs steps');
  const seen = new Set<string>();
  for (const s of steps) {
    if (seen.has(s.stepId)) fail(where, `stepId ${s.stepId} is used twice`);
    seen.add(s.stepId);
  }
  const w: Workflow = {
    file,
    workflowId: where.workflowId!,
    ...(typeof raw.summary === 'string' ? { summary: raw.summary } : {}),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    writes: writes(steps),
    inputs: inputs(raw.inputs, where),
    steps,
    outputs: outputs(raw.outputs, where),
  };
  checkReferences(w, where);
  return w;
}

/** The workflows of one Arazzo document (`file` names it in errors). */
export function parseFlowFile(source: string, file: string): Workflow[] {
  const where: Where = { file };
  const doc = node(
    parsed(where, () => parse(source)),
    'the document',
    where,
  );
  only(doc, ['arazzo', 'info', 'sourceDescriptions', 'workflows'], 'the document', where);
  if (typeof doc.arazzo !== 'string' || !/^1\.0\.\d+$/.test(doc.arazzo)) fail(where, 'arazzo must be 1.0.x');
  node(doc.info, 'info', where);
  const sources = new Set<Source>();
  for (const [i, d] of list(doc.sourceDescriptions, 'sourceDescriptions', where).entries()) {
    const n = node(d, `sourceDescriptions[${i}]`, where);
    only(n, ['name', 'url', 'type'], `sourceDescriptions[${i}]`, where);
    if (!SOURCES.includes(n.name as Source) || n.type !== 'openapi')
      fail(where, `sourceDescriptions[${i}] must be idcheck or text-assessment, type openapi`);
    sources.add(n.name as Source);
  }
  const workflows = list(doc.workflows, 'workflows', where).map((w) => workflow(w, sources, file));
  if (!workflows.length) fail(where, 'no workflows');
  return workflows;
}

/**
 * Where the flows are: in this repository its `openapi/flows/` (always the current files), in the
 * published package the copy next to the build (`dist/flows/`).
 */
export function defaultFlowsDir(here: string = import.meta.url): string {
  const pkg = fileURLToPath(new URL(here.includes('/src/flows/') ? '../../' : '../', here));
  const repoFlows = join(pkg, '../../openapi/flows');
  if (/[\\/]packages[\\/]contract[\\/]?$/.test(pkg) && existsSync(repoFlows)) return repoFlows;
  return fileURLToPath(new URL('./flows/', here));
}

/** Every workflow of the `*.arazzo.yaml` files of `dir` (default: the shipped or repo flows), by file name. */
export async function loadFlows(dir: string = defaultFlowsDir()): Promise<Workflow[]> {
  if (!existsSync(dir)) throw new FlowLoadError(`no flows: ${dir} does not exist`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.arazzo.yaml'))
    .sort();
  if (!files.length) throw new FlowLoadError(`no *.arazzo.yaml files in ${dir}`);
  const all = files.flatMap((f) => parseFlowFile(readFileSync(join(dir, f), 'utf8'), basename(f)));
  const ids = new Set<string>();
  for (const w of all) {
    if (ids.has(w.workflowId)) throw new FlowLoadError(`${w.file}: workflowId ${w.workflowId} is used twice`);
    ids.add(w.workflowId);
  }
  return all;
}
