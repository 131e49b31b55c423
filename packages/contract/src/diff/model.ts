// What `scrub-contract diff` finds between two versions of a spec, judged from a client's side: code
// written against the SDK released from the base spec, or a server verified against it.
// docs/decisions.md "Spec changes, judged as a client would" says why each kind gets its verdict.

/** Breaking: some client that worked against the base can fail against the head. */
export type Verdict = 'breaking' | 'compatible';

/**
 * Every kind of change the diff reports. Each kind has one verdict, except `response-property-added`
 * (breaking only where the base closed the object with `additionalProperties: false`).
 */
export type ChangeKind =
  // operations
  | 'operation-added'
  | 'operation-removed'
  | 'operation-id-changed'
  // parameters (path, query, header); `narrowed`/`widened` name what a client may send
  | 'parameter-added-required'
  | 'parameter-added-optional'
  | 'parameter-removed'
  | 'parameter-became-required'
  | 'parameter-became-optional'
  | 'parameter-narrowed'
  | 'parameter-widened'
  // request bodies and their properties
  | 'request-body-added-required'
  | 'request-body-added-optional'
  | 'request-body-removed'
  | 'request-body-became-required'
  | 'request-body-became-optional'
  | 'request-media-type-added'
  | 'request-media-type-removed'
  | 'request-property-added-required'
  | 'request-property-added-optional'
  | 'request-property-removed'
  | 'request-property-became-required'
  | 'request-property-became-optional'
  | 'request-narrowed'
  | 'request-widened'
  // responses: statuses, media types, properties, values
  | 'response-status-added'
  | 'response-status-removed'
  | 'response-media-type-added'
  | 'response-media-type-removed'
  | 'response-property-added'
  | 'response-property-removed'
  | 'response-property-became-optional'
  | 'response-property-became-required'
  | 'response-narrowed'
  | 'response-widened'
  // documented error messages (`x-error-messages`): typed in the SDK, so a closed union
  | 'error-message-added'
  | 'error-message-removed'
  | 'error-message-changed'
  | 'error-message-status-changed'
  | 'error-message-placeholder-renamed'
  | 'error-message-order-changed'
  // security: a requirement is what a request must carry; alternatives are OR-ed requirements
  | 'security-requirement-added'
  | 'security-requirement-removed'
  | 'security-alternative-added'
  | 'security-alternative-removed'
  | 'security-scheme-changed';

/** One change, located in the head spec (the base for what was removed). */
export interface SpecChange {
  readonly kind: ChangeKind;
  readonly verdict: Verdict;
  /** The operation the change reaches (after `$ref`s are followed); absent for a whole-spec change. */
  readonly operationId?: string;
  /** `GET /v3/submission`: the operation's method and path. */
  readonly operation?: string;
  /** Where in the operation: `query parameter fields`, `200 response body .deleted.fields[]`, ... */
  readonly where: string;
  /** One sentence for a person: what changed and why it has this verdict. */
  readonly message: string;
}

/** The diff of one spec (one API area) between base and head. */
export interface SpecDiff {
  /** `info.title` of the head (of the base when the head is missing). */
  readonly title: string;
  readonly changes: readonly SpecChange[];
  /** `breaking` when any change is. */
  readonly verdict: Verdict;
  /** Operation ids of the head (and removed ones of the base) that any change reaches. */
  readonly changedOperations: readonly string[];
}
