// The command line of `scrub-contract flows`: its options (their own set: `run`'s fuzz and coverage
// options mean nothing here and are refused), its help, and the run options they make.
import { parseArgs } from 'node:util';
import { credentialFlags, httpUrl, UsageError } from '../options.js';
import { CREDENTIAL_ENV } from '../setup.js';

export const FLOWS_HELP = `Usage: scrub-contract flows --target <url> [--workflow <id>]... [options]
(in this repo: pnpm contract -- flows <arguments>)

Runs the Arazzo workflows of openapi/flows/ (shipped with the package in dist/flows/): sequences of
requests whose steps take values from earlier answers, checking what only a sequence shows (a
repeated author delete answers the first timestamp, a partial delete keeps what it did not name).
A failing step prints the flow, the step, the value found and the one expected, and a curl command
that sends the step again, credentials as environment variables.

Options:
  --target <url>        base URL of the server under test (required)
  --workflow <id>       only this workflow (repeat for more; default: all)
  --flows <dir>         the *.arazzo.yaml files to run (default: the shipped flows)
  --setup <file>        set-up module for a real target: the ids the flows may use, before/after hooks
  --destructive         on a real target, also run the workflows that create or delete data (they
                        clean up after themselves; nothing is deleted that the run was not given)
  --api-key <key>       ID-check project key (better: SCRUB_CONTRACT_API_KEY)
  --token <token>       text-assessment access token (better: SCRUB_CONTRACT_TOKEN)
  --account <id>        text-assessment account ID (or textAssessment.accountId in the set-up)
  --version <v>         text-assessment API version (default: v2.3.0)
  --admin <url>         where /__mock/state lives if not at --target
  --changed-since <ref> only the workflows with a step on an operation a spec change since this git
                        ref reaches (compared with openapi/<area>.yaml at the ref; run in the repo)
Output:
  --report <file.json>  the full report as JSON
  --junit <file.xml>    JUnit XML (a test case per step)
  --markdown <file.md>  Markdown
  -q, --quiet           only the table and the summary
  -h, --help            show this help

Credentials come from the environment: ${Object.values(CREDENTIAL_ENV).join(', ')}.
They are never printed or written to reports. Against a Scrub mock (it offers /__mock/state) each
workflow runs on the suite's seeded fixture and the target's state is put back afterwards.
Elsewhere a workflow whose inputs were not given is "unreachable", one that writes without
--destructive "skipped", never passed. Exit code: 0 every workflow that ran passed; 1 a step
failed, or the run could not finish or clean up after itself; 2 bad usage (or a flow file that is
not of the shared format).`;

const OPTIONS = {
  target: { type: 'string', multiple: true },
  workflow: { type: 'string', multiple: true },
  flows: { type: 'string' },
  setup: { type: 'string' },
  destructive: { type: 'boolean', default: false },
  'api-key': { type: 'string' },
  token: { type: 'string' },
  account: { type: 'string' },
  version: { type: 'string' },
  admin: { type: 'string' },
  'changed-since': { type: 'string' },
  report: { type: 'string' },
  junit: { type: 'string' },
  markdown: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export { UsageError };

export interface FlowsCommand {
  help: boolean;
  target: string;
  admin?: string;
  workflow: string[];
  dir?: string;
  setup?: string;
  /** `--changed-since`: a git ref. */
  changedSince?: string;
  destructive: boolean;
  credentials: { apiKey?: string; token?: string; accountId?: string; version?: string };
  outputs: { report?: string; junit?: string; markdown?: string };
  quiet: boolean;
}

/** The arguments after `flows`, checked (bad usage throws UsageError). */
export function parseFlowsCommand(args: string[]): FlowsCommand {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>['values'];
  try {
    values = parseArgs({ args, options: OPTIONS, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const targets = values.target ?? [];
  if (!values.help && targets.length !== 1)
    throw new UsageError(targets.length ? 'flows takes one --target' : '--target is required');
  const credentials = credentialFlags(values);
  return {
    help: values.help,
    target: targets[0] ? httpUrl(targets[0], '--target') : '',
    ...(values.admin ? { admin: httpUrl(values.admin, '--admin') } : {}),
    workflow: (values.workflow ?? [])
      .flatMap((w) => w.split(','))
      .map((w) => w.trim())
      .filter(Boolean),
    ...(values.flows ? { dir: values.flows } : {}),
    ...(values.setup ? { setup: values.setup } : {}),
    ...(values['changed-since'] ? { changedSince: values['changed-since'] } : {}),
    destructive: values.destructive,
    credentials,
    outputs: Object.fromEntries(
      (['report', 'junit', 'markdown'] as const).filter((k) => values[k]).map((k) => [k, values[k]]),
    ),
    quiet: values.quiet,
  };
}
