// Which side of the wire a schema is on decides whether narrower or wider is the breaking way.
import type { ChangeKind, Verdict } from './model.js';

/** Parameters and request bodies are what a client sends; responses are what it receives. */
export type Side = 'parameter' | 'request' | 'response';

/** A change as the comparisons find it, before it is tied to an operation. */
export interface Finding {
  readonly kind: ChangeKind;
  readonly verdict: Verdict;
  readonly where: string;
  readonly message: string;
}

/** What the values a schema allows did: fewer (`narrowed`), more (`widened`), or neither provably. */
export type Direction = 'narrowed' | 'widened' | 'changed';

/**
 * The kind and verdict of a change of allowed values on a side. A client sends values, so fewer is
 * breaking there; it receives values, so more is breaking there. A change that is neither provably
 * narrower nor wider (a type or pattern replaced) is breaking on both sides.
 */
export function valueChange(side: Side, direction: Direction): Pick<Finding, 'kind' | 'verdict'> {
  const sends = side !== 'response';
  if (direction === 'changed') return { kind: `${side}-${sends ? 'narrowed' : 'widened'}`, verdict: 'breaking' };
  const breaking = sends ? direction === 'narrowed' : direction === 'widened';
  return { kind: `${side}-${direction}`, verdict: breaking ? 'breaking' : 'compatible' };
}
