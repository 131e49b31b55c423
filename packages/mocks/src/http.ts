// Node-only entry point: the mock core behind node:http (what `pnpm mock` runs).
export { createMockHttpServer, type HttpServerOptions } from './http/server.js';
