// The README's snippet runs as written (through the package's own name, as a user imports it), and
// each `// =>` comment is the value the line before it produces.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('the README snippet runs and shows what it returns', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const snippet = /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
  const asserted = snippet.replace(/^(.*?);\s*\/\/ => (.*)$/gm, (_, statement: string, expected: string) => {
    const bound = /^const (\w+) = /.exec(statement);
    return bound
      ? `${statement}; assert.deepStrictEqual(${bound[1]}, ${expected});`
      : `assert.deepStrictEqual(${statement}, ${expected});`;
  });
  expect(asserted).toContain('assert.deepStrictEqual');
  expect(asserted).not.toContain('// =>'); // every shown value is asserted, none left as a comment
  // inside the package directory, so `@scrub/spec` resolves to this package (self-reference)
  const file = fileURLToPath(new URL('../readme-snippet.tmp.mjs', import.meta.url));
  writeFileSync(file, `import assert from 'node:assert';\n${asserted}\nconsole.log('snippet ok');\n`);
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [file], (error, stdout, stderr) =>
        error ? reject(new Error(stderr)) : resolve(stdout),
      ),
    );
    expect(out.trim()).toBe('snippet ok');
  } finally {
    rmSync(file, { force: true });
  }
});
