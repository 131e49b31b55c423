#!/usr/bin/env node
// `scrub-contract`: the contract suite against any base URL (`run`, the default), two servers side
// by side (`compare`), recorded traffic (`traffic <file.har>`), or the Arazzo flows (`flows`).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type OperationId, operationRoutes } from '@scrub/spec';
import { KEY_MIN_LENGTH } from '@scrub/spec/recording';
import { compareReports, comparisonJunit, comparisonMarkdown } from './compare.js';
import { type ChangedSince, changedSince, changedSinceLine } from './diff/changed.js';
import { compareSpecs, DIFF_HELP, DiffUsageError, parseDiffCommand, SpecSourceError } from './diff/command.js';
import { diffJson, diffMarkdown, diffText, overallVerdict } from './diff/render.js';
import { FLOWS_HELP, type FlowsCommand, parseFlowsCommand } from './flows/command.js';
import { loadFlows } from './flows/load.js';
import { flowsJunit, flowsMarkdown } from './flows/report.js';
import { runFlows, selectFlows } from './flows/run.js';
import { credentialFlags, httpUrl } from './options.js';
import { jsonReport } from './render/json.js';
import { coverageTable, junit } from './report.js';
import { type RunOptions, runContract } from './run.js';
import { type ContractSetup, CREDENTIAL_ENV, loadSetup, SetupError } from './setup.js';
import type { Area } from './spec.js';
import { checkTraffic, trafficJunit, trafficMarkdown } from './traffic.js';
import { type TrafficFixture, trafficFixtureSummary, writeTrafficFixture } from './traffic-fixture.js';

const ENV_LIST = Object.values(CREDENTIAL_ENV).join(', ');

const HELP = `Usage: scrub-contract [run] --target <url> [options]      the suite against one server
       scrub-contract compare --target <a> --target <b> [options]   the same cases against two servers
       scrub-contract traffic <file.har> [--replay <mock url>]      recorded exchanges against the specs
       scrub-contract traffic <file.har> --fixture <out.json>       ... and a pseudonymised fixture from them
       scrub-contract flows --target <url> [--workflow <id>]...      the Arazzo flows (flows --help)
       scrub-contract diff --base <spec> --head <spec>              spec changes judged as a client would (diff --help)
(in this repo: pnpm contract -- <arguments>)

Runs every documented response of both API specs against a server and checks status, body schema,
exact error messages and content type; prints a coverage table. Every failure prints a curl command
that reproduces it, credentials as environment variables.

Options (run and compare):
  --target <url>            base URL of the server under test (required; twice for compare)
  --area <a>                idcheck | text-assessment | all (default: all)
  --only <ids>              only these operation ids (comma-separated, or the flag repeated)
  --skip <ids>              not these operation ids
  --setup <file>            set-up module for a real target: the ids the cases may use, before/after
                            hooks (.mjs, .js, .cjs or .json; see defineSetup in @scrub/contract)
  --destructive             on a real target, also run the cases that create or delete data (they
                            clean up after themselves; nothing is deleted that the run was not given)
  --api-key <key>           ID-check project key (better: SCRUB_CONTRACT_API_KEY)
  --token <token>           text-assessment access token (better: SCRUB_CONTRACT_TOKEN)
  --account <id>            text-assessment account ID (or textAssessment.accountId in the set-up)
  --version <v>             text-assessment API version (default: v2.3.0)
  --admin <url>             where /__mock/state lives if not at --target (e.g. behind a proxy)
  --only-valid-requests     skip cases whose request breaks the spec on purpose (behind a validating proxy)
  --fuzz-runs <n>           spec-breaking requests per operation (default: 25; 0 turns them off)
  --seed <n>                seed of the spec-breaking requests (a failure prints the one to replay)
  --fuzz-path <path>        replay only the failing run of a seed (printed with it)
  --require-coverage <pct>  fail when fewer documented responses were hit (run only)
  --changed-since <ref>     only the operations a spec change since this git ref reaches (compared
                            with openapi/<area>.yaml at the ref; run inside the repository)
Options (traffic):
  --replay <url>            send each recorded API request again to this mock and compare the answers
  --fixture <out.json>      also write a fixture the mock serves (scrub-mock --fixture), built from the
                            recorded answers with every personal value and credential pseudonymised
                            (written whatever the check finds; the fixture's own credentials are printed)
  --redact-key <secret>     key of the pseudonyms: the same key gives the same values across recordings
                            (better: SCRUB_REDACT_KEY, kept out of the process list; default: random)
Output (all):
  --report <file.json>      the full report as JSON
  --junit <file.xml>        JUnit XML
  --markdown <file.md>      Markdown (compare and traffic print it too)
  -q, --quiet               only the table and the summary
  -h, --help                show this help

Credentials come from the environment: ${ENV_LIST}.
They are never printed or written to reports. Against a Scrub mock (it offers /__mock/state) the
suite seeds its own fixture, so every response is reachable, and puts the target's state back
afterwards. Elsewhere, cases that need data it was not given are reported as "unreachable", never as
passed. Exit code: 0 ok; 1 failures, differences, coverage below the gate, a run that could not
finish or could not clean up after itself; 2 bad usage.`;

function fail(message: string): never {
  console.error(`scrub-contract: ${message}\nRun with --help for usage.`);
  process.exit(2);
}

/** The run itself failed (a target that cannot be reached, a set-up hook that threw): exit 1, not usage. */
function runFailed(message: string): never {
  console.error(`scrub-contract: ${message}`);
  process.exit(1);
}

type Command = 'run' | 'compare' | 'traffic';

const OPTIONS = {
  target: { type: 'string', multiple: true },
  area: { type: 'string', default: 'all' },
  only: { type: 'string', multiple: true },
  skip: { type: 'string', multiple: true },
  setup: { type: 'string' },
  destructive: { type: 'boolean', default: false },
  'api-key': { type: 'string' },
  token: { type: 'string' },
  account: { type: 'string' },
  version: { type: 'string' },
  admin: { type: 'string' },
  'only-valid-requests': { type: 'boolean', default: false },
  'fuzz-runs': { type: 'string', default: '25' },
  seed: { type: 'string' },
  'fuzz-path': { type: 'string' },
  replay: { type: 'string' },
  fixture: { type: 'string' },
  'redact-key': { type: 'string' },
  report: { type: 'string' },
  junit: { type: 'string' },
  markdown: { type: 'string' },
  'require-coverage': { type: 'string' },
  'changed-since': { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const parse = (args: string[], command: Command) =>
  parseArgs({ args, allowPositionals: command === 'traffic', options: OPTIONS, strict: true });
type Parsed = ReturnType<typeof parse>;
type Values = Parsed['values'];

/** The command (`run` unless named first) and its parsed options; bad usage exits 2. */
function parseCommandLine(raw: string[]): { command: Command; parsed: Parsed } {
  const argv = raw.filter((arg, i) => !(i === 0 && arg === '--')); // `pnpm <script> -- ...`
  const named = argv[0] === 'run' || argv[0] === 'compare' || argv[0] === 'traffic';
  const command = named ? (argv.shift() as Command) : 'run';
  try {
    return { command, parsed: parse(argv, command) };
  } catch (error) {
    fail((error as Error).message);
  }
}

const url = (value: string, flag: string): string => {
  try {
    return httpUrl(value, flag);
  } catch (error) {
    return fail((error as Error).message);
  }
};

type Outputs = Pick<Values, 'report' | 'junit' | 'markdown'>;

function writeOutputs(values: Outputs, json: unknown, xml: string, markdown: string) {
  if (values.report) writeFileSync(values.report, jsonReport(json));
  if (values.junit) writeFileSync(values.junit, xml);
  if (values.markdown) writeFileSync(values.markdown, `${markdown}\n`);
}

async function traffic({ values, positionals }: Parsed): Promise<never> {
  const [file, ...rest] = positionals;
  if (!file) fail('traffic needs a HAR file: scrub-contract traffic <file.har>');
  if (rest.length) fail(`traffic takes one HAR file, got ${positionals.length}`);
  const key = redactKeyOf(values);
  const report = await checkTraffic(file, values.replay ? { replay: url(values.replay, '--replay') } : {}).catch(
    (error: Error) => fail(error.message),
  );
  const markdown = trafficMarkdown(report);
  console.log(markdown);
  writeOutputs(values, report, trafficJunit(report), markdown);
  if (values.fixture) console.log(`\n${trafficFixtureSummary(fixtureOf(file, values.fixture, key))}`);
  process.exit(report.ok ? 0 : 1);
}

/** The key of the pseudonyms: `--redact-key`, else SCRUB_REDACT_KEY, else none (a random one). */
function redactKeyOf(values: Values): string | undefined {
  const key = values['redact-key'] ?? process.env.SCRUB_REDACT_KEY;
  if (key !== undefined && key.length < KEY_MIN_LENGTH)
    fail(`the redact key (--redact-key or SCRUB_REDACT_KEY) must be at least ${KEY_MIN_LENGTH} characters`);
  if (values['redact-key'] !== undefined && !values.fixture) fail('--redact-key needs --fixture');
  return key;
}

function fixtureOf(har: string, out: string, key: string | undefined): TrafficFixture {
  try {
    return writeTrafficFixture(har, out, key === undefined ? {} : { key });
  } catch (error) {
    return runFailed(`could not write the fixture: ${(error as Error).message}`);
  }
}

function targetsOf(command: Command, values: Values): string[] {
  const targets = (values.target ?? []).map((t) => url(t, '--target'));
  if (command === 'compare' && targets.length !== 2) fail(`compare needs two --target, got ${targets.length}`);
  if (command !== 'compare' && targets.length !== 1)
    fail(targets.length ? 'one --target (two are for compare)' : '--target is required');
  return targets;
}

const AREA_NAMES: Record<string, Area[]> = {
  all: ['idcheck', 'text-assessment'],
  idcheck: ['idcheck'],
  'text-assessment': ['text-assessment'],
};

function operationIds(flag: '--only' | '--skip', list: string[] | undefined): OperationId[] {
  const ids = (list ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !Object.hasOwn(operationRoutes, id));
  if (unknown.length)
    fail(
      `${flag}: unknown operation id ${unknown.map((u) => `"${u}"`).join(', ')} ` +
        `(known: ${Object.keys(operationRoutes).join(', ')})`,
    );
  return ids as OperationId[];
}

/** The negative property options: runs, seed and the path to replay. */
function fuzzOptionsOf(values: Values): Pick<RunOptions, 'fuzzRuns' | 'seed' | 'fuzzPath'> {
  const fuzzRuns = Number(values['fuzz-runs']);
  if (!Number.isInteger(fuzzRuns) || fuzzRuns < 0)
    fail(`--fuzz-runs must be an integer >= 0, got "${values['fuzz-runs']}"`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) fail(`--seed must be an integer, got "${values.seed}"`);
  const path = values['fuzz-path'];
  if (path !== undefined && seed === undefined) fail('--fuzz-path needs the --seed it was printed with');
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) fail(`--fuzz-path must look like 3:0:1, got "${path}"`);
  return { fuzzRuns, ...(seed !== undefined ? { seed } : {}), ...(path ? { fuzzPath: path } : {}) };
}

/** The coverage gate of `run` (a percentage), checked with the options only one target takes. */
function gateOf(command: Command, values: Values): number | undefined {
  const gate = values['require-coverage'] === undefined ? undefined : Number(values['require-coverage']);
  if (gate !== undefined && !(gate >= 0 && gate <= 100))
    fail(`--require-coverage must be a percentage from 0 to 100, got "${values['require-coverage']}"`);
  if (gate !== undefined && command === 'compare') fail('--require-coverage is for run, not compare');
  // one admin URL for two targets would make both look like the mock (and the real one seeded as such)
  if (values.admin !== undefined && command === 'compare') fail('--admin is for run, not compare');
  if (values.admin !== undefined) url(values.admin, '--admin');
  return gate;
}

/** What every target of a run or a comparison is run with. */
type SharedRunOptions = Omit<RunOptions, 'target'>;

/** The run options for each target and the coverage gate, every option checked (bad usage exits 2). */
async function runOptionsOf(
  command: Command,
  values: Values,
): Promise<{ options: SharedRunOptions; gate?: number; since?: ChangedSince }> {
  const areas = AREA_NAMES[values.area];
  if (!areas) fail(`--area must be idcheck, text-assessment or all, got "${values.area}"`);
  const since = values['changed-since'] === undefined ? undefined : changedSinceOf(values['changed-since'], areas);
  const only = onlyChanged(operationIds('--only', values.only), since);
  const skip = operationIds('--skip', values.skip);
  const fuzz = fuzzOptionsOf(values);
  const gate = gateOf(command, values);
  const setup: ContractSetup | undefined = values.setup ? await loadSetupOrFail(values.setup) : undefined;
  const options: SharedRunOptions = {
    admin: values.admin,
    areas,
    only,
    skip,
    destructive: values.destructive,
    ...(setup ? { setup } : {}),
    credentials: credentialFlags(values),
    onlyValidRequests: values['only-valid-requests'],
    ...fuzz,
    log: values.quiet ? undefined : (line) => console.log(line),
  };
  return { options, ...(gate !== undefined ? { gate } : {}), ...(since ? { since } : {}) };
}

function changedSinceOf(ref: string, areas: readonly Area[]): ChangedSince {
  try {
    return changedSince(ref, areas);
  } catch (error) {
    if (error instanceof SpecSourceError) fail(`--changed-since: ${error.message}`);
    throw error;
  }
}

/** `--only` narrowed to the changed operations (an empty list here would mean all: nothing left exits early). */
function onlyChanged(only: OperationId[], since: ChangedSince | undefined): OperationId[] {
  if (!since) return only;
  const left = (only.length ? only : (since.changed as OperationId[])).filter((id) => since.changed.includes(id));
  if (!left.length) {
    console.log(changedSinceLine(since, [], since.unchanged, 'operation'));
    console.log('nothing to run');
    process.exit(0);
  }
  return left;
}

/** The `--changed-since` line under a table, naming what ran and what was left out. */
const sinceLine = (since: ChangedSince | undefined, options: SharedRunOptions): string =>
  since
    ? `\n${changedSinceLine(
        since,
        (options.only ?? []).filter((id) => !options.skip?.includes(id)),
        since.unchanged,
        'operation',
      )}`
    : '';

const runAgainst = (target: string, options: SharedRunOptions) =>
  runContract({ target, ...options }).catch((error: Error) =>
    runFailed(`could not run against ${target}: ${error.message}`),
  );

async function compare(
  values: Values,
  targets: string[],
  options: SharedRunOptions,
  since?: ChangedSince,
): Promise<never> {
  const reports = [];
  for (const target of targets) {
    if (!values.quiet) console.log(`\n# ${target}`);
    reports.push(await runAgainst(target, options));
  }
  const comparison = compareReports(reports[0]!, reports[1]!);
  const markdown = `${comparisonMarkdown(comparison)}${sinceLine(since, options)}`;
  console.log(`\n${markdown}`);
  writeOutputs(values, comparison, comparisonJunit(comparison), markdown);
  process.exit(comparison.ok ? 0 : 1);
}

async function run(
  values: Values,
  target: string,
  options: SharedRunOptions,
  limits: { gate?: number; since?: ChangedSince },
): Promise<never> {
  const { gate, since } = limits;
  const report = await runAgainst(target, options);
  const table = `${coverageTable(report)}${sinceLine(since, options)}`;
  console.log(`\n${table}`);
  const ran = (options.only ?? []).filter((id) => !options.skip?.includes(id));
  const changedSince = since && { ref: since.ref, commit: since.commit, ran, skipped: since.unchanged };
  const json = changedSince ? { ...report, changedSince } : report;
  writeOutputs(values, json, junit(report), table);
  const below = gate !== undefined && report.percent < gate;
  if (below) console.error(`coverage ${report.percent}% is below the required ${gate}%`);
  process.exit(report.ok && !below ? 0 : 1);
}

const loadSetupOrFail = (file: string) =>
  loadSetup(file).catch((error: Error) =>
    fail(error instanceof SetupError ? error.message : `cannot load ${file}: ${error.message}`),
  );

/** `flows`: the workflows against one target; a flow file outside the shared format is bad usage (exit 2). */
async function flows(args: string[]): Promise<never> {
  let command: FlowsCommand;
  try {
    command = parseFlowsCommand(args);
  } catch (error) {
    fail((error as Error).message);
  }
  if (command.help) {
    console.log(FLOWS_HELP);
    process.exit(0);
  }
  const loaded = await loadFlows(command.dir).catch((error: Error) => fail(error.message));
  let selected: ReturnType<typeof selectFlows>;
  try {
    selected = selectFlows(loaded, command.workflow);
  } catch (error) {
    fail(`--workflow: ${(error as Error).message}`);
  }
  let changed: ReturnType<typeof flowsChanged> | undefined;
  if (command.changedSince) {
    changed = flowsChanged(selected, changedSinceOf(command.changedSince, ['idcheck', 'text-assessment']));
    selected = changed.kept;
  }
  const setup = command.setup ? await loadSetupOrFail(command.setup) : undefined;
  const { target } = command;
  const report = await runFlows({
    target,
    ...(command.admin ? { admin: command.admin } : {}),
    flows: selected,
    destructive: command.destructive,
    ...(setup ? { setup } : {}),
    credentials: command.credentials,
    ...(command.quiet ? {} : { log: (line: string) => console.log(line) }),
  }).catch((error: Error) => runFailed(`could not run the flows against ${target}: ${error.message}`));
  // the log has shown each failing step already; quiet, the table brings them
  console.log(`\n${flowsMarkdown(report, { failures: command.quiet })}`);
  if (changed) console.log(`\n${changed.line}`);
  const markdown = `${flowsMarkdown(report)}${changed ? `\n\n${changed.line}` : ''}`;
  const json = changed ? { ...report, changedSince: changed.json } : report;
  writeOutputs(command.outputs, json, flowsJunit(report), markdown);
  process.exit(report.ok ? 0 : 1);
}

/** The workflows with a step on a changed operation; none left exits 0 with the line saying why. */
function flowsChanged(flows: ReturnType<typeof selectFlows>, since: ChangedSince) {
  const touches = (w: (typeof flows)[number]) => w.steps.some((step) => since.changed.includes(step.operationId));
  const kept = flows.filter(touches);
  const [ran, skipped] = [kept.map((w) => w.workflowId), flows.filter((w) => !touches(w)).map((w) => w.workflowId)];
  const line = changedSinceLine(since, ran, skipped, 'workflow');
  if (!kept.length) {
    console.log(`${line}\nnothing to run`);
    process.exit(0);
  }
  return { kept, line, json: { ref: since.ref, commit: since.commit, ran, skipped } };
}

/** `diff`: two versions of a spec, every change with its verdict; exit 1 when one is breaking. */
function diff(args: string[]): never {
  try {
    const command = parseDiffCommand(args);
    if (command.help) {
      console.log(DIFF_HELP);
      process.exit(0);
    }
    const specs = compareSpecs(command);
    const json = diffJson(specs);
    const printed = { text: diffText, markdown: diffMarkdown, json: () => jsonReport(json).trimEnd() };
    console.log(printed[command.format](specs));
    if (command.markdown) writeFileSync(command.markdown, `${diffMarkdown(specs)}\n`);
    if (command.report) writeFileSync(command.report, jsonReport(json));
    process.exit(overallVerdict(specs) === 'breaking' ? 1 : 0);
  } catch (error) {
    if (error instanceof DiffUsageError || error instanceof SpecSourceError) fail(error.message);
    throw error;
  }
}

async function main(): Promise<never> {
  const argv = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--')); // `pnpm <script> -- ...`
  if (argv[0] === 'flows') return flows(argv.slice(1));
  if (argv[0] === 'diff') return diff(argv.slice(1));
  const { command, parsed } = parseCommandLine(argv);
  if (parsed.values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (command === 'traffic') return traffic(parsed);
  for (const flag of ['replay', 'fixture', 'redact-key'] as const)
    if (parsed.values[flag] !== undefined) fail(`--${flag} is an option of traffic`);
  const targets = targetsOf(command, parsed.values);
  const { options, gate, since } = await runOptionsOf(command, parsed.values);
  if (command === 'compare') return compare(parsed.values, targets, options, since);
  return run(parsed.values, targets[0]!, options, { gate, since });
}

await main();
