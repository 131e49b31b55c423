// The committed generated files must be exactly what the specs generate today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { AREAS, generate, outputPath } from '../scripts/generate.mjs';

describe('src/generated is in sync with openapi/', () => {
  for (const area of AREAS as readonly string[]) {
    it(`${area}.ts matches a fresh generation (run \`pnpm generate\` if this fails)`, async () => {
      const committed = readFileSync(outputPath(area), 'utf8');
      expect(committed === (await generate(area)), `src/generated/${area}.ts is stale`).toBe(true);
    });
  }
});
