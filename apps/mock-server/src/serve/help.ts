// `scrub-mock --help`: the serve command's flags, the admin routes and the stopping rules.

const SERVE_USAGE =
  'Usage: npx @scrub/mock-server [options]   ' +
  '(installed: scrub-mock [options]; in the Scrub repository: pnpm mock -- [options])';
export const SERVE_HELP = `${SERVE_USAGE}

Serves the ID-check API (/v3/...) and the text-assessment API (/{version}/account/...) on one port,
with in-memory state seeded from a fixture.

Options:
  -p, --port <n>               port to listen on (default: env PORT, else 4010; 0 picks a free one)
      --host <addr>            address to bind (default: 127.0.0.1; anything but loopback prints a warning)
  -f, --fixture <file.json>    seed state from this fixture file instead of the built-in one
      --results-not-ready <n>  polls of a text's results answered "results_not_ready" first (default: 1)
      --admin-origin <origin>  a browser origin allowed to use /__mock/* (repeatable; e.g. the
                               playground's http://localhost:5173); by default no web page can
      --allowed-host <name>    a Host name accepted besides localhost, 127.x.x.x and [::1] while
                               bound to loopback (repeatable; guards against DNS rebinding)
      --admin-token <token>    require "Authorization: Bearer <token>" on /__mock/* (or set env
                               SCRUB_MOCK_ADMIN_TOKEN, which keeps it out of the process list)
      --grace <ms>             on SIGINT/SIGTERM, how long requests in flight may finish (default 5000)
  -q, --quiet                  no per-request log lines
  -h, --help                   show this help

API reference (Redoc, rendered from openapi/): GET /docs

Admin endpoints (curl and server-side code; a request with a foreign Origin header gets 403):
  POST /__mock/reset           back to the fixture (arms and journal cleared too)
  GET  /__mock/state           the whole state as fixture JSON
  PUT  /__mock/state           replace the state (body: fixture JSON; a bad one is refused with 400)
  POST /__mock/arm             arm the next requests of an operation: {"operationId", one of "status",
                               "message", "fault" (reset, apply-then-reset, stall, truncate,
                               invalid-json), "delay"?, "times"?}; GET lists, DELETE drops them
  GET  /__mock/requests        the request journal (?operationId= filters); DELETE empties it
  Header x-mock-session: <name> gives a test worker its own state, arms and journal (API routes too).

Stopping: SIGINT/SIGTERM stop accepting connections and let requests in flight finish (up to
--grace ms), then exit 0; a second signal (half a second or more after the first) stops at once.

Per-request controls (header "Prefer"): code=<status>, example="<exact message>", delay=<ms>,
fault=reset. See the root README for the built-in fixture's keys and tokens.

Record fixtures from a real server (a recording proxy): scrub-mock record --help`;
