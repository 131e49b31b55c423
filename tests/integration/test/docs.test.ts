// The guide's table of operation ids is the specs' list, in the specs' order (a renamed or added
// operation fails here until the guide follows).
import { readFileSync } from 'node:fs';
import { operationRoutes } from '@scrub/spec';
import { expect, it } from 'vitest';

it('docs/testing.md lists every operation id with its method and path', () => {
  const guide = readFileSync(new URL('../../../docs/testing.md', import.meta.url), 'utf8');
  const rows = [...guide.matchAll(/^\| `(\w+)` \| `(\w+) ([^`]+)`/gm)].map((m) => [m[1], m[2], m[3]]);
  expect(rows).toEqual(Object.entries(operationRoutes).map(([id, route]) => [id, route.method, route.path]));
});
