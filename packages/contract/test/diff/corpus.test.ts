// Runs the corpus of spec edits (corpus.ts) through the diff: each edit gets the verdict and the kinds of
// change that docs/decisions.md "Spec changes, judged as a client would" gives it, at the operations it
// reaches after `$ref`s are followed.
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../src/diff/diff.js';
import type { ChangeKind, SpecDiff, Verdict } from '../../src/diff/model.js';
import { ALL_KINDS, type CorpusEntry, corpus, KIND_VERDICT } from './corpus.js';
import { type Area, type Doc, IDCHECK_OPERATIONS, loadReal, TEXT_ASSESSMENT_OPERATIONS } from './edit.js';

type Spec = Parameters<typeof diffSpecs>[0];

function diff(base: Doc, head: Doc): SpecDiff {
  return diffSpecs(base as Spec, head as Spec);
}

/** What the diff reported, one line per change, for the failure message. */
function listed(result: SpecDiff): string {
  const lines = result.changes.map((c) => `  ${c.verdict} ${c.kind} ${c.operationId ?? '-'} @ ${c.where}`);
  return lines.length > 0 ? `changes:\n${lines.join('\n')}` : 'no changes';
}

/** The verdict a change of this kind must have in this entry, or undefined when the kind has two. */
function verdictOf(entry: CorpusEntry, kind: ChangeKind): Verdict | undefined {
  const fixed = KIND_VERDICT[kind];
  return entry.verdictOf?.[kind] ?? (fixed === 'depends' ? undefined : fixed);
}

function run(entry: CorpusEntry) {
  const base = loadReal(entry.area);
  entry.base?.(base);
  const head = loadReal(entry.area);
  entry.edit(head);
  const before = JSON.stringify([base, head]);
  expect(JSON.stringify(head), 'the edit changes nothing').not.toBe(JSON.stringify(base));
  const result = diff(base, head);
  expect(JSON.stringify([base, head]), 'the diff must not modify its inputs').toBe(before);
  return result;
}

describe('diff corpus', () => {
  it.each(corpus.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const result = run(entry);
    const report = listed(result);

    if (entry.verdict === 'none') {
      expect(result.changes, report).toEqual([]);
      expect(result.verdict).toBe('compatible');
    } else {
      expect(result.changes.length, report).toBeGreaterThan(0);
      expect(result.verdict, report).toBe(entry.verdict);
    }
    const anyBreaking = result.changes.some((c) => c.verdict === 'breaking');
    expect(result.verdict, 'the verdict of the diff is breaking exactly when a change is').toBe(
      anyBreaking ? 'breaking' : 'compatible',
    );

    for (const kind of entry.kinds) {
      const found = result.changes.filter((c) => c.kind === kind);
      expect(found.length, `no ${kind} reported; ${report}`).toBeGreaterThan(0);
    }
    for (const change of result.changes) {
      const expected = verdictOf(entry, change.kind);
      if (expected) expect(change.verdict, `${change.kind} at ${change.where}; ${report}`).toBe(expected);
      expect(change.where.length, report).toBeGreaterThan(0);
      expect(change.message.length, report).toBeGreaterThan(0);
    }

    if (entry.operations) {
      expect([...result.changedOperations].sort(), report).toEqual([...entry.operations].sort());
      for (const id of entry.operations) {
        expect(
          result.changes.some((c) => c.operationId === id),
          `no change reported at ${id}; ${report}`,
        ).toBe(true);
      }
    }
  });
});

describe('diff of a spec with itself', () => {
  it.each([
    ['idcheck', IDCHECK_OPERATIONS],
    ['text-assessment', TEXT_ASSESSMENT_OPERATIONS],
  ] as const)('finds no change in %s', (area: Area, ids) => {
    const spec = loadReal(area);
    const same = diff(spec, spec);
    expect(same).toMatchObject({ title: spec.info.title, changes: [], verdict: 'compatible', changedOperations: [] });
    expect(diff(spec, loadReal(area)).changes).toEqual([]);
    // from nothing to the spec: every operation the corpus names is added, and no other
    const added = diff({ openapi: spec.openapi, paths: {} }, spec);
    expect(added.changes.every((c) => c.kind === 'operation-added')).toBe(true);
    expect(added.changedOperations).toEqual(ids);
    expect(ids.length).toBe(area === 'idcheck' ? 6 : 3);
  });
});

describe('the corpus', () => {
  it('has at least 25 edits, each with a name of its own', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.map((e) => e.name)).size).toBe(corpus.length);
  });

  it('covers every kind of change', () => {
    const covered = new Set(corpus.flatMap((e) => e.kinds));
    const missing = ALL_KINDS.filter((kind) => !covered.has(kind));
    expect(missing, `kinds no corpus entry expects: ${missing.join(', ')}`).toEqual([]);
  });

  it('states the verdict of each kind it expects that has two, and no kind against its entry verdict', () => {
    for (const entry of corpus) {
      for (const kind of entry.kinds) {
        const verdict = verdictOf(entry, kind);
        expect(verdict, `${entry.name}: ${kind} needs verdictOf`).toBeDefined();
        if (entry.verdict === 'compatible') expect(verdict, `${entry.name}: ${kind}`).toBe('compatible');
      }
      if (entry.verdict === 'breaking') {
        expect(entry.kinds.some((k) => verdictOf(entry, k) === 'breaking')).toBe(true);
      }
      if (entry.verdict === 'none') expect(entry.kinds).toEqual([]);
    }
  });

  it('has a breaking, a compatible and an unchanged edit of each area', () => {
    for (const area of ['idcheck', 'text-assessment'] as const) {
      const verdicts = new Set(corpus.filter((e) => e.area === area).map((e) => e.verdict));
      expect([...verdicts].sort()).toEqual(['breaking', 'compatible', 'none']);
    }
  });
});
