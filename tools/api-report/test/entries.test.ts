// The entry points a report is made for: every subpath of `exports` but ./package.json, each with the
// declarations an ESM client's TypeScript resolves it to.
import { describe, expect, it } from 'vitest';
import { esmTypes, publicEntries, reportName } from '../src/entries.mjs';

describe('reportName', () => {
  it('names the root index and a nested subpath with dashes', () => {
    expect(reportName('.')).toBe('index.api.md');
    expect(reportName('./rules')).toBe('rules.api.md');
    expect(reportName('./idcheck/document')).toBe('idcheck-document.api.md');
  });
});

describe('esmTypes', () => {
  it('takes the ESM declarations of a dual export, not the CommonJS ones', () => {
    const target = {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    };
    expect(esmTypes(target)).toBe('./dist/index.d.ts');
  });

  it('passes over a runtime an entry is not for (browser: null) to its ESM declarations', () => {
    const target = { browser: null, import: { types: './dist/node.d.ts', default: './dist/node.js' } };
    expect(esmTypes(target)).toBe('./dist/node.d.ts');
  });

  it('takes `types` before a runtime condition listed after it (./crypto: node, default)', () => {
    const target = {
      import: { types: './dist/crypto.d.ts', node: './dist/crypto-node.js', default: './dist/crypto.js' },
    };
    expect(esmTypes(target)).toBe('./dist/crypto.d.ts');
  });

  it('stops at a null condition that an ESM import matches', () => {
    expect(esmTypes({ import: null, require: { types: './dist/index.d.cts' } })).toBeUndefined();
  });

  it('finds no declarations in a target that only names JavaScript', () => {
    expect(esmTypes('./dist/index.js')).toBeUndefined();
    expect(esmTypes({ import: './dist/index.js' })).toBeUndefined();
  });
});

describe('publicEntries', () => {
  it('lists every subpath in exports order, without ./package.json', () => {
    const exports = {
      '.': { import: { types: './dist/index.d.ts' } },
      './idcheck/document': { import: { types: './dist/generated/idcheck.document.d.ts' } },
      './package.json': './package.json',
    };
    expect(publicEntries({ name: '@scrub/x', exports })).toEqual([
      { subpath: '.', report: 'index.api.md', types: './dist/index.d.ts' },
      {
        subpath: './idcheck/document',
        report: 'idcheck-document.api.md',
        types: './dist/generated/idcheck.document.d.ts',
      },
    ]);
  });

  it('reads exports keyed by condition as the root entry', () => {
    expect(
      publicEntries({ name: '@scrub/x', exports: { types: './dist/index.d.ts', default: './dist/index.js' } }),
    ).toEqual([{ subpath: '.', report: 'index.api.md', types: './dist/index.d.ts' }]);
  });

  it('refuses an entry without ESM declarations, naming it', () => {
    expect(() => publicEntries({ name: '@scrub/x', exports: { './cli': './dist/cli.js' } })).toThrow(
      '@scrub/x: export "./cli" has no ESM declarations (.d.ts)',
    );
  });

  it('refuses a subpath pattern, whose entries it cannot list', () => {
    expect(() => publicEntries({ name: '@scrub/x', exports: { './*': { types: './dist/*.d.ts' } } })).toThrow(
      '@scrub/x: export "./*" is a pattern; name each entry',
    );
  });

  it('refuses a package without exports to report', () => {
    expect(() => publicEntries({ name: '@scrub/x', exports: { './package.json': './package.json' } })).toThrow(
      '@scrub/x: package.json has no exports to report',
    );
  });
});
