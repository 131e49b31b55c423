import { describe, expect, it } from 'vitest';
import type { SpecChange, SpecDiff } from '../../src/diff/model.js';
import { type ComparedSpec, diffJson, diffMarkdown, diffText, overallVerdict } from '../../src/diff/render.js';

const added: SpecChange = {
  kind: 'operation-added',
  verdict: 'compatible',
  operationId: 'health',
  operation: 'GET /v3/health',
  where: 'operation',
  message: 'operation added',
};
const widened: SpecChange = {
  kind: 'response-widened',
  verdict: 'breaking',
  operationId: 'getProjection',
  operation: 'GET /v3/projection/{projectionId}',
  where: '200 response body .item.mode',
  message: 'pattern "^a|b$" -> "^a|b|c$"',
};
const diff = (changes: SpecChange[], title = 'ID check'): SpecDiff => ({
  title,
  changes,
  verdict: changes.some((c) => c.verdict === 'breaking') ? 'breaking' : 'compatible',
  changedOperations: [...new Set(changes.flatMap((c) => (c.operationId ? [c.operationId] : [])))],
});

const changed: ComparedSpec = { file: 'openapi/idcheck.yaml', base: 'main', diff: diff([added, widened]) };
const same: ComparedSpec = { file: 'openapi/text.yaml', base: 'main', diff: diff([], 'Text | assessment') };

describe('overallVerdict', () => {
  it('is breaking when any spec is, compatible otherwise (also for none)', () => {
    expect(overallVerdict([same, changed])).toBe('breaking');
    expect(overallVerdict([same])).toBe('compatible');
    expect(overallVerdict([{ ...same, diff: diff([added]) }])).toBe('compatible');
    expect(overallVerdict([])).toBe('compatible');
  });
});

describe('diffText', () => {
  it('gives a line per spec with its summary, a line per change (breaking first), and the verdict', () => {
    expect(diffText([changed, same])).toBe(
      [
        'openapi/idcheck.yaml (ID check) against main: 2 changes: 1 breaking, 1 compatible -> breaking',
        '  breaking   response-widened GET /v3/projection/{projectionId}  ' +
          '200 response body .item.mode: pattern "^a|b$" -> "^a|b|c$"',
        `  compatible operation-added  ${'GET /v3/health'.padEnd(33)}  operation: operation added`,
        'openapi/text.yaml (Text | assessment) against main: no change a client can see',
        'verdict: breaking',
      ].join('\n'),
    );
  });

  it('says "1 change" for one, and leaves the operation out of a whole-spec change', () => {
    const whole: SpecChange = { kind: 'security-scheme-changed', verdict: 'breaking', where: 'spec', message: 'm' };
    expect(diffText([{ file: 'a.yaml', base: 'b.yaml', diff: diff([whole], 'T') }])).toBe(
      [
        'a.yaml (T) against b.yaml: 1 change: 1 breaking, 0 compatible -> breaking',
        // no operation: an empty column
        '  breaking   security-scheme-changed   spec: m',
        'verdict: breaking',
      ].join('\n'),
    );
  });
});

describe('diffMarkdown', () => {
  it('gives a heading with the verdict, a section per spec and a table of changes, pipes escaped', () => {
    expect(diffMarkdown([changed, same])).toBe(
      [
        '## Spec changes: breaking',
        '',
        '### openapi/idcheck.yaml (ID check)',
        '',
        'Against main: 2 changes: 1 breaking, 1 compatible -> breaking.',
        '',
        '| Verdict | Kind | Operation | Where | Change |',
        '|---|---|---|---|---|',
        '| breaking | response-widened | `GET /v3/projection/{projectionId}` (getProjection) | ' +
          '200 response body .item.mode | pattern "^a\\|b$" -> "^a\\|b\\|c$" |',
        '| compatible | operation-added | `GET /v3/health` (health) | operation | operation added |',
        '',
        '### openapi/text.yaml (Text \\| assessment)',
        '',
        'Against main: no change a client can see.',
      ].join('\n'),
    );
  });

  it('puts a multi-line text on one table line, and an empty cell for a whole-spec change', () => {
    const whole: SpecChange = { kind: 'operation-removed', verdict: 'breaking', where: 'a\nb', message: 'x | y' };
    const md = diffMarkdown([{ file: 'f|g.yaml', base: 'b', diff: diff([whole], 'T') }]);
    expect(md.split('\n')).toEqual([
      '## Spec changes: breaking',
      '',
      '### f\\|g.yaml (T)',
      '',
      'Against b: 1 change: 1 breaking, 0 compatible -> breaking.',
      '',
      '| Verdict | Kind | Operation | Where | Change |',
      '|---|---|---|---|---|',
      '| breaking | operation-removed |  | a b | x \\| y |',
    ]);
  });
});

describe('diffJson', () => {
  it('gives the overall verdict and each spec with its file, base and diff', () => {
    expect(diffJson([changed, same])).toEqual({
      verdict: 'breaking',
      specs: [
        {
          file: 'openapi/idcheck.yaml',
          base: 'main',
          title: 'ID check',
          changes: [added, widened],
          verdict: 'breaking',
          changedOperations: ['health', 'getProjection'],
        },
        {
          file: 'openapi/text.yaml',
          base: 'main',
          title: 'Text | assessment',
          changes: [],
          verdict: 'compatible',
          changedOperations: [],
        },
      ],
    });
    expect(JSON.parse(JSON.stringify(diffJson([same])))).toEqual(diffJson([same]));
  });
});
