// The public packages of a workspace, read from pnpm-workspace.yaml and each package.json.
import { afterAll, describe, expect, it } from 'vitest';
import { publicPackages } from '../src/workspace.mjs';
import { cleanup, released, write } from './repo.js';

afterAll(cleanup);

describe('publicPackages', () => {
  it('every package of the workspace globs that is not private, by name, with its version', () => {
    const root = released({ version: '0.4.1', tag: false });
    write(root, { 'apps/playground/package.json': '{ "name": "@scrub/playground", "private": true }\n' });
    expect(publicPackages(root)).toEqual([
      { name: '@scrub/contract', version: '0.4.1', dir: 'packages/contract' },
      { name: '@scrub/mock-server', version: '0.4.1', dir: 'apps/mock-server' },
      { name: '@scrub/mocks', version: '0.4.1', dir: 'packages/mocks' },
      { name: '@scrub/sdk', version: '0.4.1', dir: 'packages/sdk' },
      { name: '@scrub/spec', version: '0.4.1', dir: 'packages/spec' },
    ]);
  });

  it('a directory named exactly is one package; one without package.json is none', () => {
    const root = released({ tag: false });
    write(root, {
      'pnpm-workspace.yaml': 'packages:\n  - bench\n  - examples/*\n  - "!examples/skip"\n',
      'bench/package.json': '{ "name": "@scrub/bench", "version": "1.0.0" }\n',
      'examples/empty/readme.md': 'no package here\n',
    });
    expect(publicPackages(root)).toEqual([{ name: '@scrub/bench', version: '1.0.0', dir: 'bench' }]);
  });
});
