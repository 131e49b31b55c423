// Node-only entry point: the mock behind node:http (what the mock server CLI runs). It loads no MSW.

export { FixtureError } from './core/fixture-check.js';
export type { MockOptions } from './core/options.js';
export { defineFixture, type FixtureInput } from './fixture.js';
// the server's Host and Origin checks, for a server of its own in front of the mock (the recording proxy)
export { Guard, type GuardOptions, isLoopbackAddress } from './node-http/guard.js';
export { createMockHttpServer, type HttpServerOptions, type MockHttpServer } from './node-http/server.js';
export { createMockState, defaultFixture, type Fixture, type MockState } from './state.js';
