// The hand-written Arazzo flows (`flows/*.arazzo.yaml`) keep to the format that every executor of
// them shares (`redocly respect`, `scrub-contract flows`, the SDK walk): every operation of both
// specs is a step, operations are named one way, inputs are the contract's credential names, and
// every criterion is one comparison (or the JSONPath absence test), status first.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../load.js';
import { deref, operations, templateMatches } from './read.js';

type Criterion = { condition: string; context?: string; type?: string };
type Parameter = { name: string; in: string; value: unknown };
type Step = {
  stepId: string;
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { contentType: string; payload: Record<string, unknown> };
  successCriteria: Criterion[];
  onFailure?: { type: string; criteria?: Criterion[] }[];
  onSuccess?: { type: string; criteria?: Criterion[] }[];
  outputs?: Record<string, string>;
};
type Workflow = {
  workflowId: string;
  summary: string;
  inputs: { type: string; required: string[]; properties: Record<string, unknown> };
  steps: Step[];
};
type Flow = {
  arazzo: string;
  sourceDescriptions: { name: string; url: string; type: string }[];
  workflows: Workflow[];
};

const SOURCES = ['idcheck', 'text-assessment'] as const;
const INPUTS = [
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
];
const KEY_INPUTS = ['$inputs.apiKey', '$inputs.limitApiKey', '$inputs.sealedApiKey'];

const EXPRESSION =
  '\\$inputs\\.[A-Za-z]+|\\$steps\\.[a-z0-9-]+\\.outputs\\.[A-Za-z0-9_]+|\\$statusCode' +
  '|\\$response\\.body#(?:/[^\\s/]+)*|\\$response\\.header\\.[A-Za-z0-9-]+';
const LITERAL = "-?\\d+(?:\\.\\d+)?|true|false|null|'[^']*'";
const OPERAND = `(?:${EXPRESSION}|${LITERAL})`;
const COMPARISON = new RegExp(`^(${OPERAND}) (?:==|!=|<=|>=|<|>) (${OPERAND})$`);
const WHOLE_EXPRESSION = new RegExp(`^(?:${EXPRESSION})$`);
const EMBEDDED = /\{(\$[^{}]+)\}/g;
/** The one JSONPath form: an existence test that passes when the path reaches no value. */
const ABSENT = /^\$\[\?!@(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+\]$/;

const dir = fileURLToPath(new URL('../flows/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.arazzo.yaml'));
const flows = files.map((file) => ({ file, flow: parse(readFileSync(`${dir}${file}`, 'utf8')) as Flow }));
const specIds = Object.fromEntries(
  SOURCES.map((s) => [s, new Set(operations(loadSpec(s)).map((o: { operationId: string }) => o.operationId))]),
);
const allSteps = flows.flatMap(({ flow }) => flow.workflows.flatMap((w) => w.steps));
const operationOf = (step: Step) => /^\$sourceDescriptions\.([a-z-]+)\.([A-Za-z]+)$/.exec(step.operationId);
const paramValue = (step: Step, name: string) => step.parameters?.find((p) => p.name === name)?.value;

/** Every string inside a value (parameter values, payloads). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Why a value is not a literal, a whole expression or a string with embedded `{$...}`, or undefined. */
function valueProblem(value: string): string | undefined {
  if (value.startsWith('$')) return WHOLE_EXPRESSION.test(value) ? undefined : `not an allowed expression: ${value}`;
  for (const [, inner] of value.matchAll(EMBEDDED))
    if (!WHOLE_EXPRESSION.test(inner)) return `not an allowed embedded expression: ${inner}`;
  return undefined;
}

/** Why a criterion is outside the shared format, or undefined. */
function criterionProblem(c: Criterion): string | undefined {
  if (c.type === 'jsonpath')
    return c.context === '$response.body' && ABSENT.test(c.condition) ? undefined : `jsonpath form: ${c.condition}`;
  if (c.type !== undefined || c.context !== undefined) return `criterion type/context: ${JSON.stringify(c)}`;
  const match = COMPARISON.exec(c.condition);
  if (!match) return `not one comparison: ${c.condition}`;
  // A quoted operand is a literal: no executor interpolates `{$...}` inside it.
  if (/'[^']*\{\$/.test(c.condition)) return `expression inside a quoted literal: ${c.condition}`;
  return undefined;
}

it('there are flow files, each of Arazzo 1.0.1 with the two sources named after the specs', () => {
  expect(files.length).toBeGreaterThan(0);
  for (const { file, flow } of flows) {
    expect(flow.arazzo, file).toBe('1.0.1');
    for (const source of flow.sourceDescriptions) {
      expect(SOURCES, file).toContain(source.name);
      expect(source, file).toEqual({ name: source.name, url: `../${source.name}.yaml`, type: 'openapi' });
    }
  }
});

it('every operation of both specs is a step of some flow', () => {
  const used = new Set(allSteps.map((s) => operationOf(s)?.slice(1).join('.')));
  for (const source of SOURCES)
    for (const id of specIds[source]) expect(used.has(`${source}.${id}`), `${source}.${id} is a step`).toBe(true);
});

for (const { file, flow } of flows) {
  describe(file, () => {
    const sources = new Set(flow.sourceDescriptions.map((s) => s.name));
    const ids = flow.workflows.map((w) => w.workflowId);

    it('workflow ids are kebab-case and unique, each with a summary', () => {
      for (const w of flow.workflows) {
        expect(w.workflowId).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(w.summary?.length ?? 0, w.workflowId).toBeGreaterThan(20);
      }
      expect(new Set(ids).size).toBe(ids.length);
    });

    for (const w of flow.workflows) {
      describe(w.workflowId, () => {
        it('names every operation as $sourceDescriptions.<source>.<operationId> of a declared source', () => {
          for (const step of w.steps) {
            const match = operationOf(step);
            expect(match, `${step.stepId}: ${step.operationId}`).not.toBeNull();
            const [, source, id] = match as RegExpExecArray;
            expect(sources.has(source), `${step.stepId}: source ${source} declared`).toBe(true);
            expect(specIds[source]?.has(id), `${step.stepId}: ${id} exists in ${source}.yaml`).toBe(true);
          }
        });

        it('declares only the allowed inputs, as a JSON Schema object, and uses only what it declares', () => {
          expect(w.inputs.type).toBe('object');
          const declared = Object.keys(w.inputs.properties);
          for (const name of declared) expect(INPUTS, name).toContain(name);
          expect([...w.inputs.required].sort()).toEqual([...declared].sort());
          const used = [...JSON.stringify(w.steps).matchAll(/\$inputs\.([A-Za-z]+)/g)].map((m) => m[1]);
          for (const name of used) expect(declared, `$inputs.${name}`).toContain(name);
        });

        it('sends credentials only as the x-api-key or authorization header', () => {
          for (const step of w.steps) {
            const key = paramValue(step, 'x-api-key');
            const auth = paramValue(step, 'authorization');
            expect(key !== undefined || auth !== undefined, step.stepId).toBe(true);
            if (key !== undefined) expect(KEY_INPUTS, step.stepId).toContain(key);
            if (auth !== undefined) expect(auth, step.stepId).toBe('Token token={$inputs.token}');
            for (const p of step.parameters ?? [])
              if (['x-api-key', 'authorization'].includes(p.name)) expect(p.in, step.stepId).toBe('header');
            expect(JSON.stringify(step.requestBody ?? {}), step.stepId).not.toMatch(/Key|\$inputs\.token/);
          }
        });

        it('builds parameters, payloads and outputs from allowed expressions only', () => {
          for (const step of w.steps) {
            if (step.requestBody) expect(step.requestBody.contentType, step.stepId).toBe('application/json');
            const values = [...strings(step.parameters?.map((p) => p.value)), ...strings(step.requestBody?.payload)];
            for (const v of values) expect(valueProblem(v), `${step.stepId}: ${v}`).toBeUndefined();
            for (const [name, v] of Object.entries(step.outputs ?? {}))
              expect(WHOLE_EXPRESSION.test(v), `${step.stepId}.outputs.${name}: ${v}`).toBe(true);
          }
        });

        it('checks every step with $statusCode == <n> first, then single comparisons', () => {
          for (const step of w.steps) {
            const [first, ...rest] = step.successCriteria;
            expect(first?.condition, step.stepId).toMatch(/^\$statusCode == \d{3}$/);
            expect(first?.type, step.stepId).toBeUndefined();
            for (const c of rest) expect(criterionProblem(c), step.stepId).toBeUndefined();
            for (const action of [...(step.onFailure ?? []), ...(step.onSuccess ?? [])]) {
              expect(['retry', 'goto', 'end'], step.stepId).toContain(action.type);
              for (const c of action.criteria ?? []) expect(criterionProblem(c), step.stepId).toBeUndefined();
            }
          }
        });

        it('refers only to outputs of earlier steps', () => {
          const seen = new Map<string, Set<string>>();
          for (const step of w.steps) {
            for (const [, id, name] of JSON.stringify(step).matchAll(
              /\$steps\.([a-z0-9-]+)\.outputs\.([A-Za-z0-9_]+)/g,
            ))
              expect(seen.get(id)?.has(name), `${step.stepId} uses $steps.${id}.outputs.${name}`).toBe(true);
            seen.set(step.stepId, new Set(Object.keys(step.outputs ?? {})));
          }
          expect(seen.size, 'unique step ids').toBe(w.steps.length);
        });

        it('cleans up: each projection it creates is deleted later, each author it writes for is deleted', () => {
          const later = (i: number, op: string) =>
            w.steps
              .slice(i + 1)
              .filter((s) => operationOf(s)?.[2] === op && s.successCriteria[0]?.condition.endsWith('200'));
          w.steps.forEach((step, i) => {
            if (!step.successCriteria[0]?.condition.endsWith('200')) return;
            const op = operationOf(step)?.[2];
            if (op === 'createProjection') {
              const id = `$steps.${step.stepId}.outputs.projection_id`;
              expect(step.outputs?.projection_id, step.stepId).toBe('$response.body#/projection_id');
              expect(
                later(i, 'deleteProjection').some((s) => paramValue(s, 'projectionId') === id),
                step.stepId,
              ).toBe(true);
            }
            if (op === 'submitText') {
              const author = step.requestBody?.payload.author_id;
              expect(
                later(i, 'deleteAuthorSubmissions').some((s) => paramValue(s, 'id') === author),
                step.stepId,
              ).toBe(true);
            }
          });
        });

        it('builds every id and name it creates from $inputs.runId', () => {
          for (const step of w.steps) {
            const op = operationOf(step)?.[2];
            const made =
              op === 'createProjection'
                ? [step.requestBody?.payload.name]
                : op === 'submitText'
                  ? [paramValue(step, 'id'), step.requestBody?.payload.author_id]
                  : [];
            for (const v of made) expect(v, step.stepId).toMatch(/\{\$inputs\.runId\}/);
          }
        });
      });
    }
  });
}

/** The messages an operation documents for a status: its x-error-messages, or the `const` message of its success body. */
function documentedMessages(source: string, operationId: string, status: number): string[] {
  const document = loadSpec(source as (typeof SOURCES)[number]);
  const op = operations(document).find((o: { operationId: string }) => o.operationId === operationId)!.operation;
  const errors = (op['x-error-messages'] ?? []) as { status: number; message: string }[];
  const listed = errors.filter((e) => e.status === status).map((e) => e.message);
  const response = deref(document, op.responses?.[String(status)]);
  const top = deref(document, response?.content?.['application/json']?.schema);
  // a body that may be sealed is a oneOf: the plain branch holds the message
  const schemas = [top, ...(top?.oneOf ?? []).map((branch: unknown) => deref(document, branch))];
  const consts = schemas
    .map((schema) => deref(document, schema?.properties?.message)?.const)
    .filter((message): message is string => typeof message === 'string');
  return [...listed, ...consts];
}

it('every message a flow expects is one its operation documents for the status it expects', () => {
  let checked = 0;
  for (const step of allSteps) {
    const [, source, operationId] = operationOf(step)!;
    const status = Number(/^\$statusCode == (\d{3})$/.exec(step.successCriteria[0]!.condition)![1]);
    for (const c of step.successCriteria.slice(1)) {
      const quoted = /^\$response\.body#\/(?:message|errorCode) == '([^']*)'$/.exec(c.condition)?.[1];
      if (quoted === undefined) continue;
      const documented = documentedMessages(source!, operationId!, status);
      expect(
        documented.some((template) => templateMatches(template, quoted)),
        `${step.stepId}: '${quoted}' is not a documented ${status} message of ${operationId}`,
      ).toBe(true);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(30);
});
