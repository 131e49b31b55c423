import { describe, expect, it } from 'vitest';
import { valueChange } from '../../src/diff/side.js';

describe('valueChange', () => {
  it('fewer values a client sends is breaking; more is compatible (parameters and requests)', () => {
    expect(valueChange('parameter', 'narrowed')).toEqual({ kind: 'parameter-narrowed', verdict: 'breaking' });
    expect(valueChange('parameter', 'widened')).toEqual({ kind: 'parameter-widened', verdict: 'compatible' });
    expect(valueChange('request', 'narrowed')).toEqual({ kind: 'request-narrowed', verdict: 'breaking' });
    expect(valueChange('request', 'widened')).toEqual({ kind: 'request-widened', verdict: 'compatible' });
  });

  it('more values a client receives is breaking (a closed union); fewer is compatible', () => {
    expect(valueChange('response', 'widened')).toEqual({ kind: 'response-widened', verdict: 'breaking' });
    expect(valueChange('response', 'narrowed')).toEqual({ kind: 'response-narrowed', verdict: 'compatible' });
  });

  it('a change neither provably narrower nor wider is breaking, named by the way that hurts each side', () => {
    expect(valueChange('parameter', 'changed')).toEqual({ kind: 'parameter-narrowed', verdict: 'breaking' });
    expect(valueChange('request', 'changed')).toEqual({ kind: 'request-narrowed', verdict: 'breaking' });
    expect(valueChange('response', 'changed')).toEqual({ kind: 'response-widened', verdict: 'breaking' });
  });
});
