// What a request of one operation must carry to be let in, in two versions: its security
// requirements (OR-ed alternatives, each an AND of schemes and their scopes) and the schemes they name.
import { nodeOf, type SpecDocument } from './document.js';
import type { SpecOperation } from './operations.js';
import type { Versions } from './parameters.js';
import type { Finding } from './side.js';

/** An alternative as sorted tokens: each scheme's name and `name:scope` per scope; `[]` needs nothing. */
type Alternative = readonly string[];

const keyOf = (alternative: Alternative): string => alternative.join(' + ');

/** The operation's alternatives; `security: []` and `[{}]` alike mean a request needs nothing. */
function alternativesOf(doc: SpecDocument, operation: SpecOperation): Alternative[] {
  const list = operation.node.security ?? doc.security;
  const alternatives = (Array.isArray(list) ? list : []).map((alternative) =>
    Object.entries(nodeOf(alternative))
      .flatMap(([name, scopes]) => [name, ...(Array.isArray(scopes) ? scopes.map((s) => `${name}:${String(s)}`) : [])])
      .sort(),
  );
  const unique = new Map(alternatives.map((alternative) => [keyOf(alternative), alternative]));
  return unique.size ? [...unique.values()] : [[]];
}

const schemeOf = (token: string): string => token.split(':')[0] ?? token;

/** What a scheme puts on the wire; descriptions and component names aside. */
function wireOf(doc: SpecDocument, name: string): string {
  const scheme = nodeOf(nodeOf(nodeOf(doc.components).securitySchemes)[name]);
  const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);
  const header = scheme.in === 'header' ? lower(scheme.name) : scheme.name;
  return JSON.stringify([scheme.type, scheme.in, header, lower(scheme.scheme), scheme.openIdConnectUrl]);
}

/**
 * The base alternatives with each scheme renamed to its head name when the head uses none of that
 * name but one with the same wire form; and which base name each head name stands for.
 */
function renamed(versions: Versions, before: Alternative[], after: Alternative[]) {
  const headNames = new Set(after.flat().map(schemeOf));
  const baseNameOf = new Map<string, string>();
  const rename = (name: string): string => {
    if (headNames.has(name)) return name;
    const wire = wireOf(versions.base, name);
    const match = [...headNames].find((other) => !baseNameOf.has(other) && wireOf(versions.head, other) === wire);
    if (match) baseNameOf.set(match, name);
    return match ?? name;
  };
  const alternatives = before.map((alternative) =>
    alternative.map((token) => [rename(schemeOf(token)), ...token.split(':').slice(1)].join(':')).sort(),
  );
  return { alternatives, baseNameOf };
}

function schemeChanges(
  versions: Versions,
  before: Alternative[],
  after: Alternative[],
  baseNameOf: Map<string, string>,
) {
  const used = new Set(after.flat().map(schemeOf));
  const shared = [...new Set(before.flat().map(schemeOf))].filter((name) => used.has(name));
  const findings: Finding[] = [];
  for (const name of shared) {
    const [was, is] = [wireOf(versions.base, baseNameOf.get(name) ?? name), wireOf(versions.head, name)];
    if (was === is) continue;
    const message = `the scheme now reads ${is} (was ${was})`;
    findings.push({ kind: 'security-scheme-changed', verdict: 'breaking', where: `security scheme ${name}`, message });
  }
  return findings;
}

/** Every token of `small` is in `large`: `large` asks for all `small` does, and more. */
const within = (small: Alternative, large: Alternative) => small.every((token) => large.includes(token));
const open = (list: Alternative[]) => list.some((alternative) => alternative.length === 0);
const whereOf = (alternative: Alternative) => `security ${keyOf(alternative) || 'none'}`;

/** Every change to what the operation's requests must carry. */
export function compareSecurity(versions: Versions, base: SpecOperation, head: SpecOperation): Finding[] {
  const after = alternativesOf(versions.head, head);
  const { alternatives: before, baseNameOf } = renamed(versions, alternativesOf(versions.base, base), after);
  const findings = schemeChanges(versions, before, after, baseNameOf);
  const gained = after.filter((a) => !before.some((b) => keyOf(b) === keyOf(a)));
  const lost = before.filter((b) => !after.some((a) => keyOf(a) === keyOf(b)));
  for (const alternative of gained) {
    // A scheme or scope dropped from an alternative: reported below, as a requirement removed.
    if (lost.some((b) => within(alternative, b))) continue;
    const where = whereOf(alternative);
    // More schemes or scopes AND-ed onto what was enough, or a credential where none was needed.
    if ((open(before) && !open(after)) || lost.some((b) => within(b, alternative))) {
      findings.push({
        kind: 'security-requirement-added',
        verdict: 'breaking',
        where,
        message: 'requests need more credentials',
      });
    } else {
      findings.push({
        kind: 'security-alternative-added',
        verdict: 'compatible',
        where,
        message: 'another way in added',
      });
    }
  }
  for (const alternative of lost) {
    // A scheme or scope added to an alternative: reported above, as a requirement added.
    if (gained.some((a) => within(alternative, a))) continue;
    const where = whereOf(alternative);
    if (open(after) || gained.some((a) => within(a, alternative))) {
      findings.push({
        kind: 'security-requirement-removed',
        verdict: 'compatible',
        where,
        message: 'requests need fewer credentials',
      });
    } else {
      const message = 'a way in removed: its clients are refused';
      findings.push({ kind: 'security-alternative-removed', verdict: 'breaking', where, message });
    }
  }
  return findings;
}
