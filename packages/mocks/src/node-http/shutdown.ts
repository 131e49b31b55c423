// A graceful stop: no new connections, the requests in flight finish (answers say `connection:
// close`), stalled answers are cut at once, and whatever still runs after the grace period is closed.
import type { Server } from 'node:http';
import type { ServerContext } from './exchange.js';

export function shutdown(server: Server, context: ServerContext, graceMs: number): Promise<{ forced: boolean }> {
  return new Promise((resolve) => {
    context.stopping = true;
    for (const socket of context.stalled) socket.destroy(); // a stalled answer never finishes: do not wait for it
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve({ forced });
    });
    server.closeIdleConnections();
  });
}
