// `scrub-contract traffic <file.har> --fixture <out.json>`: any HAR (Chromium DevTools, Playwright,
// `scrub-mock record`) turned into a fixture the mock serves, pseudonymised exactly as the recorder
// does it (docs/decisions.md "Recordings: what is personal, and its pseudonyms"). The HAR's own
// personal values and credentials never reach the written file, the output or an error.
import { readFileSync, writeFileSync } from 'node:fs';
import { fromHar, type RecordedCredentials, recordingOf } from '@scrub/spec/recording';

export interface TrafficFixtureOptions {
  /** Secret of the pseudonyms (same key, same HAR: same fixture). Default: a random one for this run. */
  key?: string;
}

export interface TrafficFixture {
  /** Where the fixture was written. */
  file: string;
  /** The fixture's own credentials (never the recording's): what to call the mock with. */
  credentials: RecordedCredentials;
  /** Exchanges that could not be used, and why. */
  notes: string[];
}

/** Thrown when the fixture would hold an original value: nothing was written. */
export class LeakError extends Error {}

function harOf(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // the parser quotes the text it choked on: say where, not what
    const reason = (error as NodeJS.ErrnoException).code ?? 'not JSON';
    throw new Error(`${file} is not a HAR file (${reason})`);
  }
}

/** Reads the HAR, pseudonymises it, builds the fixture and writes it (mode 0600) to `out`. */
export function writeTrafficFixture(har: string, out: string, options: TrafficFixtureOptions = {}): TrafficFixture {
  const recording = recordingOf(fromHar(harOf(har)), options.key === undefined ? {} : { key: options.key });
  const text = `${JSON.stringify(recording.fixture, null, 2)}\n`;
  const leaks = recording.leaks(text);
  if (leaks.length)
    throw new LeakError(`not written: the fixture would hold ${leaks.length} original values (${leaks[0]}, ...)`);
  writeFileSync(out, text, { mode: 0o600 });
  return { file: out, credentials: recording.credentials, notes: recording.notes };
}

/** What the command prints after the traffic table: the file, the mock's credentials, the notes. */
export function trafficFixtureSummary({ file, credentials, notes }: TrafficFixture): string {
  const lines = [`Fixture written to ${file} (serve it: scrub-mock --fixture ${file})`];
  for (const p of credentials.idcheck)
    lines.push(`  ID-check project ${p.projectId}: x-api-key ${p.apiKey}${p.encryption ? ' (encryption on)' : ''}`);
  for (const a of credentials.textAssessment)
    lines.push(`  text-assessment account ${a.accountId}: authorization "Token token=${a.token}"`);
  for (const note of notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
