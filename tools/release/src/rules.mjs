// The rule: what a change since the last release needs from the pending changesets, and the words
// of each requirement's line. A breaking change needs major, or minor while the package is 0.x with
// a summary that says "breaking" (the changelog is where users read it); anything else needs patch.
import { RANK } from './pending.mjs';

/** @typedef {import('./pending.mjs').Given} Given */
/** `release`: the first release, where every public package needs a changeset of any bump. */
/** @typedef {'breaking' | 'compatible' | 'release'} Need */
/** @typedef {{ kind: string, verdict: string, operation?: string, where: string }} Change */
/** The part of `SpecDiff` (@scrub/contract) the check reads. */
/** @typedef {{ verdict: 'breaking' | 'compatible', changes: readonly Change[] }} Diff */
/** What changed in a file and the need it makes. @typedef {{ need: Need, what: string }} Cause */

/** @param {string} version */
const zeroMajor = (version) => version.split('.')[0] === '0';

/**
 * @param {Need} need
 * @param {Given} given
 * @param {string} version the package's version (package.json: the last release's)
 */
export function meets(need, given, version) {
  const rank = given.bump === undefined ? -1 : RANK[given.bump];
  if (need !== 'breaking') return rank >= RANK.patch;
  return rank === RANK.major || (rank === RANK.minor && zeroMajor(version) && given.saysBreaking);
}

/** @param {Need} need @param {string} version */
export function needed(need, version) {
  if (need === 'release') return 'a changeset (patch, minor or major)';
  if (need === 'compatible') return 'patch or more';
  return zeroMajor(version) ? 'major (minor while 0.x, said to be breaking)' : 'major';
}

/** @param {Given} given @param {Need} need (whether a breaking change is said matters only to a breaking need) */
export function givenWords(given, need) {
  if (given.bump === undefined) return 'no pending changeset names it';
  if (given.bump !== 'minor' || need !== 'breaking') return `pending changesets give ${given.bump}`;
  return `pending changesets give minor, ${given.saysBreaking ? '' : 'not '}said to be breaking`;
}

/** @param {number} n @param {string} noun */
const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** @param {Diff} diff @returns {Cause} */
export function specCause(diff) {
  if (diff.verdict === 'breaking') {
    const breaking = diff.changes.filter((change) => change.verdict === 'breaking');
    const first = breaking[0] ?? diff.changes[0];
    const where = first ? ` (first: ${first.kind} ${first.operation ?? first.where})` : '';
    return { need: 'breaking', what: `${count(breaking.length, 'breaking change')}${where}` };
  }
  const first = diff.changes[0];
  if (!first) return { need: 'compatible', what: 'changed, no change a client sees (the spec ships as data)' };
  const where = ` (first: ${first.kind} ${first.operation ?? first.where})`;
  return { need: 'compatible', what: `${count(diff.changes.length, 'compatible change')}${where}` };
}

/** Lines that count: a blank line is no declaration. @param {string} text */
const linesOf = (text) => text.split(/\r?\n/).filter((line) => line.trim() !== '');

/**
 * The lines of `from` not in `to`, counted as a multiset (a line twice in `from`, once in `to`, is
 * lost once); order does not matter.
 * @param {string[]} from
 * @param {string[]} to
 */
function missing(from, to) {
  /** @type {Map<string, number>} */
  const left = new Map();
  for (const line of to) left.set(line, (left.get(line) ?? 0) + 1);
  return from.filter((line) => {
    const n = left.get(line) ?? 0;
    left.set(line, n - 1);
    return n <= 0;
  });
}

/** @param {string} line */
const quoted = (line) => JSON.stringify(line.trim().length > 80 ? `${line.trim().slice(0, 79)}…` : line.trim());

/**
 * An API report that lost or changed a line lost a declaration (breaking); one that only gained
 * lines grew (compatible). A file added or removed is a report of no lines on the other side.
 * @param {string} base the report at the last release ('' when it did not exist)
 * @param {string} head the working file ('' when removed)
 * @returns {Cause}
 */
export function reportCause(base, head) {
  const [before, after] = [linesOf(base), linesOf(head)];
  const lost = missing(before, after);
  if (lost[0] !== undefined) {
    return { need: 'breaking', what: `${count(lost.length, 'line')} lost or changed (first: ${quoted(lost[0])})` };
  }
  const gained = missing(after, before).length;
  return { need: 'compatible', what: gained ? `${count(gained, 'line')} added, none lost` : 'lines reordered' };
}
