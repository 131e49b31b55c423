// What a request of one operation must carry to be let in, in two versions: its security
// requirements (OR-ed alternatives, each an AND of schemes) and the schemes they name.
import { nodeOf, type SpecDocument } from './document.js';
import type { SpecOperation } from './operations.js';
import type { Versions } from './parameters.js';
import type { Finding } from './side.js';

/** Each alternative as its sorted scheme names joined by ` + ` (`''`: no credential needed). */
function alternativesOf(doc: SpecDocument, operation: SpecOperation): string[] {
  const list = operation.node.security ?? doc.security;
  if (!Array.isArray(list)) return [];
  return list.map((alternative) => Object.keys(nodeOf(alternative)).sort().join(' + '));
}

const namesOf = (alternative: string): string[] => (alternative ? alternative.split(' + ') : []);

/** What a scheme puts on the wire; descriptions and component names aside. */
function wireOf(doc: SpecDocument, name: string): string {
  const scheme = nodeOf(nodeOf(nodeOf(doc.components).securitySchemes)[name]);
  const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);
  const header = scheme.in === 'header' ? lower(scheme.name) : scheme.name;
  return JSON.stringify([scheme.type, scheme.in, header, lower(scheme.scheme), scheme.openIdConnectUrl]);
}

/** Base scheme names renamed in the head with the same wire form are the same scheme. */
function renamed(versions: Versions, before: string[], after: string[]): string[] {
  const headNames = new Set(after.flatMap(namesOf));
  const rename = (name: string): string => {
    if (headNames.has(name)) return name;
    const wire = wireOf(versions.base, name);
    return [...headNames].find((other) => wireOf(versions.head, other) === wire) ?? name;
  };
  return before.map((alternative) => namesOf(alternative).map(rename).sort().join(' + '));
}

const within = (small: string, large: string) => namesOf(small).every((name) => namesOf(large).includes(name));

function schemeChanges(versions: Versions, before: string[], after: string[]): Finding[] {
  const shared = new Set(before.flatMap(namesOf).filter((name) => after.flatMap(namesOf).includes(name)));
  return [...shared]
    .filter((name) => wireOf(versions.base, name) !== wireOf(versions.head, name))
    .map((name) => ({
      kind: 'security-scheme-changed',
      verdict: 'breaking',
      where: `security scheme ${name}`,
      message: `the scheme now reads ${wireOf(versions.head, name)} (was ${wireOf(versions.base, name)})`,
    }));
}

/** Every change to what the operation's requests must carry. */
export function compareSecurity(versions: Versions, base: SpecOperation, head: SpecOperation): Finding[] {
  const after = alternativesOf(versions.head, head);
  const before = renamed(versions, alternativesOf(versions.base, base), after);
  const findings = schemeChanges(versions, before, after);
  const gained = after.filter((a) => !before.includes(a));
  const lost = before.filter((b) => !after.includes(b));
  const open = (list: string[]) => list.length === 0 || list.includes('');
  for (const alternative of gained) {
    // A scheme dropped from an alternative: reported below, as a requirement removed.
    if (!open(before) && lost.some((b) => within(alternative, b))) continue;
    const where = `security ${alternative || 'none'}`;
    // More schemes AND-ed onto what was enough, or a credential where none was needed: breaking.
    const stricter = open(before) || lost.some((b) => within(b, alternative));
    if (stricter)
      findings.push({
        kind: 'security-requirement-added',
        verdict: 'breaking',
        where,
        message: 'requests need more credentials',
      });
    else
      findings.push({
        kind: 'security-alternative-added',
        verdict: 'compatible',
        where,
        message: 'another way in added',
      });
  }
  for (const alternative of lost) {
    // A scheme added to an alternative: reported above, as a requirement added.
    if (!open(after) && gained.some((a) => within(alternative, a))) continue;
    const where = `security ${alternative || 'none'}`;
    const looser = open(after) || gained.some((a) => within(a, alternative));
    if (looser)
      findings.push({
        kind: 'security-requirement-removed',
        verdict: 'compatible',
        where,
        message: 'requests need fewer credentials',
      });
    else
      findings.push({
        kind: 'security-alternative-removed',
        verdict: 'breaking',
        where,
        message: 'a way in removed: its clients are refused',
      });
  }
  return findings;
}
