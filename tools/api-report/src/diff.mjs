// A short unified diff of a committed report against the built one: enough to see what changed in
// the surface; the whole of it is one `api:update` away.
import { createTwoFilesPatch } from 'diff';

export const MAX_DIFF_LINES = 40;

/**
 * @param {string} path the report's path, as the reader finds it (`packages/spec/api/index.api.md`)
 * @param {string} committed
 * @param {string} built
 */
export function shortDiff(path, committed, built, maxLines = MAX_DIFF_LINES) {
  const patch = createTwoFilesPatch(`${path} (committed)`, `${path} (built)`, committed, built, '', '', { context: 2 });
  // from `---` on: without the `===` rule above it, nor the tab that an empty file header leaves
  const lines = patch.split('\n').map((line) => line.replace(/\t$/, ''));
  const body = lines.slice(lines.findIndex((line) => line.startsWith('---'))).filter((line) => line !== '');
  if (body.length <= maxLines) return body.join('\n');
  return [...body.slice(0, maxLines), `... ${body.length - maxLines} more lines of diff`].join('\n');
}
