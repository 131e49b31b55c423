import { document as idcheck } from '@scrub/spec/idcheck/document';
import { document as text } from '@scrub/spec/text-assessment/document';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../src/diff/diff.js';
import { KIND_VERDICT } from './corpus.js';

const copy = (value: Record<string, any>): Record<string, any> => structuredClone(value);

describe('diffSpecs', () => {
  it('finds nothing between a spec and itself', () => {
    for (const doc of [idcheck, text]) {
      expect(diffSpecs(doc, copy(doc))).toEqual({
        title: doc.info.title,
        changes: [],
        verdict: 'compatible',
        changedOperations: [],
      });
    }
  });

  it('reports a shared schema change at every operation that uses it, on its side of the wire', () => {
    const head = copy(idcheck);
    head.components.schemas.ProjectionMode.enum.push('redact');
    const diff = diffSpecs(idcheck, head);
    expect(diff.verdict).toBe('breaking');
    expect([...diff.changedOperations].sort()).toEqual(['createProjection', 'getProjection', 'listProjections']);
    // a client may now send it (compatible) and may now receive it (breaking: a closed union)
    const found = diff.changes.map((c) => [c.operationId, c.kind, c.verdict, c.where]);
    expect(found).toEqual([
      ['listProjections', 'response-widened', 'breaking', '200 response body .items[].mode'],
      ['createProjection', 'request-widened', 'compatible', 'request body .mode'],
      ['getProjection', 'response-widened', 'breaking', '200 response body .item.mode'],
    ]);
    expect(diff.changes[2]).toMatchObject({
      operation: 'GET /v3/projection/{projectionId}',
      message: 'enum value "redact" added',
    });
  });

  it('names an added and a removed operation; a renamed path is both', () => {
    const head = copy(idcheck);
    head.paths['/v3/projections'] = head.paths['/v3/projection'];
    delete head.paths['/v3/projection'];
    const diff = diffSpecs(idcheck, head);
    const kinds = diff.changes.map((c) => `${c.kind} ${c.operation}`).sort();
    expect(kinds).toEqual([
      'operation-added GET /v3/projections',
      'operation-added POST /v3/projections',
      'operation-removed GET /v3/projection',
      'operation-removed POST /v3/projection',
    ]);
    expect(diff.verdict).toBe('breaking');
  });

  it('does not see a path parameter renamed: its name is not on the wire', () => {
    const head = copy(text);
    const path = '/{version}/account/{account_id}/author/{id}';
    head.paths[path.replace('{id}', '{author_id}')] = head.paths[path];
    delete head.paths[path];
    head.components.parameters.author_id.name = 'author_id';
    expect(diffSpecs(text, head).changes).toEqual([]);
  });

  it('is compatible when every change is', () => {
    const head = copy(idcheck);
    head.paths['/v3/health'] = { get: { operationId: 'health', responses: { 200: { description: 'ok' } } } };
    const diff = diffSpecs(idcheck, head);
    expect(diff).toMatchObject({ verdict: 'compatible', changedOperations: ['health'] });
  });
});

describe('diffSpecs on any edit', () => {
  /** Every place in the spec a spec author (or a broken generator) could put another value. */
  const places = (node: unknown, path: string[] = []): string[][] =>
    node && typeof node === 'object'
      ? [path, ...Object.entries(node).flatMap(([key, value]) => places(value, [...path, key]))]
      : [path];
  const all = places(idcheck).filter((path) => path.length > 0);
  const edit = (doc: Record<string, unknown>, path: string[], value: unknown) => {
    const parent = path.slice(0, -1).reduce<any>((at, key) => at[key], doc);
    parent[path.at(-1)!] = value;
  };

  it('never throws, gives known kinds with their side of the verdict, and nothing for an unchanged copy', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(all.length - 1), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 4 }),
        (edits) => {
          const head = copy(idcheck);
          for (const [i, value] of edits) {
            try {
              edit(head, all[i]!, value);
            } catch {
              // an earlier edit removed the parent: this one has nowhere to go
            }
          }
          for (const diff of [diffSpecs(idcheck, head), diffSpecs(head, idcheck)]) {
            for (const change of diff.changes) {
              // a kind of model.ts, with the verdict docs/decisions.md gives it
              const verdict = KIND_VERDICT[change.kind];
              expect(verdict, change.kind).toBeDefined();
              if (verdict !== 'depends') expect(change.verdict, `${change.kind} ${change.message}`).toBe(verdict);
              else expect(['breaking', 'compatible']).toContain(change.verdict);
              expect(change.where).not.toBe('');
            }
            expect(diff.verdict).toBe(diff.changes.some((c) => c.verdict === 'breaking') ? 'breaking' : 'compatible');
          }
          expect(diffSpecs(head, copy(head)).changes).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
