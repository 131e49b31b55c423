// `@scrub/spec/recording` exports exactly the interface the recorder and `scrub-contract traffic` use.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Fixture } from '../../src/index.js';
import type { Exchange, RecordedCredentials, Recording, RecordingOptions } from '../../src/recording/index.js';
import * as recording from '../../src/recording/index.js';

describe('@scrub/spec/recording', () => {
  it('exports recordingOf, toHar, fromHar, RecordingError, PERSONAL_KEYS, KEY_MIN_LENGTH and shownPath', () => {
    expect(Object.keys(recording).sort()).toEqual([
      'KEY_MIN_LENGTH',
      'PERSONAL_KEYS',
      'RecordingError',
      'fromHar',
      'recordingOf',
      'shownPath',
      'toHar',
    ]);
    expect(new recording.RecordingError('x')).toBeInstanceOf(Error);
    expect(new recording.RecordingError('x').name).toBe('RecordingError');
  });

  it('takes a key of at least 16 characters (a short text is a guessable secret)', () => {
    expect(recording.KEY_MIN_LENGTH).toBe(16);
    expect(() => recording.recordingOf([], { key: 'fifteen-chars-k' })).toThrow(
      new recording.RecordingError('options.key: expected at least 16 characters'),
    );
    expect(recording.recordingOf([], { key: 'sixteen-chars-ky' }).exchanges).toEqual([]);
  });

  it('types: a recording of exchanges, with a fixture of the spec and fresh credentials', () => {
    expectTypeOf(recording.recordingOf).parameters.toEqualTypeOf<[readonly Exchange[], RecordingOptions?]>();
    expectTypeOf<Recording['fixture']>().toEqualTypeOf<Fixture>();
    expectTypeOf<RecordedCredentials['idcheck'][number]>().toEqualTypeOf<{
      projectId: string;
      apiKey: string;
      encryption: boolean;
    }>();
    expectTypeOf(recording.toHar).returns.toEqualTypeOf<object>();
  });
});
