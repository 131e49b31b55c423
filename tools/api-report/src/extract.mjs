// API Extractor over a package's built declarations, one entry point at a time (it takes one per
// config: rushstack#1596), with the configs made here rather than committed as one json per entry,
// and one TypeScript program shared by every entry of the package (`CompilerState`), parsed once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

/** @typedef {import('./entries.mjs').Entry} Entry */
/** @typedef {{ report: string, text: string }} Problem */

/** The published declarations as a client's compiler reads them (Node's ESM resolution). */
const COMPILER_OPTIONS = {
  target: 'es2022',
  lib: ['es2022', 'dom', 'dom.iterable'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  strict: true,
  // the declarations are not type-checked here (that doubles the time): the packages' typecheck and the
  // consumer matrix (tests/consumer) do it; a report shows a type as the declarations write it
  skipLibCheck: true,
  types: ['node'],
};

/** What fails the check besides a changed report: a warning that the report could not hold, an error. */
const REPORTED = new Set([ExtractorLogLevel.Error, ExtractorLogLevel.Warning]);

/** @type {import('@microsoft/api-extractor').IExtractorMessagesConfig} */
export const MESSAGES = {
  // what the compiler still reports with skipLibCheck (options, a file it cannot read) fails the check
  compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
  extractorMessageReporting: {
    default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: false },
    // a doc comment is not required of every member (API Extractor's default too); the report marks them
    'ae-undocumented': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
    // no package uses release tags (@public, @beta): everything exported is public
    'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
    // kept, in the report only: it names each internal type that a public signature leaks
    'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
  },
  // the doc comments are prose for readers, not TSDoc: its tag syntax is not checked here
  tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
};

/**
 * The report text of each entry point (keyed by report file name), and API Extractor's errors.
 * @param {string} packageDir
 * @param {{ name: string }} packageJson
 * @param {Entry[]} entries
 */
export function generateReports(packageDir, packageJson, entries) {
  const temp = mkdtempSync(join(tmpdir(), 'scrub-api-report-'));
  const files = entries.map((entry) => resolve(packageDir, entry.types));
  /** @type {Map<string, string>} */
  const reports = new Map();
  /** @type {Problem[]} */
  const problems = [];
  try {
    /** @type {CompilerState | undefined} */
    let compilerState;
    for (const entry of entries) {
      const config = prepare(packageDir, packageJson, entry, files, temp);
      compilerState ??= CompilerState.create(config);
      Extractor.invoke(config, {
        compilerState,
        localBuild: true,
        messageCallback: (message) => {
          message.handled = true;
          if (REPORTED.has(message.logLevel))
            problems.push({ report: entry.report, text: message.formatMessageWithLocation(packageDir) });
        },
      });
      const report = readFileSync(join(temp, entry.report), 'utf8');
      reports.set(entry.report, withoutLocations(withEntryName(report, packageJson.name, entry)));
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return { reports, problems };
}

/**
 * The header names the entry (`@scrub/spec/idcheck`) so that a report read alone says which import it
 * is (API Extractor takes the name from package.json, where a `/` after the scope is invalid).
 * @param {string} report
 * @param {string} name
 * @param {Entry} entry
 */
export function withEntryName(report, name, entry) {
  if (entry.subpath === '.') return report;
  const header = `## API Report File for "${name}"`;
  if (!report.startsWith(header))
    throw new Error(`${entry.report}: API Extractor's header changed: ${report.split('\n')[0]}`);
  return `## API Report File for "${name}${entry.subpath.slice(1)}"${report.slice(header.length)}`;
}

const UNPLACED = '// Warnings were encountered during analysis:\n//\n';
const LOCATION = /^\/\/ [^\n]*?\.d\.[cm]?ts:\d+:\d+ - \(/gm;

/**
 * A message API Extractor cannot place at a declaration goes to the report's end with its location:
 * a tsdown chunk's hashed name and a line, both changed by any edit elsewhere. The report keeps the
 * message, without its location, in a stable order.
 * @param {string} report
 */
export function withoutLocations(report) {
  const start = report.indexOf(UNPLACED);
  if (start === -1) return report;
  const from = start + UNPLACED.length;
  const end = report.indexOf('\n\n', from);
  const messages = report.slice(from, end).replace(LOCATION, '// (').split('\n').sort();
  return `${report.slice(0, from)}${messages.join('\n')}${report.slice(end)}`;
}

/**
 * One entry's config; the report is written to `temp` and compared by the caller.
 * @param {string} packageDir
 * @param {{ name: string }} packageJson
 * @param {Entry} entry
 * @param {string[]} files every entry of the package: the shared program holds them all
 * @param {string} temp
 */
function prepare(packageDir, packageJson, entry, files, temp) {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: packageDir,
      mainEntryPointFilePath: resolve(packageDir, entry.types),
      compiler: { overrideTsconfig: { compilerOptions: COMPILER_OPTIONS, files } },
      apiReport: {
        enabled: true,
        reportFileName: entry.report,
        reportFolder: temp,
        reportTempFolder: temp,
        // the shape of an internal type that a signature uses is part of the surface too
        includeForgottenExports: true,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: MESSAGES,
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(packageDir, 'package.json'),
    packageJson,
  });
}
