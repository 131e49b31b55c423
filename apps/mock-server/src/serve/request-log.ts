// The command's stdout lines (the request log above all) off the hot path: a line is appended to a
// buffer and the buffer goes out as one asynchronous write, on a short interval or once it is large.
// One write is in flight at a time; a stdout that cannot keep up (a paused pipe, a slow terminal)
// never stalls a request: the buffer grows to a bound, lines past it are dropped and counted, and
// the count is written once there is room. A closed stdout (EPIPE) silently ends the log.
// See docs/decisions.md "The standalone server: start, log, shutdown".
import { write as writeFd } from 'node:fs';

/** Writes bytes somewhere and says how many went out (fewer on a partial write), or why none did. */
export type Sink = (bytes: Uint8Array, done: (error: { code?: string } | null, written: number) => void) => void;

export interface RequestLogOptions {
  /** Where the bytes go (default: stdout, asynchronously, see `stdoutSink`). */
  sink?: Sink;
  /** Milliseconds a line may wait before its batch is written (default 20). */
  intervalMs?: number;
  /** A buffer this large (characters) is written at once (default 64 KiB). */
  batch?: number;
  /** Characters the buffer may hold while stdout cannot keep up; lines past it are dropped (default 1 MiB). */
  bound?: number;
}

const RETRY_MS = 10; // a full pipe (EAGAIN): try again shortly

/** stdout as a `Sink`: `Deno.stdout.write` under Deno (its `node:fs` writes block), `fs.write(1)` elsewhere. */
export function stdoutSink(): Sink {
  const deno = (globalThis as { Deno?: { stdout: { write(b: Uint8Array): Promise<number> } } }).Deno;
  if (deno)
    return (bytes, done) =>
      deno.stdout.write(bytes).then(
        (n) => done(null, n),
        (e) => done(e, 0),
      );
  // Creating `process.stdout` makes a pipe's descriptor non-blocking (libuv), so a write to a pipe
  // nobody reads fails with EAGAIN instead of holding a worker thread that the exit would wait for.
  void process.stdout;
  return (bytes, done) => writeFd(1, bytes, 0, bytes.length, null, (error, n) => done(error, n));
}

export class RequestLog {
  private readonly sink: Sink;
  private readonly intervalMs: number;
  private readonly batch: number;
  private readonly bound: number;
  private pending = '';
  private dropped = 0;
  /** The bytes being written (the rest of them, after a partial write). */
  private inFlight: Uint8Array | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private idle: (() => void)[] = [];

  constructor(options: RequestLogOptions = {}) {
    this.sink = options.sink ?? stdoutSink();
    this.intervalMs = options.intervalMs ?? 20;
    this.batch = options.batch ?? 64 * 1024;
    this.bound = options.bound ?? 1024 * 1024;
  }

  /** Queues one line (a newline is added). Never writes on the caller's turn. */
  readonly line = (text: string): void => {
    if (this.closed) return;
    if (this.pending.length + text.length >= this.bound) {
      this.dropped++;
      return;
    }
    this.pending += `${text}\n`;
    if (this.pending.length >= this.batch && !this.inFlight) this.schedule(0);
    else this.schedule(this.intervalMs);
  };

  /** Writes what is queued now (asynchronously): for a line that should not wait, like the ready line. */
  flush(): void {
    this.schedule(0);
  }

  /** Writes everything queued, then resolves; after `deadlineMs` it resolves anyway (stdout stuck). */
  drain(deadlineMs: number): Promise<void> {
    this.flush();
    if (this.settled()) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, deadlineMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private settled(): boolean {
    return this.closed || (!this.inFlight && this.pending === '' && this.dropped === 0);
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) {
      if (ms > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, ms);
    this.timer.unref?.();
  }

  /** Takes the buffer (with the count of lines dropped since the last one) and writes it. */
  private write(): void {
    if (this.inFlight || this.closed) return;
    if (this.dropped > 0) {
      this.pending += `log: ${this.dropped} lines dropped (stdout could not keep up)\n`;
      this.dropped = 0;
    }
    if (this.pending === '') {
      this.settle();
      return;
    }
    this.inFlight = Buffer.from(this.pending);
    this.pending = '';
    this.send();
  }

  private send(): void {
    const bytes = this.inFlight!;
    this.sink(bytes, (error, written) => {
      if (error?.code === 'EAGAIN') return void setTimeout(() => this.send(), RETRY_MS);
      if (error)
        this.close(); // EPIPE, EBADF: nobody reads any more
      else if (written < bytes.length) {
        this.inFlight = bytes.subarray(written);
        this.send();
      } else this.next();
    });
  }

  /** After a write: the next batch now when it is large or an exit waits, else on the interval. */
  private next(): void {
    this.inFlight = undefined;
    if (this.pending.length >= this.batch || this.idle.length > 0) this.write();
    else if (this.pending !== '' || this.dropped > 0) this.schedule(this.intervalMs);
    else this.settle();
  }

  private close(): void {
    this.closed = true;
    this.pending = '';
    this.inFlight = undefined;
    this.settle();
  }

  private settle(): void {
    if (!this.settled()) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
