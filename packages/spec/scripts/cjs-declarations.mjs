// The CommonJS declarations of @scrub/spec: each `dist/**/*.d.ts` of the ES module build copied to
// `.d.cts`, relative imports pointing at `.cjs`. The types are the same in both formats; TypeScript
// only needs a `.d.cts` next to each `.cjs` to know the file is CommonJS. (tsdown's own CommonJS
// declarations drop the re-exports of the plain-JS `src/helpers.js` with the plugin version that
// still runs on Node 20; the other packages use tsdown's.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
let count = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  const source = readFileSync(file, 'utf8').replace(/(from\s+["'])(\.{1,2}\/[^"']+)\.js(["'])/g, '$1$2.cjs$3');
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), source);
  count++;
}
console.log(`cjs-declarations: ${count} .d.cts files`);
