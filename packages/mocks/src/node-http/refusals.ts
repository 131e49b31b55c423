// What Node's HTTP parser refuses (bad framing, oversized headers, a timeout) and an `Expect` other
// than `100-continue`: answered with a JSON body and CORS like every other answer, so a browser can
// read them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { pathOf } from '../core/request.js';
import { API_CORS } from './cors.js';
import { shown } from './shown.js';

type Log = ((line: string) => void) | undefined;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  417: 'Expectation Failed',
  431: 'Request Header Fields Too Large',
};

/** A whole HTTP/1.1 answer written straight to a socket the parser gave up on (then closed). */
function rawAnswer(status: number, body: string): string {
  const head = [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}`,
    'content-type: application/json',
    'access-control-allow-origin: *',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/** The server's `clientError` listener: a JSON refusal where one can still be the socket's answer. */
export function refuseUnparsed(log: Log) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    // the client went away (mid-body: that request is logged as aborted): nobody to answer
    const gone = error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.code === 'HPE_INVALID_EOF_STATE';
    if (gone || !socket.writable) return void socket.destroy();
    // an answer is already under way on this socket (a delayed one, garbage pipelined behind it): a
    // refusal would be read as its answer; let that answer go out whole, then close
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (inFlight && !inFlight.writableFinished) {
      inFlight.shouldKeepAlive = false;
      inFlight.once('finish', () => socket.end());
      return;
    }
    if (socket.bytesWritten > 0 || inFlight) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message = status === 400 ? 'Bad Request: the request could not be parsed' : STATUS_TEXT[status];
    socket.end(rawAnswer(status, JSON.stringify({ message })));
    if (log) log(`- - ${status} (${error.code ?? 'parse error'})`);
  };
}

/** The server's `checkExpectation` listener: 417 for any `Expect` but `100-continue`. */
export function refuseExpectation(log: Log) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const got = JSON.stringify(shown(req.headers.expect ?? ''));
    const body = JSON.stringify({
      message: `Expectation Failed: only "Expect: 100-continue" is supported, got ${got}`,
    });
    const length = String(Buffer.byteLength(body));
    res.writeHead(417, [...API_CORS, 'content-type', 'application/json', 'content-length', length]);
    res.end(body);
    if (log) log(`${req.method} ${shown(pathOf(req.url ?? '/'))} 417 0.0ms`);
  };
}
