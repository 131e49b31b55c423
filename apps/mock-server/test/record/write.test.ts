// `writeRecording()`: exactly the two texts, owner-only, into a directory it creates; nothing at all
// when a leak is found or a recording is there already (unless `force`).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultFixture } from '@scrub/mocks';
import { type Exchange, type Recording, toHar } from '@scrub/spec/recording';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { RecordingLeakError, writeRecording } from '../../src/record/write.js';

const tmp = mkdtempSync(join(tmpdir(), 'scrub-write-'));
const exchange: Exchange = {
  startedDateTime: '2026-01-02T03:04:05.006Z',
  time: 12.5,
  request: { method: 'GET', url: 'https://staging.test/v3/projection', headers: [{ name: 'x-api-key', value: 'k-1' }] },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [],
    body: '{"items":[],"message":"Get projection list success"}',
  },
};
/** A recording as `recordingOf` hands it over; `leaks` finds the word ORIGINAL. */
function recording(fixture: object = defaultFixture): Recording {
  return {
    exchanges: [exchange],
    fixture: fixture as Recording['fixture'],
    credentials: { idcheck: [], textAssessment: [] },
    notes: [],
    leaks: (text) => [...text.matchAll(/ORIGINAL/g)].map((m) => `a credential at offset ${m.index}`),
  };
}
const mode = (path: string) => statSync(path).mode & 0o777;

describe('writeRecording', () => {
  it('writes recording.har (HAR) and fixture.json (2-space JSON), mode 0600, into a new directory', () => {
    const dir = join(tmp, 'new', 'nested');
    const written = writeRecording(recording(), dir);
    expect(written).toEqual({ har: join(dir, 'recording.har'), fixture: join(dir, 'fixture.json') });
    const har = toHar([exchange], { name: '@scrub/mock-server', version: pkg.version });
    expect(readFileSync(written.har, 'utf8')).toBe(`${JSON.stringify(har, null, 2)}\n`);
    expect(readFileSync(written.fixture, 'utf8')).toBe(`${JSON.stringify(defaultFixture, null, 2)}\n`);
    expect([mode(written.har), mode(written.fixture), mode(dir)]).toEqual([0o600, 0o600, 0o700]);
    expect(readdirSync(dir).sort()).toEqual(['fixture.json', 'recording.har']); // no temporary file left
  });

  it('refuses when leaks() finds anything, with the count; nothing is written, no directory made', () => {
    const dir = join(tmp, 'leaky');
    const leaky = recording({ ...defaultFixture, note: 'ORIGINAL and ORIGINAL' });
    let thrown: unknown;
    try {
      writeRecording(leaky, dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecordingLeakError);
    const error = thrown as RecordingLeakError;
    expect(error.message).toBe(
      'refusing to write the recording: 2 original personal value(s) or credential(s) found in what would be ' +
        'written; nothing was written',
    );
    expect(error.leaks).toHaveLength(2);
    expect(error.leaks[0]).toMatch(/^fixture\.json: a credential at offset \d+$/);
    expect(existsSync(dir)).toBe(false);
  });

  it('does not replace a recording (EEXIST, files untouched) unless force, which leaves them 0600', () => {
    const dir = join(tmp, 'again');
    mkdirSync(dir);
    writeFileSync(join(dir, 'fixture.json'), 'old');
    chmodSync(join(dir, 'fixture.json'), 0o644);
    expect(() => writeRecording(recording(), dir)).toThrow(
      expect.objectContaining({
        code: 'EEXIST',
        message: `${join(dir, 'fixture.json')}: already there, not replaced (set force to replace)`,
      }),
    );
    expect(readdirSync(dir)).toEqual(['fixture.json']);
    expect(readFileSync(join(dir, 'fixture.json'), 'utf8')).toBe('old');
    const written = writeRecording(recording(), dir, { force: true });
    expect(readFileSync(written.fixture, 'utf8')).toBe(`${JSON.stringify(defaultFixture, null, 2)}\n`);
    expect([mode(written.har), mode(written.fixture)]).toEqual([0o600, 0o600]);
  });
});
