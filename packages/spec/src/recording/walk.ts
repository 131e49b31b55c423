// Rewrites a JSON value by a rule that says what is kept; everything else is personal. Keys named
// like credentials hold secrets; known personal keys keep their format at any depth.
import type { Format } from './formats.js';
import { isDocumentedMessage } from './messages.js';
import { FORMAT_OF_KEY, isCredentialName } from './personal.js';
import type { Pseudonymise } from './pseudonyms.js';

/**
 * `keep`: as it is (any depth). `message`: kept when a documented message, else personal. A format:
 * a personal string in that format (an object or array under it: personal). An object rule: the keys
 * it names by their rule, the others by `other` (default `personal`); an array rule: each item.
 */
export type Rule = 'keep' | 'message' | Format | ObjectRule | ItemsRule | TupleRule;
export interface ObjectRule {
  keys: Readonly<Record<string, Rule>>;
  other?: Format;
}
export interface ItemsRule {
  items: Rule;
}
export interface TupleRule {
  tuple: readonly Rule[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The rule of a key of an object that `rule` does not name. */
function ruleOfKey(key: string, other: Format): Rule {
  if (other !== 'personal' && other !== 'text') return other;
  return FORMAT_OF_KEY[key] ?? other;
}

/** The format a rule gives a value of another shape than it describes (a string where it expects an object). */
const formatOf = (rule: Rule): Format =>
  typeof rule === 'string' && rule !== 'keep' && rule !== 'message' ? rule : 'personal';

function walkObject(value: Record<string, unknown>, rule: Rule, p: Pseudonymise): Record<string, unknown> {
  const named = typeof rule === 'object' && 'keys' in rule ? rule : undefined;
  const other = named ? (named.other ?? 'personal') : formatOf(rule);
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (named && Object.hasOwn(named.keys, key)) return [key, walk(v, named.keys[key]!, p)];
      if (typeof v === 'string' && isCredentialName(key)) return [key, p.credential('secret', v)];
      return [key, walk(v, ruleOfKey(key, other), p)];
    }),
  );
}

/** `value` rewritten by `rule`: numbers, booleans and null are kept; strings are kept only where the rule says so. */
export function walk(value: unknown, rule: Rule, p: Pseudonymise): unknown {
  if (rule === 'keep' || (rule === 'message' && typeof value === 'string' && isDocumentedMessage(value))) {
    p.keep(value);
    return value;
  }
  if (typeof value === 'string') return p.personal(formatOf(rule), value);
  if (Array.isArray(value)) {
    if (typeof rule === 'object' && 'tuple' in rule)
      return value.map((item, i) => walk(item, rule.tuple[i] ?? 'personal', p));
    const itemRule = typeof rule === 'object' ? ('items' in rule ? rule.items : 'personal') : rule;
    return value.map((item) => walk(item, itemRule, p));
  }
  if (isObject(value)) return walkObject(value, rule, p);
  return value;
}
