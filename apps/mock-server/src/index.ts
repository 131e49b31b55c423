// `@scrub/mock-server` as a library: start the mock server from code (the `scrub-mock` command is
// src/cli.ts). `FixtureError` is what a fixture that cannot be used rejects with.
export { type Fixture, FixtureError, type MockState } from '@scrub/mocks/http';
export { type RunningMockServer, type StartMockServerOptions, startMockServer } from './start.js';
