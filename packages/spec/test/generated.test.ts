// The committed generated files must be exactly what the specs generate today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREAS, generate, outputPaths } from '../scripts/generate.mjs';

describe('src/generated is in sync with openapi/', () => {
  for (const area of AREAS) {
    it(`${area} matches a fresh generation (run \`pnpm generate\` if this fails)`, async () => {
      const fresh = await generate(area);
      for (const [i, file] of outputPaths(area).entries()) {
        expect(readFileSync(file, 'utf8') === fresh[i], `${file.pathname} is stale`).toBe(true);
      }
    });
  }
});
