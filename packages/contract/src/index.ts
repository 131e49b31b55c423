// @scrub/contract: the contract suite as a library (the CLI is `scrub-contract`).
export { runContract, type RunOptions, type Report, type CaseResult, type CoverageRow, type FuzzResult } from './run.js';
export { coverageTable, junit } from './report.js';
export { cases, type Case, type Credentials } from './cases.js';
export { ResponseValidator, operations, templateMatches, type Area, type Operation } from './spec.js';
export { contractFixture, CONTRACT_CREDENTIALS } from './fixture.js';
export { defineSetup, loadSetup, credentialsFromEnv, CREDENTIAL_ENV, SetupError, type ContractSetup, type SetupIds, type SetupContext } from './setup.js';
export { compareReports, comparisonMarkdown, comparisonJunit, type Comparison, type ComparedCase } from './compare.js';
export { shapeOf } from './shape.js';
export { checkTraffic, trafficMarkdown, trafficJunit, type TrafficReport, type TrafficExchange, type TrafficOptions } from './traffic.js';
export { toCurl } from './curl.js';
export { redactPersonal, PERSONAL_KEYS } from './redact.js';
