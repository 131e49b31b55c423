// @scrub/contract: the contract suite as a library (the CLI is `scrub-contract`).

export { cases } from './cases/index.js';
export { type ComparedCase, type Comparison, compareReports, comparisonJunit, comparisonMarkdown } from './compare.js';
export { toCurl } from './curl.js';
export { diffSpecs } from './diff/diff.js';
export type { SpecDocument } from './diff/document.js';
export type { ChangeKind, SpecChange, SpecDiff, Verdict } from './diff/model.js';
export { type ComparedSpec, diffJson, diffMarkdown, diffText } from './diff/render.js';
export { CONTRACT_CREDENTIALS, contractFixture } from './fixture.js';
export type { Scope } from './flows/expressions.js';
export { defaultFlowsDir, FlowLoadError, loadFlows, parseFlowFile } from './flows/load.js';
export type {
  Action,
  Criterion,
  Expression,
  Failure,
  FlowRequest,
  FlowResponse,
  FlowSend,
  InputName,
  Operand,
  Operator,
  Parameter,
  Source,
  Step,
  StepResult,
  Workflow,
  WorkflowResult,
} from './flows/model.js';
export { type FlowReport, type FlowsReport, flowsJunit, flowsMarkdown, type StepReport } from './flows/report.js';
export { type FlowsOptions, inputsOf, runFlows, selectFlows } from './flows/run.js';
export { buildRequest, runWorkflow, type WalkOptions } from './flows/walk.js';
export type { Case, CaseState, Credentials, Ctx, Need, Outcome, Req, Res, Sent } from './model.js';
export { PERSONAL_KEYS, redactPersonal } from './redact.js';
export { coverageTable, junit } from './report.js';
export {
  type CaseResult,
  type CoverageRow,
  type FuzzResult,
  type Report,
  type RunOptions,
  runContract,
} from './run.js';
export {
  type ContractSetup,
  CREDENTIAL_ENV,
  type CredentialName,
  credentialsFromEnv,
  defineSetup,
  loadSetup,
  type SetupContext,
  SetupError,
  type SetupIds,
} from './setup.js';
export { shapeOf } from './shape.js';
export { type Area, type Operation, operations, ResponseValidator, templateMatches } from './spec.js';
export {
  checkTraffic,
  type TrafficExchange,
  type TrafficOptions,
  type TrafficReport,
  trafficJunit,
  trafficMarkdown,
} from './traffic.js';
