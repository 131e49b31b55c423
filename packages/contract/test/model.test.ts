import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCase } from '../src/cases/build.js';
import { type Case, responseKey } from '../src/model.js';

describe('model', () => {
  it('responseKey is the status, with the documented message when there is one', () => {
    expect(responseKey({ status: 200 })).toBe('200');
    expect(responseKey({ status: 404, documented: 'Projection not found' })).toBe('404 Projection not found');
  });

  it("a case's check receives the extra data its run returns, typed", () => {
    const c = defineCase({
      operationId: 'getProjection',
      title: 't',
      status: 200,
      needs: [],
      run: async (ctx) => ({ res: await ctx.send({ method: 'GET', path: '/' }), extra: { afterStatus: 404 } }),
      check: (_res, extra) => {
        expectTypeOf(extra).toEqualTypeOf<{ afterStatus: number }>();
        return [];
      },
    });
    expectTypeOf(c).toEqualTypeOf<Case<{ afterStatus: number }>>();
    // every case fits the list of cases, whatever its extra data
    expectTypeOf(c).toMatchTypeOf<Case>();
    expectTypeOf<Parameters<NonNullable<Case<{ a: 1 }>['check']>>[1]>().toEqualTypeOf<{ a: 1 }>();
    defineCase({
      operationId: 'getProjection',
      title: 't',
      status: 200,
      needs: [],
      // @ts-expect-error: run and check disagree on the extra data (`first` handed over, `second` read)
      run: async (ctx) => ({ res: await ctx.send({ method: 'GET', path: '/' }), extra: { first: 1 } }),
      check: (_res, extra: { second: number }) => (extra.second ? [] : []),
    });
  });
});
