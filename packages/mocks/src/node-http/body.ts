// Reading a request body within `BODY_LIMIT`: nothing to wait for when there is none, a body
// declared over the limit refused at once (its bytes drained unread), one streamed over it dropped.
import type { IncomingMessage } from 'node:http';
import { BODY_LIMIT, type RequestBody } from '../core/request.js';

const NO_BODY: RequestBody = { text: undefined, tooLarge: false };
/** The client went away before its body arrived: nothing to answer. */
export const ABORTED = Symbol('aborted');

/** True when the request declares a body over the limit (refused without inviting it: `Expect: 100-continue`). */
export const declaresTooLarge = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0) > BODY_LIMIT;

export function readBody(req: IncomingMessage): RequestBody | Promise<RequestBody | typeof ABORTED> {
  // most requests (GET, DELETE) carry none: no stream listeners, no promise
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return NO_BODY;
  if (declaresTooLarge(req)) {
    req.resume(); // answered at once, the rest drained unread
    return Promise.resolve({ text: undefined, tooLarge: true });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) tooLarge = true;
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        tooLarge
          ? { text: undefined, tooLarge }
          : { text: size ? Buffer.concat(chunks).toString('utf8') : undefined, tooLarge },
      ),
    );
    req.on('error', () => resolve(ABORTED));
    req.on('close', () => {
      if (!req.complete) resolve(ABORTED);
    });
  });
}
