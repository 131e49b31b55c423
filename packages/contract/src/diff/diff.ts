// `diffSpecs`: every change between two versions of a spec, each with the verdict a client would
// give it (docs/decisions.md "Spec changes, judged as a client would").
import { compareRequestBodies, compareResponses } from './bodies.js';
import { nodeOf, type SpecDocument } from './document.js';
import { compareMessages } from './messages.js';
import type { SpecChange, SpecDiff } from './model.js';
import { operationsOf, type SpecOperation } from './operations.js';
import { compareParameters, type Versions } from './parameters.js';
import { compareSecurity } from './security.js';
import type { Finding } from './side.js';

function operationChanges(versions: Versions, base: SpecOperation, head: SpecOperation): SpecChange[] {
  const findings: Finding[] = [
    ...compareParameters(versions, base, head),
    ...compareRequestBodies(versions, base, head),
    ...compareResponses(versions, base, head),
    ...compareMessages(base, head),
    ...compareSecurity(versions, base, head),
  ];
  if (base.operationId !== head.operationId) {
    findings.unshift({
      kind: 'operation-id-changed',
      verdict: 'breaking',
      where: 'operation',
      message: `operationId ${base.operationId} -> ${head.operationId}: the SDK's method and error key change`,
    });
  }
  return findings.map((finding) => ({ ...finding, operationId: head.operationId, operation: head.label }));
}

/** Every change between `base` and `head` (parsed specs of one API), judged from a client's side. */
export function diffSpecs(base: SpecDocument, head: SpecDocument): SpecDiff {
  const versions = { base, head };
  const [before, after] = [operationsOf(base), operationsOf(head)];
  const changes: SpecChange[] = [];
  for (const [key, operation] of after) {
    const old = before.get(key);
    if (old) changes.push(...operationChanges(versions, old, operation));
    else {
      const { operationId, label } = operation;
      changes.push({
        kind: 'operation-added',
        verdict: 'compatible',
        operationId,
        operation: label,
        where: 'operation',
        message: 'operation added',
      });
    }
  }
  for (const [key, { operationId, label }] of before) {
    if (after.has(key)) continue;
    const message = 'operation removed: its clients get 404 or 405';
    changes.push({
      kind: 'operation-removed',
      verdict: 'breaking',
      operationId,
      operation: label,
      where: 'operation',
      message,
    });
  }
  const title = String(nodeOf(head.info).title ?? nodeOf(base.info).title ?? 'spec');
  return {
    title,
    changes,
    verdict: changes.some((change) => change.verdict === 'breaking') ? 'breaking' : 'compatible',
    changedOperations: [...new Set(changes.flatMap((change) => (change.operationId ? [change.operationId] : [])))],
  };
}
