// What `scrub-mock record` prints once it wrote: the files, the leak check, the notes, the fixture's own
// credentials and the command that serves it.
import { recordingOf } from '@scrub/spec/recording';
import { expect, it } from 'vitest';
import { summary } from '../../src/record/summary.js';

it('names the files, the leak check, the fixture credentials and how to serve it', () => {
  const recording = recordingOf(
    [
      {
        startedDateTime: '2026-12-04T10:00:00.000Z',
        time: 3,
        request: {
          method: 'GET',
          url: 'https://stg.test/v3/projection',
          headers: [{ name: 'x-api-key', value: 'upstream-key-1' }],
        },
        response: {
          status: 200,
          statusText: 'OK',
          headers: [{ name: 'content-type', value: 'application/json' }],
          body: '{"items":[],"message":"Get projection list success"}',
        },
      },
    ],
    { key: 'summary-test-key-01' },
  );
  const [project] = recording.credentials.idcheck;
  expect(summary(recording, { har: 'out/recording.har', fixture: 'out dir/fixture.json' })).toEqual([
    'Recorded 1 exchange(s), pseudonymised; wrote (mode 0600):',
    '  out/recording.har',
    '  out dir/fixture.json',
    'Leak check: 0 original values in either file (every personal value and credential seen was looked for).',
    "The fixture's credentials (fresh mock credentials, not the upstream's):",
    `  ID check, project recorded-1: x-api-key: ${project!.apiKey}`,
    "Serve it: scrub-mock --fixture 'out dir/fixture.json'",
  ]);
  expect(project!.apiKey).not.toBe('upstream-key-1');
});
