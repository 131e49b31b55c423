#!/usr/bin/env node
// `pnpm contract -- --target <url>`: the contract suite against any base URL.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { coverageTable, junit } from './report.js';
import { runContract } from './run.js';
import type { Area } from './spec.js';

const HELP = `Usage: scrub-contract --target <url> [options]    (in this repo: pnpm contract -- --target <url>)

Runs every documented response of both API specs against a server and checks status, body schema,
exact error messages and content type; prints a coverage table.

Options:
  --target <url>            base URL of the server under test (required)
  --area <a>                idcheck | text-assessment | all (default: all)
  --api-key <key>           ID-check project key (not needed when the target has /__mock/state)
  --token <token>           text-assessment access token
  --account <id>            text-assessment account ID
  --version <v>             text-assessment API version (default: v2.3.0)
  --admin <url>             where /__mock/state lives if not at --target (e.g. behind a proxy)
  --only-valid-requests     skip cases whose request breaks the spec on purpose (behind a validating proxy)
  --fuzz-runs <n>           spec-breaking requests per operation (default: 25; 0 turns them off)
  --report <file.json>      write the full report as JSON
  --junit <file.xml>        write results as JUnit XML
  --require-coverage <pct>  fail when fewer documented responses were hit
  -q, --quiet               only the table and the summary
  -h, --help                show this help

Against a Scrub mock (it offers /__mock/state) the suite seeds its own fixture, so every response is
reachable, and puts the target's state back afterwards. Elsewhere, cases that need seeded data are
reported as "unreachable", never as passed. Exit code: 0 ok, 1 failures or coverage below the gate,
2 bad usage.`;

function fail(message: string): never {
  console.error(`scrub-contract: ${message}\nRun with --help for usage.`);
  process.exit(2);
}

let values;
try {
  values = parseArgs({
    // `pnpm <script> -- --flag` hands the `--` through; it is not a separator here
    args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--')),
    options: {
      target: { type: 'string' },
      area: { type: 'string', default: 'all' },
      'api-key': { type: 'string' },
      token: { type: 'string' },
      account: { type: 'string' },
      version: { type: 'string', default: 'v2.3.0' },
      admin: { type: 'string' },
      'only-valid-requests': { type: 'boolean', default: false },
      'fuzz-runs': { type: 'string', default: '25' },
      report: { type: 'string' },
      junit: { type: 'string' },
      'require-coverage': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (!values.target) fail('--target is required');
try {
  new URL(values.target);
} catch {
  fail(`--target is not a URL: "${values.target}"`);
}
const areaNames: Record<string, Area[]> = { all: ['idcheck', 'text-assessment'], idcheck: ['idcheck'], 'text-assessment': ['text-assessment'] };
const areas = areaNames[values.area];
if (!areas) fail(`--area must be idcheck, text-assessment or all, got "${values.area}"`);
const fuzzRuns = Number(values['fuzz-runs']);
if (!Number.isInteger(fuzzRuns) || fuzzRuns < 0) fail(`--fuzz-runs must be an integer >= 0, got "${values['fuzz-runs']}"`);
const gate = values['require-coverage'] === undefined ? undefined : Number(values['require-coverage']);
if (gate !== undefined && !(gate >= 0 && gate <= 100)) fail(`--require-coverage must be a percentage from 0 to 100, got "${values['require-coverage']}"`);

const report = await runContract({
  target: values.target,
  admin: values.admin,
  areas,
  credentials: {
    ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
    ...(values.token ? { token: values.token } : {}),
    ...(values.account ? { accountId: values.account } : {}),
    version: values.version,
  },
  onlyValidRequests: values['only-valid-requests'],
  fuzzRuns,
  log: values.quiet ? undefined : (line) => console.log(line),
}).catch((error: Error) => fail(`could not run against ${values.target}: ${error.message}`));

console.log(`\n${coverageTable(report)}`);
if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2) + '\n');
if (values.junit) writeFileSync(values.junit, junit(report));
const below = gate !== undefined && report.percent < gate;
if (below) console.error(`coverage ${report.percent}% is below the required ${gate}%`);
process.exit(report.ok && !below ? 0 : 1);
