// `writeRecording()`: the recording's two files, `recording.har` (the pseudonymised exchanges) and
// `fixture.json` (what `scrub-mock --fixture` serves), each checked for leaks before anything is
// written and readable by their owner only.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Recording, toHar } from '@scrub/spec/recording';

export interface WriteRecordingOptions {
  /** Replace `recording.har` and `fixture.json` when `dir` has them (default: refuse, write nothing). */
  force?: boolean;
}

export interface WrittenRecording {
  /** Absolute path of the HAR file. */
  har: string;
  /** Absolute path of the fixture file. */
  fixture: string;
}

/** The recording would write an original personal value or credential: nothing was written. */
export class RecordingLeakError extends Error {
  override name = 'RecordingLeakError';
  constructor(
    /** What was found, by file, kind and offset (never the value). */
    readonly leaks: readonly string[],
  ) {
    super(
      `refusing to write the recording: ${leaks.length} original personal value(s) or credential(s) found ` +
        'in what would be written; nothing was written',
    );
  }
}

/** The names of the files a recording writes into its directory. */
export const RECORDING_FILES = { har: 'recording.har', fixture: 'fixture.json' } as const;

/** This package's name and version, for the HAR's `creator` (package.json is next to src/ and dist/). */
function creator(): { name: string; version: string } {
  for (const up of ['../', '../../']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), 'utf8'));
      if (pkg.name === '@scrub/mock-server') return { name: pkg.name, version: pkg.version };
    } catch {}
  }
  return { name: '@scrub/mock-server', version: '0.0.0' };
}

/**
 * Writes `recording.har` and `fixture.json` (2-space JSON, mode 0600) into `dir`, created (0700)
 * when missing. Throws a `RecordingLeakError` when `recording.leaks()` finds anything in either text,
 * and an `Error` with `code` `EEXIST` when a file is there already and `force` is not set: in both
 * cases before writing anything.
 */
export function writeRecording(recording: Recording, dir: string, options: WriteRecordingOptions = {}) {
  const texts = {
    har: `${JSON.stringify(toHar(recording.exchanges, creator()), null, 2)}\n`,
    fixture: `${JSON.stringify(recording.fixture, null, 2)}\n`,
  };
  const leaks = (['har', 'fixture'] as const).flatMap((file) =>
    recording.leaks(texts[file]).map((leak) => `${RECORDING_FILES[file]}: ${leak}`),
  );
  if (leaks.length) throw new RecordingLeakError(leaks);
  const paths: WrittenRecording = {
    har: resolve(dir, RECORDING_FILES.har),
    fixture: resolve(dir, RECORDING_FILES.fixture),
  };
  const present = Object.values(paths).filter((path) => existsSync(path));
  if (present.length && !options.force)
    throw Object.assign(new Error(`${present.join(' and ')}: already there, not replaced (set force to replace)`), {
      code: 'EEXIST',
    });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const file of ['har', 'fixture'] as const) writeOwnerOnly(paths[file], texts[file]);
  return paths;
}

/** Writes `text` to `path` with mode 0600, replacing a file there (a new file renamed over it keeps 0600). */
function writeOwnerOnly(path: string, text: string): void {
  const fresh = join(resolve(path, '..'), `.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(fresh, text, { flag: 'wx', mode: 0o600 });
    renameSync(fresh, path);
  } catch (error) {
    rmSync(fresh, { force: true });
    throw error;
  }
}
