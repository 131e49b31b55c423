// The documented error messages of one operation (`x-error-messages`, in check order) in two
// versions. The SDK narrows on their exact text, so they are compared like a closed union.
import { templateShape } from '@scrub/spec';
import { isNode } from './document.js';
import type { SpecOperation } from './operations.js';
import type { Finding } from './side.js';

interface Documented {
  readonly status: string;
  readonly message: string;
  readonly index: number;
}

function documentedOf(operation: SpecOperation): Documented[] {
  const list = operation.node['x-error-messages'];
  if (!Array.isArray(list)) return [];
  return list.filter(isNode).map((m, index) => ({ status: String(m.status), message: String(m.message), index }));
}

type Pair = [Documented, Documented];

/** Pairs base and head messages: same text, then same text but placeholder names, then same status in order. */
function pairMessages(before: Documented[], after: Documented[]) {
  const left = new Set(before);
  const right = new Set(after);
  const take = (same: (b: Documented, h: Documented) => boolean): Pair[] => {
    const pairs: Pair[] = [];
    for (const b of left) {
      const h = [...right].find((candidate) => same(b, candidate));
      if (!h) continue;
      pairs.push([b, h]);
      left.delete(b);
      right.delete(h);
    }
    return pairs;
  };
  const exact = take((b, h) => b.message === h.message);
  const renamed = take((b, h) => templateShape(b.message) === templateShape(h.message));
  const changed = take((b, h) => b.status === h.status);
  return { exact, renamed, changed, added: [...right], removed: [...left] };
}

const quote = (m: Documented) => JSON.stringify(m.message);

/** Every change of an operation's documented error messages. */
export function compareMessages(base: SpecOperation, head: SpecOperation): Finding[] {
  const { exact, renamed, changed, added, removed } = pairMessages(documentedOf(base), documentedOf(head));
  const findings: Finding[] = [];
  const at = (m: Documented) => `error message ${quote(m)}`;
  for (const [b, h] of renamed) {
    const message = `placeholders renamed (${quote(b)} -> ${quote(h)}); the wire text is the same`;
    findings.push({ kind: 'error-message-placeholder-renamed', verdict: 'compatible', where: at(h), message });
  }
  for (const [b, h] of changed) {
    const message = `text changed from ${quote(b)} to ${quote(h)} (status ${h.status})`;
    findings.push({ kind: 'error-message-changed', verdict: 'breaking', where: at(h), message });
  }
  for (const [b, h] of [...exact, ...renamed].filter(([b, h]) => b.status !== h.status)) {
    const message = `status ${b.status} -> ${h.status}`;
    findings.push({ kind: 'error-message-status-changed', verdict: 'breaking', where: at(h), message });
  }
  for (const m of added) {
    findings.push({
      kind: 'error-message-added',
      verdict: 'breaking',
      where: at(m),
      message: `message added (status ${m.status})`,
    });
  }
  for (const m of removed) {
    findings.push({
      kind: 'error-message-removed',
      verdict: 'compatible',
      where: at(m),
      message: 'message removed: it no longer comes',
    });
  }
  const order = [...exact, ...renamed, ...changed].sort(([a], [b]) => a.index - b.index).map(([, h]) => h.index);
  if (order.some((index, i) => i > 0 && index < (order[i - 1] ?? 0))) {
    const message = 'check order changed: a request with several faults can get another message';
    findings.push({ kind: 'error-message-order-changed', verdict: 'breaking', where: 'error messages', message });
  }
  return findings;
}
