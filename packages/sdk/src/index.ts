// @scrub/sdk: typed clients for the ARGOS ID-check v3 and ELiT text-assessment APIs.
export { createIdCheckClient, IDCHECK_BASE_URL } from './idcheck.js';
export type {
  IdCheckClient,
  IdCheckClientOptions,
  PartialDeleteParams,
  SubmissionQuery,
  SubmissionField,
  DataField,
  ProjectionField,
  Submission,
  Projection,
  PartialDeleteSubmissionResponse,
  CreateProjectionResponse,
  DeleteProjectionResponse,
} from './idcheck.js';
export { createTextAssessmentClient, TEXT_ASSESSMENT_BASE_URL } from './text-assessment.js';
export type { TextAssessmentClient, TextAssessmentClientOptions, TextSubmission, TextResults, TextResultsResponse, AuthorSubmissionsDeleted, WaitOptions } from './text-assessment.js';
export {
  ScrubError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  MethodNotAllowedError,
  ConflictError,
  PayloadTooLargeError,
  InternalServerError,
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  isAPIError,
  isScrubError,
} from './errors.js';
export type { ErrorMessages, OperationId } from './errors.js';
export type { RequestOptions, TransportOptions } from './internal/options.js';
