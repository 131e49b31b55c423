// Reports built in memory for the unit tests of what reads them (compare, the report renderers).
import type { CaseResult, Report } from '../../src/model.js';

export const result = (over: Partial<CaseResult> = {}): CaseResult => ({
  area: 'idcheck',
  operationId: 'getProjection',
  response: '200',
  title: 'reads a created projection',
  state: 'passed',
  problems: [],
  ms: 12,
  observed: { status: 200, message: 'Get projection success', shape: '{"item":"string","message":"string"}' },
  ...over,
});

export const report = (over: Partial<Report> = {}): Report => ({
  target: 'http://a.test',
  mockControls: true,
  results: [result()],
  coverage: [{ area: 'idcheck', operationId: 'getProjection', response: '200', state: 'hit' }],
  percent: 100,
  fuzz: [],
  cleanup: [],
  ok: true,
  ...over,
});
