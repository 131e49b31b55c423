import { describe, expect, it } from 'vitest';
import { coverageOf, percentHit, responseKeys, rowState } from '../src/coverage.js';
import type { CaseResult } from '../src/model.js';
import { operationById } from '../src/spec.js';

const result = (response: string, state: CaseResult['state']): CaseResult => ({
  area: 'idcheck',
  operationId: 'getProjection',
  response,
  title: `${response} ${state}`,
  state,
  problems: [],
  ms: 0,
});

describe('coverage', () => {
  const op = operationById.get('getProjection')!;

  it('lists the success statuses, then every documented error with its message', () => {
    expect(responseKeys(op)).toEqual([
      '200',
      '405 Method not allowed for /projections/projectionId path',
      '413 Request Entity Too Large',
      '403 Forbidden',
      '404 Projection not found',
      '500 Internal server error',
    ]);
  });

  it('a response is hit when every case that ran passed, missed when one failed or none exists', () => {
    expect(rowState([result('200', 'passed'), result('200', 'passed')])).toBe('hit');
    expect(rowState([result('200', 'passed'), result('200', 'failed')])).toBe('missed');
    expect(rowState([result('200', 'passed'), result('200', 'skipped')])).toBe('hit');
    expect(rowState([result('200', 'skipped'), result('200', 'unreachable')])).toBe('skipped');
    expect(rowState([result('200', 'unreachable')])).toBe('unreachable');
    expect(rowState([])).toBe('missed');
  });

  it('builds a row per documented response and the percentage hit, rounded down to a tenth', () => {
    const rows = coverageOf([op], [result('200', 'passed'), result('403 Forbidden', 'unreachable')]);
    expect(rows.map((r) => [r.response.slice(0, 3), r.state])).toEqual([
      ['200', 'hit'],
      ['405', 'missed'],
      ['413', 'missed'],
      ['403', 'unreachable'],
      ['404', 'missed'],
      ['500', 'missed'],
    ]);
    expect(rows[0]).toEqual({ area: 'idcheck', operationId: 'getProjection', response: '200', state: 'hit' });
    expect(percentHit(rows)).toBe(16.6);
    expect(percentHit([])).toBe(0);
  });
});
