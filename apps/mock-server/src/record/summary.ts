// The end of a `scrub-mock record` run: the recording written, then what to do with it (its files,
// the notes, the fixture's fresh credentials, the command that serves it), or why nothing was written.
import type { Recording } from '@scrub/spec/recording';
import type { RequestLog } from '../serve/request-log.js';
import type { RunningRecorder } from './recorder.js';
import { RecordingLeakError, type WrittenRecording, writeRecording } from './write.js';

/** How long the last request lines may take to go out before the summary and the exit. */
const STDOUT_WAIT_MS = 2_000;

/** Leaks listed on a refusal (they name file, kind and offset, never a value); the count says the rest. */
const LEAKS_SHOWN = 20;

/** A path as a shell command may take it. */
function quoted(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

/** What the run prints once the files are written. The credentials are the fixture's own: mock ones, printable. */
export function summary(recording: Recording, written: WrittenRecording): string[] {
  const { idcheck, textAssessment } = recording.credentials;
  const notes = recording.notes.length ? ['Notes:', ...recording.notes.map((note) => `  - ${note}`)] : [];
  return [
    `Recorded ${recording.exchanges.length} exchange(s), pseudonymised; wrote (mode 0600):`,
    `  ${written.har}`,
    `  ${written.fixture}`,
    // writeRecording refuses to write when there is one: reaching here means the count is 0
    'Leak check: 0 original values in either file (every personal value and credential seen was looked for).',
    ...notes,
    "The fixture's credentials (fresh mock credentials, not the upstream's):",
    ...idcheck.map(
      ({ projectId, apiKey, encryption }) =>
        `  ID check, project ${projectId}: x-api-key: ${apiKey}${encryption ? ' (encryption on)' : ''}`,
    ),
    ...textAssessment.map(
      ({ accountId, token }) => `  text assessment, account ${accountId}: Authorization: Token token=${token}`,
    ),
    ...(idcheck.length + textAssessment.length ? [] : ['  (none: no exchange showed a project or an account)']),
    `Serve it: scrub-mock --fixture ${quoted(written.fixture)}`,
  ];
}

/** Waits for the recorder to stop, writes the recording and exits: 0 when written (or nothing to), 1 when not. */
export async function finish(
  recorder: RunningRecorder,
  stopped: Promise<Recording>,
  { dir, force, out }: { dir: string; force: boolean; out: RequestLog },
): Promise<never> {
  let written: WrittenRecording;
  let recording: Recording;
  // the request lines still buffered go out first, then the last words, then the exit
  const exit = async (code: number, line?: string) => {
    await out.drain(STDOUT_WAIT_MS);
    if (line) (code ? console.error : console.log)(line);
    process.exit(code);
  };
  try {
    recording = await stopped;
    if (recorder.exchanges().length === 0) {
      return exit(0, 'Nothing was recorded (no request reached the upstream): no file written.');
    }
    written = writeRecording(recording, dir, { force });
  } catch (error) {
    return exit(1, `scrub-mock record: ${refusal(error)}`);
  }
  return exit(0, summary(recording, written).join('\n'));
}

/** Why nothing was written, as printed. */
function refusal(error: unknown): string {
  if (!(error instanceof RecordingLeakError)) return `cannot write the recording: ${(error as Error).message}`;
  const shown = error.leaks.slice(0, LEAKS_SHOWN).map((leak) => `\n  ${leak}`);
  const more = error.leaks.length > LEAKS_SHOWN ? `\n  and ${error.leaks.length - LEAKS_SHOWN} more` : '';
  return `${error.message}:${shown.join('')}${more}`;
}
