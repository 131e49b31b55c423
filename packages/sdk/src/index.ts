// @scrub/sdk: typed clients for the ARGOS ID-check v3 and ELiT text-assessment APIs.

export type { ErrorMessages, OperationId } from './errors.js';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  isAPIError,
  isScrubError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  ScrubError,
} from './errors.js';
export type {
  CreateProjectionResponse,
  DataField,
  DeleteProjectionResponse,
  IdCheckClient,
  IdCheckClientOptions,
  PartialDeleteParams,
  PartialDeleteSubmissionResponse,
  Projection,
  ProjectionField,
  Submission,
  SubmissionField,
  SubmissionQuery,
} from './idcheck.js';
export { createIdCheckClient, IDCHECK_BASE_URL } from './idcheck.js';
export type { RequestOptions, TransportOptions } from './internal/options.js';
export type {
  AuthorSubmissionsDeleted,
  Success,
  TextAssessmentClient,
  TextAssessmentClientOptions,
  TextResults,
  TextResultsResponse,
  TextSubmission,
  WaitOptions,
} from './text-assessment.js';
export { createTextAssessmentClient, TEXT_ASSESSMENT_BASE_URL } from './text-assessment.js';
