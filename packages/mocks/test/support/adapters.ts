// The two ways users reach the mock core: MSW handlers (setupServer) and the node:http server.
// The shared suite runs every case against both, so they cannot drift apart.
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { createMockHttpServer } from '../../src/http.js';
import { createHandlers, createMockState, defaultFixture, type MockState } from '../../src/index.js';

export interface Adapter {
  name: 'msw' | 'http';
  baseUrl: string;
  state: MockState;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function mswAdapter(): Adapter {
  const state = createMockState(defaultFixture, { onWarning: () => {} });
  const server = setupServer(...createHandlers(state));
  return {
    name: 'msw',
    baseUrl: 'http://scrub.mock.test',
    state,
    async start() {
      server.listen({ onUnhandledRequest: 'error' });
    },
    async stop() {
      server.close();
    },
  };
}

export function httpAdapter(): Adapter {
  const state = createMockState(defaultFixture, { onWarning: () => {} });
  const server = createMockHttpServer({ state });
  const adapter: Adapter = {
    name: 'http',
    baseUrl: '',
    state,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      adapter.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return adapter;
}

export const adapters = [mswAdapter, httpAdapter];
