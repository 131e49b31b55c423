// The request body and the documented responses of one operation in two versions.
import { type Node, nodeOf, resolve } from './document.js';
import type { ChangeKind } from './model.js';
import type { SpecOperation } from './operations.js';
import type { Versions } from './parameters.js';
import { compareSchemas } from './schema.js';
import type { Finding, Side } from './side.js';

/** Media types on both sides: each one only on one side is a finding; shared ones compare schemas. */
function compareContent(versions: Versions, side: Side, label: string, before: Node, after: Node): Finding[] {
  const [b, a] = [nodeOf(before.content), nodeOf(after.content)];
  const findings: Finding[] = [];
  const several = new Set([...Object.keys(b), ...Object.keys(a)]).size > 1;
  const prefix = side === 'request' ? 'request' : 'response';
  for (const media of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const where = several ? `${label} (${media})` : label;
    if (!(media in a) || !(media in b)) {
      const added = !(media in b);
      const kind: ChangeKind = `${prefix}-media-type-${added ? 'added' : 'removed'}`;
      // A client can send one more type (compatible) but never get one it cannot read.
      const verdict = side === 'request' && added ? 'compatible' : 'breaking';
      findings.push({ kind, verdict, where, message: `media type ${media} ${added ? 'added' : 'removed'}` });
      continue;
    }
    const ctx = { ...versions, side, label: where };
    findings.push(...compareSchemas(ctx, nodeOf(b[media]).schema, nodeOf(a[media]).schema));
  }
  return findings;
}

/** The request body: present, required, its media types and their schemas. */
export function compareRequestBodies(versions: Versions, base: SpecOperation, head: SpecOperation): Finding[] {
  const before = base.node.requestBody === undefined ? undefined : resolve(versions.base, base.node.requestBody);
  const after = head.node.requestBody === undefined ? undefined : resolve(versions.head, head.node.requestBody);
  const where = 'request body';
  if (!before && !after) return [];
  if (!after) return [{ kind: 'request-body-removed', verdict: 'breaking', where, message: 'request body removed' }];
  const required = after.required === true;
  if (!before) {
    const kind = required ? 'request-body-added-required' : 'request-body-added-optional';
    return [
      {
        kind,
        verdict: required ? 'breaking' : 'compatible',
        where,
        message: `${required ? 'required' : 'optional'} request body added`,
      },
    ];
  }
  const findings = compareContent(versions, 'request', where, before, after);
  if ((before.required === true) !== required) {
    const kind = required ? 'request-body-became-required' : 'request-body-became-optional';
    findings.push({ kind, verdict: required ? 'breaking' : 'compatible', where, message: kind.replaceAll('-', ' ') });
  }
  return findings;
}

/** Documented statuses: one added is a new case for every client; one removed never comes. */
export function compareResponses(versions: Versions, base: SpecOperation, head: SpecOperation): Finding[] {
  const [before, after] = [nodeOf(base.node.responses), nodeOf(head.node.responses)];
  const findings: Finding[] = [];
  for (const status of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const where = `${status} response`;
    if (!(status in before)) {
      findings.push({ kind: 'response-status-added', verdict: 'breaking', where, message: `status ${status} added` });
    } else if (!(status in after)) {
      findings.push({
        kind: 'response-status-removed',
        verdict: 'compatible',
        where,
        message: `status ${status} removed`,
      });
    } else {
      const [b, a] = [resolve(versions.base, before[status]), resolve(versions.head, after[status])];
      findings.push(...compareContent(versions, 'response', `${where} body`, b, a));
    }
  }
  return findings;
}
