// `scrub-mock record --help`: the recording proxy's flags, what it writes, and an example.

export const RECORD_HELP = `Usage: scrub-mock record --upstream <url> --out <dir> [options]
  (npx @scrub/mock-server record ...; in the Scrub repository: pnpm mock -- record ...)

A recording proxy. Point a client (the SDK, an app, curl) at it instead of the upstream, with the
upstream's real credentials: it forwards every request to the upstream and returns the answers
unchanged, keeping the exchanges in memory only. On SIGINT/SIGTERM (Ctrl-C) it replaces every personal
value and credential in them by a keyed-HMAC pseudonym (the same value always gets the same one, in
the same format), then writes into <dir> (files mode 0600):
  recording.har   the pseudonymised exchanges (HAR 1.2)
  fixture.json    a fixture built from them, with fresh credentials of its own (never the upstream's)
and prints those credentials and the command that serves the fixture. Nothing is written when a
check finds an original value in either file (exit 1).

Like the mock server, it answers 403 (neither forwarded nor recorded) what a web page of another site
could send: while it listens on loopback, a request whose Host is not localhost, 127.x.x.x or [::1]
(DNS rebinding); and a /__mock/* request with an Origin header.

Options:
      --upstream <url>       the server to record: http:// or https://, with an optional base path,
                             no credentials in it (required)
      --out <dir>            where the recording goes; created when missing (required)
      --force                replace a recording already in <dir> (without it: refused at start)
  -p, --port <n>             port to listen on (default 4010; 0 picks a free one)
      --host <addr>          address to bind (default: 127.0.0.1; anything but loopback prints a warning)
      --allowed-host <name>  a Host name accepted besides localhost, 127.x.x.x and [::1] while
                             bound to loopback (repeatable; guards against DNS rebinding)
      --admin-origin <origin>
                             a browser origin whose /__mock/* requests are forwarded (repeatable;
                             the upstream mock must allow it too); by default no web page's are
      --redact-key <secret>  key of the pseudonyms, at least 16 characters: the same key gives the same
                             pseudonyms in every recording (default: a random key per recording).
                             Prefer env SCRUB_REDACT_KEY, which keeps it out of the process list
      --grace <ms>           on SIGINT/SIGTERM, how long requests in flight may finish (default 5000);
                             a second signal (half a second or more after the first) cuts them off
  -q, --quiet                no per-request log lines
  -h, --help                 show this help

Example:
  export SCRUB_REDACT_KEY="$(openssl rand -hex 32)"   # optional: stable pseudonyms
  scrub-mock record --upstream https://staging.example.com --out fixtures/staging
  # call http://localhost:4010 instead of staging (same paths and credentials), then Ctrl-C
  scrub-mock --fixture fixtures/staging/fixture.json`;
