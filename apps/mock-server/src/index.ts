// `@scrub/mock-server` as a library: start the mock server from code (the `scrub-mock` command is
// src/cli.ts). `FixtureError` is what a fixture that cannot be used rejects with. `startRecorder` and
// `writeRecording`: the recording proxy of `scrub-mock record`, from code.
export { type Fixture, FixtureError, type MockState } from '@scrub/mocks/http';
export type { Exchange, Header, RecordedCredentials, Recording } from '@scrub/spec/recording';
export { type RunningRecorder, type StartRecorderOptions, startRecorder } from './record/recorder.js';
export {
  RECORDING_FILES,
  RecordingLeakError,
  type WriteRecordingOptions,
  type WrittenRecording,
  writeRecording,
} from './record/write.js';
export { type RunningMockServer, type StartMockServerOptions, startMockServer } from './start.js';
