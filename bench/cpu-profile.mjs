// A V8 CPU profile (`node --cpu-prof`) summarised: self time by function, and the busy time split into
// Scrub's code, Node's own JavaScript, the write syscalls, GC and the rest; idle apart.
import { readFileSync } from 'node:fs';

/** Native functions that put bytes on a socket or a descriptor. */
const WRITES = /^(writev|writeBuffer|write\w*String|writeSync|write)$/;

/** What a sample's function is; a native write is the log's when node:fs called it, else a socket's. */
const categoryOf = ({ functionName: name, url }, parent) => {
  if (name === '(idle)') return 'idle';
  if (name === '(garbage collector)') return 'gc';
  if (name === '(program)') return 'program';
  if (!url && WRITES.test(name)) return parent?.url === 'node:fs' ? 'log write' : 'write';
  if (/\/(packages|apps)\/[\w-]+\/dist\//.test(url)) return 'scrub';
  if (url.startsWith('node:')) return 'node';
  return url ? 'other JS' : 'native';
};

/** `{ totalMs, idle, busy, top }`: busy splits into scrub, node, write, log write, gc, program, native, other JS. */
export function summarise(file, topCount = 8) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const parents = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n);
  const byCategory = {};
  const byFunction = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id);
    const category = categoryOf(callFrame, parents.get(id)?.callFrame);
    byCategory[category] = (byCategory[category] ?? 0) + us;
    total += us;
    if (category === 'idle') continue;
    const file = callFrame.url.split('/').slice(-1)[0];
    const where = file ? ` ${file}:${callFrame.lineNumber + 1}` : category === 'log write' ? ' (log)' : '';
    const key = `${callFrame.functionName || '(anonymous)'}${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const busy = total - (byCategory.idle ?? 0);
  const share = (us) => Number((us / Math.max(busy, 1)).toFixed(3));
  return {
    totalMs: Math.round(total / 1000),
    idle: Number(((byCategory.idle ?? 0) / Math.max(total, 1)).toFixed(3)),
    busy: Object.fromEntries(
      ['scrub', 'node', 'write', 'log write', 'gc', 'program', 'native', 'other JS'].map((c) => [
        c,
        share(byCategory[c] ?? 0),
      ]),
    ),
    top: [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([name, us]) => ({ name, share: share(us) })),
  };
}
