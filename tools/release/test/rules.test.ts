// The rule on its own: which bumps meet which need, and what a change to a spec or a report needs.
import { describe, expect, it } from 'vitest';
import type { Given } from '../src/pending.mjs';
import { givenWords, meets, needed, reportCause, specCause } from '../src/rules.mjs';

const g = (bump: Given['bump'], saysBreaking = false): Given => ({ bump, saysBreaking });

describe('meets', () => {
  it('breaking: major always; minor only while 0.x and said to be breaking', () => {
    expect(meets('breaking', g('major'), '0.3.0')).toBe(true);
    expect(meets('breaking', g('major'), '2.0.0')).toBe(true);
    expect(meets('breaking', g('minor', true), '0.3.0')).toBe(true);
    expect(meets('breaking', g('minor', false), '0.3.0')).toBe(false);
    expect(meets('breaking', g('minor', true), '1.0.0')).toBe(false);
    expect(meets('breaking', g('patch', true), '0.3.0')).toBe(false);
    expect(meets('breaking', g(undefined), '0.3.0')).toBe(false);
  });

  it('compatible and the first release: patch or more, and `none` is no bump', () => {
    for (const need of ['compatible', 'release'] as const) {
      expect([g('patch'), g('minor'), g('major')].map((given) => meets(need, given, '0.1.0'))).toEqual([
        true,
        true,
        true,
      ]);
      expect(meets(need, g('none'), '0.1.0')).toBe(false);
      expect(meets(need, g(undefined), '0.1.0')).toBe(false);
    }
  });
});

describe('words', () => {
  it('name the bump needed and the bump given', () => {
    expect(needed('breaking', '0.9.1')).toBe('major (minor while 0.x, said to be breaking)');
    expect(needed('breaking', '1.0.0')).toBe('major');
    expect(needed('compatible', '0.1.0')).toBe('patch or more');
    expect(givenWords(g('minor', false), 'breaking')).toBe('pending changesets give minor, not said to be breaking');
    expect(givenWords(g('minor', false), 'compatible')).toBe('pending changesets give minor');
    expect(givenWords(g('none'), 'compatible')).toBe('pending changesets give none');
    expect(givenWords(g(undefined), 'compatible')).toBe('no pending changeset names it');
  });
});

describe('specCause', () => {
  const change = (verdict: string, kind: string, operation?: string) => ({ kind, verdict, operation, where: 'w' });

  it('counts the breaking changes and names the first of them', () => {
    const diff = {
      verdict: 'breaking' as const,
      changes: [change('compatible', 'operation-added', 'GET /a'), change('breaking', 'error-message-added', 'GET /b')],
    };
    expect(specCause(diff)).toEqual({
      need: 'breaking',
      what: '1 breaking change (first: error-message-added GET /b)',
    });
  });

  it('a compatible diff names its first change, or the spec changed in nothing a client sees', () => {
    const diff = { verdict: 'compatible' as const, changes: [change('compatible', 'security-requirement-removed')] };
    expect(specCause(diff)).toEqual({
      need: 'compatible',
      what: '1 compatible change (first: security-requirement-removed w)',
    });
    expect(specCause({ verdict: 'compatible', changes: [] })).toEqual({
      need: 'compatible',
      what: 'changed, no change a client sees (the spec ships as data)',
    });
  });
});

describe('reportCause', () => {
  it('a line lost or changed is breaking, counted as a multiset; blank lines do not count', () => {
    expect(reportCause('a;\nb;\nb;\n', 'b;\na;\n')).toEqual({
      need: 'breaking',
      what: '1 line lost or changed (first: "b;")',
    });
    expect(reportCause('a;\nb;\n', 'a;\nB;\n').need).toBe('breaking');
    expect(reportCause('a;\n\nb;\n', 'a;\nb;\n')).toEqual({ need: 'compatible', what: 'lines reordered' });
  });

  it('lines only gained are compatible; a removed report lost every line', () => {
    expect(reportCause('a;\n', 'a;\nc;\nd;\n')).toEqual({ need: 'compatible', what: '2 lines added, none lost' });
    expect(reportCause('a;\nb;\n', '')).toEqual({ need: 'breaking', what: '2 lines lost or changed (first: "a;")' });
  });

  it('quotes a long line shortened to 80 characters', () => {
    const { what } = reportCause(`${'x'.repeat(100)}\n`, '');
    expect(what).toBe(`1 line lost or changed (first: "${'x'.repeat(79)}…")`);
  });
});
