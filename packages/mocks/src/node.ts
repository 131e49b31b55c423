// Node entry point: an MSW `setupServer` over a fresh mock state, for Vitest/Jest.
import { type SetupServer, setupServer } from 'msw/node';
import type { MockOptions } from './core/options.js';
import { createHandlers, type HandlerOptions } from './msw/handlers.js';
import { createMockState, type MockState } from './state.js';

export * from './index.js';

export interface MockServer {
  server: SetupServer;
  state: MockState;
}

/** `setupServer` with the mock handlers over a fresh state seeded from `fixture` (default: built-in). */
export function createMockServer(options: HandlerOptions & MockOptions & { fixture?: unknown } = {}): MockServer {
  const state = createMockState(options.fixture, options);
  return { server: setupServer(...createHandlers(state, options)), state };
}
