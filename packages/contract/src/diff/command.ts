// The command line of `scrub-contract diff`: two versions of a spec in, the changes and their
// verdicts out (exit 1 when any is breaking).
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../options.js';
import { diffSpecs } from './diff.js';
import type { ComparedSpec } from './render.js';
import { commitOf, readSpec, repositoryRoot, repositorySpecs, SpecSourceError, specAt } from './sources.js';

export const DIFF_HELP = `Usage: scrub-contract diff --base <spec> --head <spec> [options]
       scrub-contract diff --base-ref <git ref> [--head <spec>]... [options]
(in this repo: pnpm contract -- diff <arguments>)

Compares two versions of an OpenAPI spec and judges each change as a client would: code written
against the SDK of the base spec, or a staging server verified against it. Breaking: some such
client can fail against the head (an operation or parameter removed, a value a client sends refused,
a response enum value or status added, a documented error message added or reworded). Compatible:
none can. The rules: docs/decisions.md "Spec changes, judged as a client would".

Options:
  --base <spec>         the old version (a YAML or JSON file)
  --head <spec>         the new version; with --base-ref, a spec of this repository (repeat for
                        more; default: every OpenAPI document under openapi/)
  --base-ref <ref>      the old version is the same file at this git ref (a tag, branch or commit)
  --format <f>          text | markdown | json, printed (default: text)
  --markdown <file.md>  also write Markdown
  --report <file.json>  also write JSON
  -h, --help            show this help

Exit code: 0 every change is compatible (or there is none); 1 a change is breaking; 2 bad usage or
a spec that cannot be read.`;

const OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string', multiple: true },
  'base-ref': { type: 'string' },
  format: { type: 'string', default: 'text' },
  markdown: { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type DiffFormat = 'text' | 'markdown' | 'json';

export interface DiffCommand {
  readonly help: boolean;
  readonly base?: string;
  readonly baseRef?: string;
  readonly heads: readonly string[];
  readonly format: DiffFormat;
  readonly markdown?: string;
  readonly report?: string;
}

/** Bad usage of `diff`: the CLI prints it and exits 2. */
export class DiffUsageError extends UsageError {
  override name = 'DiffUsageError';
}

export function parseDiffCommand(args: string[]): DiffCommand {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true }));
  } catch (error) {
    throw new DiffUsageError((error as Error).message);
  }
  const heads = values.head ?? [];
  const format = values.format as DiffFormat;
  if (!['text', 'markdown', 'json'].includes(format))
    throw new DiffUsageError(`--format must be text, markdown or json, got "${format}"`);
  const command = { help: values.help, heads, format, markdown: values.markdown, report: values.report };
  if (values.help) return command;
  if (values.base !== undefined && values['base-ref'] !== undefined)
    throw new DiffUsageError('--base and --base-ref: give one');
  if (values.base === undefined && values['base-ref'] === undefined)
    throw new DiffUsageError('--base <spec> (with --head) or --base-ref <git ref> is required');
  if (values.base !== undefined && heads.length !== 1) throw new DiffUsageError('--base needs one --head');
  return values.base !== undefined ? { ...command, base: values.base } : { ...command, baseRef: values['base-ref'] };
}

/** The compared specs of a command; a spec that cannot be read throws SpecSourceError. */
export function compareSpecs(command: DiffCommand, cwd = process.cwd()): ComparedSpec[] {
  if (command.base !== undefined) {
    const [head] = command.heads as [string];
    return [{ file: head, base: command.base, diff: diffSpecs(readSpec(command.base), readSpec(head)) }];
  }
  const ref = command.baseRef ?? 'HEAD';
  const root = repositoryRoot(cwd);
  const commit = commitOf(root, ref);
  const heads = command.heads.length ? [...command.heads] : repositorySpecs(root);
  return heads.map((file) => {
    const shown = relative(root, resolve(cwd, file)).split('\\').join('/');
    // outside the work tree there is no version at the ref to compare with (not "new since")
    if (shown.startsWith('../') || isAbsolute(shown))
      throw new SpecSourceError(`${file} is outside the repository ${root}`);
    const head = readSpec(resolve(cwd, file));
    const base = specAt(root, commit, resolve(cwd, file));
    // A spec new since the ref: every operation is added.
    const before = base ?? { openapi: String(head.openapi), paths: {} };
    return { file: shown, base: `${base ? '' : 'nothing: new since '}${ref}`, diff: diffSpecs(before, head) };
  });
}

export { SpecSourceError };
