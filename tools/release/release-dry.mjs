#!/usr/bin/env node
// `pnpm release:dry`: what a release would publish, without publishing. In a scratch copy of the
// tracked files: install, `changeset version`, build, then `pnpm pack` every public package into
// --out (default: dist-release/ at the repository root). The working tree is not touched.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
});
if (values.help) {
  console.log(
    'Usage: pnpm release:dry [-- --out <dir>] [--keep]\n' +
      '  --out   where the tarballs go (default: dist-release/)\n' +
      '  --keep  keep the scratch copy',
  );
  process.exit(0);
}

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const out = resolve(values.out ?? join(root, 'dist-release'));
const PUBLIC = ['packages/spec', 'packages/sdk', 'packages/mocks', 'packages/contract', 'apps/mock-server'];
const pnpm = ['-y', 'pnpm@10.34.8'];
/** Runs pnpm; on failure, exits with its own output (not a dump of buffers). */
function run(cwd, args, env = {}) {
  try {
    return execFileSync('npx', [...pnpm, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    }).toString();
  } catch (error) {
    console.error(
      `release:dry: pnpm ${args.join(' ')} failed (exit ${error.status}):\n` +
        `${String(error.stdout ?? '').slice(-6000)}${String(error.stderr ?? '').slice(-3000)}`,
    );
    throw Object.assign(new Error(`pnpm ${args.join(' ')} failed`), { reported: true });
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'scrub-release-'));
try {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root }).toString().split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    copyFileSync(join(root, file), join(scratch, file));
  }
  console.log(`scratch copy: ${files.length} tracked files in ${scratch}`);
  run(scratch, ['install', '--frozen-lockfile', '--prefer-offline'], { CI: 'true' });
  const versioned = run(scratch, ['exec', 'changeset', 'version']);
  process.stdout.write(versioned);
  run(scratch, ['exec', 'turbo', 'run', 'build', ...PUBLIC.map((p) => `--filter=./${p}`)], {
    TURBO_TELEMETRY_DISABLED: '1',
  });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const pkg of PUBLIC) {
    const { name, version } = JSON.parse(readFileSync(join(scratch, pkg, 'package.json'), 'utf8'));
    run(join(scratch, pkg), ['pack', '--pack-destination', out]);
    console.log(`packed ${name}@${version}`);
  }
  console.log(`tarballs in ${out}:\n  ${readdirSync(out).join('\n  ')}`);
} catch (error) {
  if (!error.reported) throw error;
  process.exitCode = 1;
} finally {
  if (values.keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
