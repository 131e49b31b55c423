// The guide's table of operation ids is the specs' list, in the specs' order (a renamed or added
// operation fails here until the guide follows).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { operationRoutes } from '@scrub/spec';
import { expect, it } from 'vitest';

it('docs/testing.md lists every operation id with its method and path', () => {
  const guide = readFileSync(new URL('../../../docs/testing.md', import.meta.url), 'utf8');
  const rows = [...guide.matchAll(/^\| `(\w+)` \| `(\w+) ([^`]+)`/gm)].map((m) => [m[1], m[2], m[3]]);
  expect(rows).toEqual(Object.entries(operationRoutes).map(([id, route]) => [id, route.method, route.path]));
});

it('every code comment citing a section of docs/decisions.md names one of its sections', () => {
  const root = new URL('../../../', import.meta.url);
  const decisions = readFileSync(new URL('docs/decisions.md', root), 'utf8');
  const headings = [...decisions.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!);
  const files = execFileSync('git', ['ls-files', '*.ts', '*.js', '*.mjs', '*.cjs'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const cited: string[] = [];
  for (const file of files) {
    // a citation may wrap onto the next comment line
    const text = readFileSync(new URL(file, root), 'utf8').replace(/\n\s*(\/\/|\*) /g, ' ');
    for (const m of text.matchAll(/decisions\.md "([^"]+)"/g)) cited.push(`${file}: ${m[1]}`);
  }
  // the packages cite "Mock control", "Test-side control", "Sessions" and "Admin routes and the browser"
  expect(cited.length).toBeGreaterThanOrEqual(4);
  for (const citation of cited) {
    const section = citation.slice(citation.indexOf(': ') + 2);
    expect(
      headings.some((h) => h.startsWith(section)),
      citation,
    ).toBe(true);
  }
});
