// Once per run, for every test file: the release tarballs (`pnpm release:dry`, as a release would
// publish them) and the Node binaries of the matrix (npm's `node` package, Node 20 being this process).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

/** Node majors of the matrix besides this process's own Node 20, pinned. */
export const NODE_VERSIONS = { '22': '22.23.3', '24': '24.21.0', '26': '26.10.0' } as const;

export interface Release {
  /** A scratch directory for the run's projects, removed afterwards. */
  work: string;
  /** The directory of the tarballs. */
  tarballs: string;
  /** Node binaries by major version: '20', '22', '24', '26'. */
  nodes: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    release: Release;
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const exec = promisify(execFile);

export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'scrub-consumer-'));
  const tarballs = join(work, 'tarballs');
  const nodes: Record<string, string> = { '20': process.execPath };
  const [, ...found] = await Promise.all([
    exec(process.execPath, [join(ROOT, 'tools/release/release-dry.mjs'), '--out', tarballs], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    }),
    ...Object.values(NODE_VERSIONS).map((version) =>
      exec('npx', ['-y', `node@${version}`, '-p', 'process.execPath'], { cwd: work }),
    ),
  ]);
  for (const [i, major] of Object.keys(NODE_VERSIONS).entries())
    nodes[major] = found[i]!.stdout.trim().split('\n').pop()!;
  project.provide('release', { work, tarballs, nodes });
  // the projects weigh about 1 GB: gone after the run
  return () => rmSync(work, { recursive: true, force: true });
}
