// The corpus of spec edits that `scrub-contract diff` must judge: each entry starts from a deep copy of a
// real spec (openapi/*.yaml), makes one change a spec author would make when the upstream API changes,
// and states the verdict and the kinds of change a client-side reading gives. Written from
// docs/decisions.md "Spec changes, judged as a client would" alone, not from the engine.
import type { ChangeKind, Verdict } from '../../src/diff/model.js';
import type { Area, Doc } from './edit.js';
import {
  AUTHOR,
  addStatusFilter,
  addUpdateProjection,
  at,
  IDCHECK_OPERATIONS,
  indexOf,
  json,
  message,
  messages,
  op,
  PARTIAL,
  PROJECTION,
  PROJECTIONS,
  parameter,
  RESULTS,
  reasonBody,
  ref,
  refTo,
  removeFrom,
  renameKey,
  requireLanguage,
  SUBMISSION,
  schema,
  TEXT,
  TEXT_ASSESSMENT_OPERATIONS,
} from './edit.js';

export interface CorpusEntry {
  readonly name: string;
  readonly area: Area;
  /** Makes the base differ from the real spec first: for a change the real spec can only be the head of. */
  readonly base?: (doc: Doc) => void;
  readonly edit: (doc: Doc) => void;
  /** `none`: no change at all (and the diff's verdict is `compatible`). */
  readonly verdict: Verdict | 'none';
  /** Kinds that must be reported (order-free; others may be reported too, with their own verdicts). */
  readonly kinds: readonly ChangeKind[];
  /** Exactly the operation ids of `changedOperations`. */
  readonly operations?: readonly string[];
  /** The verdict of a kind that has two (see `KIND_VERDICT`), as this edit must get it. */
  readonly verdictOf?: Partial<Record<ChangeKind, Verdict>>;
}

/**
 * The verdict of every kind, from docs/decisions.md "Spec changes, judged as a client would". `depends`:
 * a property added to a response is compatible unless the base closed the object. A security alternative
 * removed is not named there: the head refuses the credentials the base took, so it is breaking.
 */
export const KIND_VERDICT: Readonly<Record<ChangeKind, Verdict | 'depends'>> = {
  'operation-added': 'compatible',
  'operation-removed': 'breaking',
  'operation-id-changed': 'breaking',
  'parameter-added-required': 'breaking',
  'parameter-added-optional': 'compatible',
  'parameter-removed': 'breaking',
  'parameter-became-required': 'breaking',
  'parameter-became-optional': 'compatible',
  'parameter-narrowed': 'breaking',
  'parameter-widened': 'compatible',
  'request-body-added-required': 'breaking',
  'request-body-added-optional': 'compatible',
  'request-body-removed': 'breaking',
  'request-body-became-required': 'breaking',
  'request-body-became-optional': 'compatible',
  'request-media-type-added': 'compatible',
  'request-media-type-removed': 'breaking',
  'request-property-added-required': 'breaking',
  'request-property-added-optional': 'compatible',
  'request-property-removed': 'breaking',
  'request-property-became-required': 'breaking',
  'request-property-became-optional': 'compatible',
  'request-narrowed': 'breaking',
  'request-widened': 'compatible',
  'response-status-added': 'breaking',
  'response-status-removed': 'compatible',
  'response-media-type-added': 'breaking',
  'response-media-type-removed': 'breaking',
  'response-property-added': 'depends',
  'response-property-removed': 'breaking',
  'response-property-became-optional': 'breaking',
  'response-property-became-required': 'compatible',
  'response-narrowed': 'compatible',
  'response-widened': 'breaking',
  'error-message-added': 'breaking',
  'error-message-removed': 'compatible',
  'error-message-changed': 'breaking',
  'error-message-status-changed': 'breaking',
  'error-message-placeholder-renamed': 'compatible',
  'error-message-order-changed': 'breaking',
  'security-requirement-added': 'breaking',
  'security-requirement-removed': 'compatible',
  'security-alternative-added': 'compatible',
  'security-alternative-removed': 'breaking',
  'security-scheme-changed': 'breaking',
};

export const ALL_KINDS = Object.keys(KIND_VERDICT) as ChangeKind[];

const I: Area = 'idcheck';
const T: Area = 'text-assessment';
const EVERY_IDCHECK = IDCHECK_OPERATIONS;
const EVERY_TEXT = TEXT_ASSESSMENT_OPERATIONS;
const PROJECTION_READS = ['listProjections', 'getProjection'];

/** Descriptions, summaries and examples are not compared: none of these is a change. */
const unchanged: CorpusEntry[] = [
  {
    name: 'descriptions and summaries reworded across the idcheck spec',
    area: I,
    edit(doc) {
      doc.info.description += '\nReworded for the 3.0.1 documentation.';
      doc.tags[0].description = 'Reading and partially deleting KYC submissions.';
      op(doc, SUBMISSION, 'get').summary = 'Read submissions';
      op(doc, SUBMISSION, 'get').description = 'Returns one submission, or those of a user or an email.';
      parameter(doc, 'Count').description = 'Maximum number of items, 1 to 2000.';
      schema(doc, 'Submission').description = 'One KYC submission.';
      schema(doc, 'SubmissionData').properties.nationality.description = 'ISO 3166-1 alpha-3 country code.';
      at(doc, 'components', 'responses', 'Forbidden').description = 'The API key is missing or unknown.';
      at(doc, 'components', 'securitySchemes', 'ApiKeyAuth').description = 'The project API key.';
      op(doc, PARTIAL, 'delete').responses['200'].description = 'The named parts are gone.';
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
  {
    name: 'examples changed and added in the idcheck spec',
    area: I,
    edit(doc) {
      const read = op(doc, PROJECTION, 'get').responses['200'].content['application/json'].examples;
      read.plain.value.item.name = 'hide_names';
      read.plain.summary = 'A plain projection';
      parameter(doc, 'Count').example = '20';
      at(doc, 'components', 'examples', 'NotExistSubmissionData').summary = 'Unknown submission id';
      at(doc, 'components', 'responses', 'CreateProjectionConflict', 'content', 'application/json').examples.other = {
        summary: 'Another taken name',
        value: { message: 'Projection name already exists' },
      };
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
  {
    name: 'descriptions reworded in the text-assessment spec, the security scheme and a path parameter included',
    area: T,
    edit(doc) {
      op(doc, AUTHOR, 'delete').description = 'Deletes every text of one author.';
      op(doc, AUTHOR, 'delete').summary = 'Delete an author';
      at(doc, 'components', 'securitySchemes', 'TokenAuth').description = 'The account token.';
      parameter(doc, 'version').description = 'API version, `vX.Y.Z`.';
      schema(doc, 'TextSubmission').properties.text.description = 'The text, at most 10,000 characters.';
      at(doc, 'components', 'responses', 'Unauthorized').description = 'Wrong account or token.';
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
  {
    name: 'examples changed in the text-assessment spec, the schema keyword `examples` included',
    area: T,
    edit(doc) {
      schema(doc, 'Identifier').examples = ['learner-42'];
      op(doc, TEXT, 'put').requestBody.content['application/json'].examples.Minimal.value.text = 'Another text';
      op(doc, RESULTS, 'get').responses['200'].content['application/json'].examples.Ready.value.overall_score = 6.1;
      at(doc, 'components', 'examples', 'IdTooLong').summary = 'An ID longer than 40 characters';
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
  {
    name: 'order only: parameters, required names, enum values and paths listed in another order',
    area: I,
    edit(doc) {
      op(doc, SUBMISSION, 'get').parameters.reverse();
      schema(doc, 'Projection').required.reverse();
      parameter(doc, 'RequestType').schema.enum.reverse();
      schema(doc, 'ProjectionField').enum.sort();
      doc.paths = Object.fromEntries(Object.entries(doc.paths).reverse());
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
  {
    name: 'a $ref inlined and an inline schema moved to a component: the same schemas after $refs',
    area: I,
    edit(doc) {
      const deleted = schema(doc, 'PartialDeleteSubmissionResponse').properties.deleted.properties;
      deleted.fields.items = structuredClone(schema(doc, 'SubmissionField'));
      const fields = schema(doc, 'ProjectionCreateRequest').properties.fields;
      doc.components.schemas.ProjectionFieldList = { ...fields, description: 'Excluded `data` keys.' };
      schema(doc, 'ProjectionCreateRequest').properties.fields = ref('ProjectionFieldList');
      schema(doc, 'Projection').properties.fields = ref('ProjectionFieldList');
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
  {
    name: 'path-level parameters moved onto each operation, a parameter $ref inlined: the same requests',
    area: T,
    edit(doc) {
      for (const path of [AUTHOR, TEXT, RESULTS]) {
        const item = at(doc, 'paths', path);
        for (const method of ['get', 'put', 'delete']) {
          if (item[method]) item[method].parameters = structuredClone(item.parameters);
        }
        delete item.parameters;
      }
      op(doc, TEXT, 'put').parameters[0] = structuredClone(parameter(doc, 'version'));
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
  {
    name: 'release bump only: info.version 3.0.0 -> 3.0.1 and a schema no operation uses',
    area: I,
    edit(doc) {
      doc.info.version = '3.0.1';
      doc.components.schemas.AuditEntry = { type: 'object', properties: { admin_name: { type: 'string' } } };
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
];

const operations: CorpusEntry[] = [
  {
    name: 'operation added: PUT /v3/projection/{projectionId} (updateProjection)',
    area: I,
    edit: addUpdateProjection,
    verdict: 'compatible',
    kinds: ['operation-added'],
    operations: ['updateProjection'],
  },
  {
    name: 'operation removed: DELETE /v3/projection/{projectionId}',
    area: I,
    edit(doc) {
      at(doc, 'paths', PROJECTION, 'delete');
      delete doc.paths[PROJECTION].delete;
    },
    verdict: 'breaking',
    kinds: ['operation-removed'],
    operations: ['deleteProjection'],
  },
  {
    name: 'operationId renamed: getTextResults -> getTextAssessmentResults',
    area: T,
    edit(doc) {
      op(doc, RESULTS, 'get').operationId = 'getTextAssessmentResults';
    },
    verdict: 'breaking',
    kinds: ['operation-id-changed'],
    operations: ['getTextAssessmentResults'],
  },
  {
    name: 'path renamed: /v3/projection/{projectionId} -> /v3/projections/{projectionId} (removed and added)',
    area: I,
    edit(doc) {
      renameKey(doc.paths, PROJECTION, '/v3/projections/{projectionId}');
    },
    verdict: 'breaking',
    kinds: ['operation-removed', 'operation-added'],
    operations: ['getProjection', 'deleteProjection'],
  },
];

const parameters: CorpusEntry[] = [
  {
    name: 'required query parameter added: partialDeleteSubmission `reason`',
    area: I,
    edit(doc) {
      op(doc, PARTIAL, 'delete').parameters.push({
        name: 'reason',
        in: 'query',
        required: true,
        description: 'Why the parts are deleted.',
        schema: { type: 'string', minLength: 1 },
      });
    },
    verdict: 'breaking',
    kinds: ['parameter-added-required'],
    operations: ['partialDeleteSubmission'],
  },
  {
    name: 'optional query parameter added: getSubmission `status`',
    area: I,
    edit: addStatusFilter,
    verdict: 'compatible',
    kinds: ['parameter-added-optional'],
    operations: ['getSubmission'],
  },
  {
    name: 'query parameter removed: getSubmission `nextpage_date`',
    area: I,
    edit(doc) {
      removeFrom(op(doc, SUBMISSION, 'get').parameters, refTo('NextpageDate'), 'nextpage_date');
    },
    verdict: 'breaking',
    kinds: ['parameter-removed'],
    operations: ['getSubmission'],
  },
  {
    name: 'optional parameter made required: getSubmission `count`',
    area: I,
    edit(doc) {
      parameter(doc, 'Count').required = true;
    },
    verdict: 'breaking',
    kinds: ['parameter-became-required'],
    operations: ['getSubmission'],
  },
  {
    name: 'required parameter made optional: partialDeleteSubmission `fields`',
    area: I,
    edit(doc) {
      parameter(doc, 'Fields').required = false;
    },
    verdict: 'compatible',
    kinds: ['parameter-became-optional'],
    operations: ['partialDeleteSubmission'],
  },
  {
    name: 'enum value removed from a request parameter: request_type `others`',
    area: I,
    edit(doc) {
      removeFrom(parameter(doc, 'RequestType').schema.enum, (v) => v === 'others', 'others');
    },
    verdict: 'breaking',
    kinds: ['parameter-narrowed'],
    operations: ['getSubmission'],
  },
  {
    name: 'enum value added to a request parameter: request_type `images`',
    area: I,
    edit(doc) {
      parameter(doc, 'RequestType').schema.enum.push('images');
    },
    verdict: 'compatible',
    kinds: ['parameter-widened'],
    operations: ['getSubmission'],
  },
  {
    name: 'pattern changed on a query parameter: `count` up to 1000',
    area: I,
    edit(doc) {
      parameter(doc, 'Count').schema.pattern = '^0*(?:[1-9][0-9]{0,2}|1000)$';
    },
    verdict: 'breaking',
    kinds: ['parameter-narrowed'],
    operations: ['getSubmission'],
  },
  {
    name: 'pattern removed from a query parameter: `count`',
    area: I,
    edit(doc) {
      at(doc, 'components', 'parameters', 'Count', 'schema', 'pattern');
      delete parameter(doc, 'Count').schema.pattern;
    },
    verdict: 'compatible',
    kinds: ['parameter-widened'],
    operations: ['getSubmission'],
  },
  {
    name: 'pattern added to a path-level path parameter: `projectionId`',
    area: I,
    edit(doc) {
      parameter(doc, 'ProjectionIdPath').schema.pattern = '^[a-z0-9]{13}$';
    },
    verdict: 'breaking',
    kinds: ['parameter-narrowed'],
    operations: ['getProjection', 'deleteProjection'],
  },
  {
    name: 'format added to a query parameter: `email` format email',
    area: I,
    edit(doc) {
      parameter(doc, 'Email').schema.format = 'email';
    },
    verdict: 'breaking',
    kinds: ['parameter-narrowed'],
    operations: ['getSubmission'],
  },
  {
    name: 'type of a query parameter changed: `count` string -> integer 1..2000',
    area: I,
    edit(doc) {
      parameter(doc, 'Count').schema = { type: 'integer', minimum: 1, maximum: 2000, default: 50 };
    },
    verdict: 'breaking',
    kinds: ['parameter-narrowed'],
    operations: ['getSubmission'],
  },
  {
    name: 'version path parameter narrowed to major version 2 (every operation)',
    area: T,
    edit(doc) {
      parameter(doc, 'version').schema.pattern = '^v2\\.[0-9]+\\.[0-9]+$';
    },
    verdict: 'breaking',
    kinds: ['parameter-narrowed'],
    operations: EVERY_TEXT,
  },
  {
    name: 'shared Identifier widened (maxLength 40 -> 64): path parameters and body properties',
    area: T,
    edit(doc) {
      schema(doc, 'Identifier').maxLength = 64;
    },
    verdict: 'compatible',
    kinds: ['parameter-widened', 'request-widened'],
    operations: EVERY_TEXT,
  },
  {
    name: 'shared Identifier narrowed (maxLength 40 -> 36): path parameters and body properties',
    area: T,
    edit(doc) {
      schema(doc, 'Identifier').maxLength = 36;
    },
    verdict: 'breaking',
    kinds: ['parameter-narrowed', 'request-narrowed'],
    operations: EVERY_TEXT,
  },
  {
    name: 'SubmissionField gains `kyc`: the fields parameter widens, the response deleted.fields widens',
    area: I,
    edit(doc) {
      schema(doc, 'SubmissionField').enum.push('kyc');
    },
    verdict: 'breaking',
    kinds: ['parameter-widened', 'response-widened'],
    operations: ['partialDeleteSubmission'],
  },
];

const requests: CorpusEntry[] = [
  {
    name: 'required request body added: deleteAuthorSubmissions takes an audit `reason`',
    area: T,
    edit(doc) {
      op(doc, AUTHOR, 'delete').requestBody = reasonBody(true);
    },
    verdict: 'breaking',
    kinds: ['request-body-added-required'],
    operations: ['deleteAuthorSubmissions'],
  },
  {
    name: 'optional request body added: deleteAuthorSubmissions may take an audit `reason`',
    area: T,
    edit(doc) {
      op(doc, AUTHOR, 'delete').requestBody = reasonBody(false);
    },
    verdict: 'compatible',
    kinds: ['request-body-added-optional'],
    operations: ['deleteAuthorSubmissions'],
  },
  {
    name: 'request body removed: createProjection takes name, mode and fields as query parameters',
    area: I,
    edit(doc) {
      const create = op(doc, PROJECTIONS, 'post');
      at(create, 'requestBody');
      delete create.requestBody;
      create.parameters = [
        { name: 'name', in: 'query', required: true, schema: ref('ProjectionName') },
        { name: 'mode', in: 'query', required: true, schema: ref('ProjectionMode') },
        {
          name: 'fields',
          in: 'query',
          required: true,
          style: 'form',
          explode: false,
          schema: ref('ProjectionFieldList'),
        },
      ];
      doc.components.schemas.ProjectionFieldList = { type: 'array', minItems: 1, items: ref('ProjectionField') };
    },
    verdict: 'breaking',
    kinds: ['request-body-removed', 'parameter-added-required'],
    operations: ['createProjection'],
  },
  {
    name: 'optional request body made required: the audit `reason` of deleteAuthorSubmissions',
    area: T,
    base(doc) {
      op(doc, AUTHOR, 'delete').requestBody = reasonBody(false);
    },
    edit(doc) {
      op(doc, AUTHOR, 'delete').requestBody = reasonBody(true);
    },
    verdict: 'breaking',
    kinds: ['request-body-became-required'],
    operations: ['deleteAuthorSubmissions'],
  },
  {
    name: 'required request body made optional: the audit `reason` of deleteAuthorSubmissions',
    area: T,
    base(doc) {
      op(doc, AUTHOR, 'delete').requestBody = reasonBody(true);
    },
    edit(doc) {
      op(doc, AUTHOR, 'delete').requestBody = reasonBody(false);
    },
    verdict: 'compatible',
    kinds: ['request-body-became-optional'],
    operations: ['deleteAuthorSubmissions'],
  },
  {
    name: 'request media type added: createProjection also takes a form body',
    area: I,
    edit(doc) {
      op(doc, PROJECTIONS, 'post').requestBody.content['application/x-www-form-urlencoded'] = {
        schema: ref('ProjectionCreateRequest'),
      };
    },
    verdict: 'compatible',
    kinds: ['request-media-type-added'],
    operations: ['createProjection'],
  },
  {
    name: 'request media type replaced: submitText takes application/vnd.elit+json only',
    area: T,
    edit(doc) {
      renameKey(op(doc, TEXT, 'put').requestBody.content, 'application/json', 'application/vnd.elit+json');
    },
    verdict: 'breaking',
    kinds: ['request-media-type-removed', 'request-media-type-added'],
    operations: ['submitText'],
  },
  {
    name: 'required request property added: TextSubmission `language`',
    area: T,
    edit: requireLanguage,
    verdict: 'breaking',
    kinds: ['request-property-added-required'],
    operations: ['submitText'],
  },
  {
    name: 'optional request property added inside the encrypted oneOf: ProjectionCreateRequest `description`',
    area: I,
    edit(doc) {
      schema(doc, 'ProjectionCreateRequest').properties.description = { type: 'string', maxLength: 200 };
    },
    verdict: 'compatible',
    kinds: ['request-property-added-optional'],
    operations: ['createProjection'],
  },
  {
    name: 'optional property added to a closed request object: EncryptedRequestBody `iv`',
    area: I,
    edit(doc) {
      schema(doc, 'EncryptedRequestBody').properties.iv = { type: 'string', contentEncoding: 'base64' };
    },
    verdict: 'compatible',
    kinds: ['request-property-added-optional'],
    operations: ['createProjection'],
  },
  {
    name: 'request property removed: TextSubmission `question_text`',
    area: T,
    edit(doc) {
      at(doc, 'components', 'schemas', 'TextSubmission', 'properties', 'question_text');
      delete schema(doc, 'TextSubmission').properties.question_text;
    },
    verdict: 'breaking',
    kinds: ['request-property-removed'],
    operations: ['submitText'],
  },
  {
    name: 'optional request property made required: TextSubmission `session_id`',
    area: T,
    edit(doc) {
      schema(doc, 'TextSubmission').required.push('session_id');
    },
    verdict: 'breaking',
    kinds: ['request-property-became-required'],
    operations: ['submitText'],
  },
  {
    name: 'required request property made optional: TextSubmission `task_id`',
    area: T,
    edit(doc) {
      removeFrom(schema(doc, 'TextSubmission').required, (n) => n === 'task_id', 'task_id');
    },
    verdict: 'compatible',
    kinds: ['request-property-became-optional'],
    operations: ['submitText'],
  },
  {
    name: 'enum value added in a request body only: ProjectionCreateRequest `mode` takes `include`',
    area: I,
    edit(doc) {
      schema(doc, 'ProjectionCreateRequest').properties.mode = { type: 'string', enum: ['exclude', 'include'] };
    },
    verdict: 'compatible',
    kinds: ['request-widened'],
    operations: ['createProjection'],
  },
  {
    name: 'pattern removed from a request property: TextSubmission `text` control characters',
    area: T,
    edit(doc) {
      at(doc, 'components', 'schemas', 'TextSubmission', 'properties', 'text', 'pattern');
      delete schema(doc, 'TextSubmission').properties.text.pattern;
    },
    verdict: 'compatible',
    kinds: ['request-widened'],
    operations: ['submitText'],
  },
  {
    name: 'request length tightened: TextSubmission `text` maxLength 10000 -> 5000',
    area: T,
    edit(doc) {
      schema(doc, 'TextSubmission').properties.text.maxLength = 5000;
    },
    verdict: 'breaking',
    kinds: ['request-narrowed'],
    operations: ['submitText'],
  },
  {
    name: 'request range widened: TextSubmission `sequence_count` minimum 1 -> 0',
    area: T,
    edit(doc) {
      schema(doc, 'TextSubmission').properties.sequence_count.minimum = 0;
    },
    verdict: 'compatible',
    kinds: ['request-widened'],
    operations: ['submitText'],
  },
  {
    name: 'request object closed: TextSubmission refuses attributes it does not describe',
    area: T,
    edit(doc) {
      schema(doc, 'TextSubmission').additionalProperties = false;
    },
    verdict: 'breaking',
    kinds: ['request-narrowed'],
    operations: ['submitText'],
  },
  {
    name: 'request array size tightened: ProjectionCreateRequest `fields` maxItems 10',
    area: I,
    edit(doc) {
      schema(doc, 'ProjectionCreateRequest').properties.fields.maxItems = 10;
    },
    verdict: 'breaking',
    kinds: ['request-narrowed'],
    operations: ['createProjection'],
  },
  {
    name: 'request property type changed: TextSubmission `sequence_id` integer -> string',
    area: T,
    edit(doc) {
      schema(doc, 'TextSubmission').properties.sequence_id = { type: 'string', pattern: '^[0-9]+$' };
    },
    verdict: 'breaking',
    kinds: ['request-narrowed'],
    operations: ['submitText'],
  },
  {
    name: 'parameter overridden on one operation: submitText takes any path `id` up to 64 characters',
    area: T,
    edit(doc) {
      op(doc, TEXT, 'put').parameters = [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } },
      ];
    },
    verdict: 'compatible',
    kinds: ['parameter-widened'],
    operations: ['submitText'],
  },
  {
    name: 'parameter moved from the query to a header: getSubmission `count` (removed and added)',
    area: I,
    edit(doc) {
      parameter(doc, 'Count').in = 'header';
    },
    verdict: 'breaking',
    kinds: ['parameter-removed', 'parameter-added-optional'],
    operations: ['getSubmission'],
  },
];

/** A shared schema reached through `$ref` from both sides: each operation gets its own side's verdict. */
const shared: CorpusEntry[] = [
  {
    name: 'shared ProjectionField gains `name`: create widens (request), list and get widen (response)',
    area: I,
    edit(doc) {
      schema(doc, 'ProjectionField').enum.push('name');
    },
    verdict: 'breaking',
    kinds: ['request-widened', 'response-widened'],
    operations: ['createProjection', ...PROJECTION_READS],
  },
  {
    name: 'shared ProjectionField loses `cf3`: create narrows (request), list and get narrow (response)',
    area: I,
    edit(doc) {
      removeFrom(schema(doc, 'ProjectionField').enum, (v) => v === 'cf3', 'cf3');
    },
    verdict: 'breaking',
    kinds: ['request-narrowed', 'response-narrowed'],
    operations: ['createProjection', ...PROJECTION_READS],
  },
  {
    name: 'shared ProjectionName pattern changed: breaking on both sides',
    area: I,
    edit(doc) {
      schema(doc, 'ProjectionName').pattern = '^[a-z][a-z0-9_]*$';
    },
    verdict: 'breaking',
    kinds: ['request-narrowed', 'response-widened'],
    operations: ['createProjection', ...PROJECTION_READS],
  },
];

const responses: CorpusEntry[] = [
  {
    name: 'enum value added in a response only: Projection `mode` may be `include`',
    area: I,
    edit(doc) {
      schema(doc, 'Projection').properties.mode = { type: 'string', enum: ['exclude', 'include'] };
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: PROJECTION_READS,
  },
  {
    name: 'response value narrowed: Submission `kyc.result` documented as an enum',
    area: I,
    edit(doc) {
      schema(doc, 'Submission').properties.kyc.properties.result.enum = ['approved', 'rejected', 'pending'];
    },
    verdict: 'compatible',
    kinds: ['response-narrowed'],
    operations: ['getSubmission'],
  },
  {
    name: 'response property added to an open object: Submission `reviewer`',
    area: I,
    edit(doc) {
      schema(doc, 'Submission').properties.reviewer = { type: 'string' };
    },
    verdict: 'compatible',
    kinds: ['response-property-added'],
    operations: ['getSubmission'],
    verdictOf: { 'response-property-added': 'compatible' },
  },
  {
    name: 'response property added to the plain branch of the encrypted oneOf: PartialDeleteSubmissionResponse',
    area: I,
    edit(doc) {
      schema(doc, 'PartialDeleteSubmissionResponse').properties.deleted_at = { type: 'string', format: 'date-time' };
    },
    verdict: 'compatible',
    kinds: ['response-property-added'],
    operations: ['partialDeleteSubmission'],
    verdictOf: { 'response-property-added': 'compatible' },
  },
  {
    name: 'response property added to a closed object: EncryptedResponseBody `iv` (every 200 of idcheck)',
    area: I,
    edit(doc) {
      schema(doc, 'EncryptedResponseBody').properties.iv = { type: 'string', contentEncoding: 'base64' };
    },
    verdict: 'breaking',
    kinds: ['response-property-added'],
    operations: EVERY_IDCHECK,
    verdictOf: { 'response-property-added': 'breaking' },
  },
  {
    name: 'shared MessageBody gains `code`: reported at every idcheck operation (403, 413, projection errors)',
    area: I,
    edit(doc) {
      schema(doc, 'MessageBody').properties.code = { type: 'string' };
    },
    verdict: 'compatible',
    kinds: ['response-property-added'],
    operations: EVERY_IDCHECK,
    verdictOf: { 'response-property-added': 'compatible' },
  },
  {
    name: 'shared Success gains `request_id`: reached directly and through allOf at every operation',
    area: T,
    edit(doc) {
      schema(doc, 'Success').properties.request_id = { type: 'string' };
    },
    verdict: 'compatible',
    kinds: ['response-property-added'],
    operations: EVERY_TEXT,
    verdictOf: { 'response-property-added': 'compatible' },
  },
  {
    name: 'required response property removed: PartialDeleteSubmissionResponse `submission_id`',
    area: I,
    edit(doc) {
      const body = schema(doc, 'PartialDeleteSubmissionResponse');
      at(body, 'properties', 'submission_id');
      delete body.properties.submission_id;
      removeFrom(body.required, (n: string) => n === 'submission_id', 'submission_id');
    },
    verdict: 'breaking',
    kinds: ['response-property-removed'],
    operations: ['partialDeleteSubmission'],
  },
  {
    name: 'required response property made optional: Projection `created_at`',
    area: I,
    edit(doc) {
      removeFrom(schema(doc, 'Projection').required, (n: string) => n === 'created_at', 'created_at');
    },
    verdict: 'breaking',
    kinds: ['response-property-became-optional'],
    operations: PROJECTION_READS,
  },
  {
    name: 'shared ErrorCodeBody: `errorCode` made optional (partial delete and submission read errors)',
    area: I,
    edit(doc) {
      delete schema(doc, 'ErrorCodeBody').required;
    },
    verdict: 'breaking',
    kinds: ['response-property-became-optional'],
    operations: ['partialDeleteSubmission', 'getSubmission'],
  },
  {
    name: 'optional response property made required: TextResults `overall_score` (inside allOf and oneOf)',
    area: T,
    edit(doc) {
      schema(doc, 'TextResults').allOf[1].required = ['overall_score'];
    },
    verdict: 'compatible',
    kinds: ['response-property-became-required'],
    operations: ['getTextResults'],
  },
  {
    name: 'pattern changed inside the encrypted response body: base64url (every 200 of idcheck)',
    area: I,
    edit(doc) {
      schema(doc, 'EncryptedResponseBody').properties.data.pattern = '^[A-Za-z0-9_-]*={0,2}$';
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: EVERY_IDCHECK,
  },
  {
    name: 'pattern removed from a shared response schema: ProjectionId (create, list, get, and Submission)',
    area: I,
    edit(doc) {
      at(doc, 'components', 'schemas', 'ProjectionId', 'pattern');
      delete schema(doc, 'ProjectionId').pattern;
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: ['createProjection', ...PROJECTION_READS, 'getSubmission'],
  },
  {
    name: 'pattern removed from a response property: AuthorSubmissionsDeleted `timestamp`',
    area: T,
    edit(doc) {
      const timestamp = schema(doc, 'AuthorSubmissionsDeleted').allOf[1].properties.timestamp;
      at(timestamp, 'pattern');
      delete timestamp.pattern;
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: ['deleteAuthorSubmissions'],
  },
  {
    name: 'pattern added to a response property: Submission `created_at`',
    area: I,
    edit(doc) {
      schema(doc, 'Submission').properties.created_at.pattern =
        '^[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}-[0-9]{2}-[0-9]{2}-[0-9]{3}$';
    },
    // a pattern added to what a client receives promises more: narrower, compatible
    verdict: 'compatible',
    kinds: ['response-narrowed'],
    operations: ['getSubmission'],
  },
  {
    name: 'null allowed in a response: TextResults `overall_score`',
    area: T,
    edit(doc) {
      schema(doc, 'TextResults').allOf[1].properties.overall_score.type = ['number', 'null'];
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: ['getTextResults'],
  },
  {
    name: 'oneOf branch added to a response: TextResultsResponse may be `results_failed`',
    area: T,
    edit(doc) {
      doc.components.schemas.ResultsFailed = {
        type: 'object',
        required: ['type', 'code'],
        properties: { type: { type: 'string', const: 'results_failed' }, code: { type: 'integer', const: 200 } },
      };
      schema(doc, 'TextResultsResponse').oneOf.push(ref('ResultsFailed'));
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: ['getTextResults'],
  },
  {
    name: 'shared ErrorEnvelope range loosened: `code` without maximum (every error of every operation)',
    area: T,
    edit(doc) {
      at(doc, 'components', 'schemas', 'ErrorEnvelope', 'properties', 'code', 'maximum');
      delete schema(doc, 'ErrorEnvelope').properties.code.maximum;
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: EVERY_TEXT,
  },
  {
    name: 'response const changed: CreateProjectionResponse `message`',
    area: I,
    edit(doc) {
      schema(doc, 'CreateProjectionResponse').properties.message.const = 'Projection created';
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: ['createProjection'],
  },
  {
    name: 'response type changed: AuthorSubmissionsDeleted `submissions_deleted` integer -> string',
    area: T,
    edit(doc) {
      schema(doc, 'AuthorSubmissionsDeleted').allOf[1].properties.submissions_deleted = {
        type: 'string',
        pattern: '^[0-9]+$',
      };
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: ['deleteAuthorSubmissions'],
  },
  {
    name: 'response object closed: Submission no longer has other keys',
    area: I,
    edit(doc) {
      schema(doc, 'Submission').additionalProperties = false;
    },
    verdict: 'compatible',
    kinds: ['response-narrowed'],
    operations: ['getSubmission'],
  },
  {
    name: 'response enum value removed: Submission `kyc.result` no longer `pending`',
    area: I,
    base(doc) {
      schema(doc, 'Submission').properties.kyc.properties.result.enum = ['approved', 'rejected', 'pending'];
    },
    edit(doc) {
      schema(doc, 'Submission').properties.kyc.properties.result.enum = ['approved', 'rejected'];
    },
    verdict: 'compatible',
    kinds: ['response-narrowed'],
    operations: ['getSubmission'],
  },
  {
    name: 'response array size tightened: Projection `fields` maxItems 30',
    area: I,
    edit(doc) {
      schema(doc, 'Projection').properties.fields.maxItems = 30;
    },
    verdict: 'compatible',
    kinds: ['response-narrowed'],
    operations: PROJECTION_READS,
  },
  {
    name: 'response map values widened: TextResults `score_dimensions` may hold strings',
    area: T,
    edit(doc) {
      schema(doc, 'TextResults').allOf[1].properties.score_dimensions.additionalProperties = {
        type: ['number', 'string'],
      };
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: ['getTextResults'],
  },
  {
    name: 'response tuple grows: TextualError gains a fifth item, the error category',
    area: T,
    edit(doc) {
      const tuple = schema(doc, 'TextualError');
      tuple.prefixItems.push({ type: 'string', description: 'Error category.' });
      tuple.minItems = 5;
      tuple.maxItems = 5;
    },
    verdict: 'breaking',
    kinds: ['response-widened'],
    operations: ['getTextResults'],
  },
  {
    name: 'shared response ($ref) gains a media type: Forbidden may be text/html (every 403)',
    area: I,
    edit(doc) {
      at(doc, 'components', 'responses', 'Forbidden').content['text/html'] = { schema: { type: 'string' } };
    },
    verdict: 'breaking',
    kinds: ['response-media-type-added'],
    operations: ['getSubmission', 'createProjection', ...PROJECTION_READS, 'deleteProjection'],
  },
  {
    name: 'request pattern changed inside the encrypted oneOf: EncryptedRequestBody `body` base64url',
    area: I,
    edit(doc) {
      schema(doc, 'EncryptedRequestBody').properties.body.pattern = '^[A-Za-z0-9_-]*={0,2}$';
    },
    verdict: 'breaking',
    kinds: ['request-narrowed'],
    operations: ['createProjection'],
  },
  {
    name: 'nested $ref reached through an array: SubmissionData gains `middle_name` (Items[].data)',
    area: I,
    edit(doc) {
      schema(doc, 'SubmissionData').properties.middle_name = { type: 'string' };
    },
    verdict: 'compatible',
    kinds: ['response-property-added'],
    operations: ['getSubmission'],
    verdictOf: { 'response-property-added': 'compatible' },
  },
  {
    name: 'encryption option withdrawn: no encrypted oneOf branch in the 200s nor in the create body',
    area: I,
    edit(doc) {
      const encrypted = (name: string) => (branch: { $ref?: string }) => branch.$ref === ref(name).$ref;
      for (const [path, method] of [
        [PARTIAL, 'delete'],
        [SUBMISSION, 'get'],
        [PROJECTIONS, 'post'],
        [PROJECTIONS, 'get'],
        [PROJECTION, 'get'],
        [PROJECTION, 'delete'],
      ] as const) {
        const ok = op(doc, path, method).responses['200'].content['application/json'].schema;
        removeFrom(ok.oneOf, encrypted('EncryptedResponseBody'), 'encrypted response branch');
      }
      const body = op(doc, PROJECTIONS, 'post').requestBody.content['application/json'].schema;
      removeFrom(body.oneOf, encrypted('EncryptedRequestBody'), 'encrypted request branch');
    },
    verdict: 'breaking',
    kinds: ['response-narrowed', 'request-narrowed'],
    operations: EVERY_IDCHECK,
  },
];

const statuses: CorpusEntry[] = [
  {
    name: 'status added with its message: getSubmission 429 Too Many Requests',
    area: I,
    edit(doc) {
      const read = op(doc, SUBMISSION, 'get');
      read.responses['429'] = { description: 'Rate limit reached.', content: json(ref('MessageBody')) };
      read['x-error-messages'].splice(2, 0, { status: 429, message: 'Too Many Requests' });
    },
    verdict: 'breaking',
    kinds: ['response-status-added', 'error-message-added'],
    operations: ['getSubmission'],
  },
  {
    name: 'status removed with its message: getTextResults 413 (a GET has no body)',
    area: T,
    edit(doc) {
      const results = op(doc, RESULTS, 'get');
      at(results, 'responses', '413');
      delete results.responses['413'];
      removeFrom(results['x-error-messages'], (m: any) => m.status === 413, '413 message');
    },
    verdict: 'compatible',
    kinds: ['response-status-removed', 'error-message-removed'],
    operations: ['getTextResults'],
  },
  {
    name: 'response media type added: getSubmission 200 may be text/csv',
    area: I,
    edit(doc) {
      op(doc, SUBMISSION, 'get').responses['200'].content['text/csv'] = { schema: { type: 'string' } };
    },
    verdict: 'breaking',
    kinds: ['response-media-type-added'],
    operations: ['getSubmission'],
  },
  {
    name: 'response media type removed: getTextResults 200 no longer text/plain',
    area: T,
    base(doc) {
      op(doc, RESULTS, 'get').responses['200'].content['text/plain'] = { schema: { type: 'string' } };
    },
    edit() {},
    // a client that reads only text/plain now gets the other type: breaking
    verdict: 'breaking',
    kinds: ['response-media-type-removed'],
    operations: ['getTextResults'],
  },
  {
    name: 'response media type replaced: deleteAuthorSubmissions 400 as application/problem+json',
    area: T,
    edit(doc) {
      renameKey(op(doc, AUTHOR, 'delete').responses['400'].content, 'application/json', 'application/problem+json');
    },
    verdict: 'breaking',
    kinds: ['response-media-type-removed', 'response-media-type-added'],
    operations: ['deleteAuthorSubmissions'],
  },
  {
    name: 'success status changed: createProjection answers 201 instead of 200',
    area: I,
    edit(doc) {
      renameKey(op(doc, PROJECTIONS, 'post').responses, '200', '201');
    },
    verdict: 'breaking',
    kinds: ['response-status-added', 'response-status-removed'],
    operations: ['createProjection'],
  },
];

/** `x-error-messages`: a closed union in the SDK (`isAPIError(e, op)`), matched by text in apps. */
const errorMessages: CorpusEntry[] = [
  {
    name: 'error message added: submitText `text too short`',
    area: T,
    edit(doc) {
      const list = messages(doc, TEXT, 'put');
      list.splice(list.length - 2, 0, { status: 400, message: 'text too short' });
    },
    verdict: 'breaking',
    kinds: ['error-message-added'],
    operations: ['submitText'],
  },
  {
    name: 'error message removed: deleteAuthorSubmissions `id too long`',
    area: T,
    edit(doc) {
      removeFrom(messages(doc, AUTHOR, 'delete'), (m) => m.message === 'id too long', 'id too long');
    },
    verdict: 'compatible',
    kinds: ['error-message-removed'],
    operations: ['deleteAuthorSubmissions'],
  },
  {
    name: 'error message text changed: createProjection `Projection count limit exceeded`',
    area: I,
    edit(doc) {
      message(doc, PROJECTIONS, 'post', 'Projection count limit exceeded').message =
        'Projection limit exceeded: at most 10 per project';
    },
    verdict: 'breaking',
    kinds: ['error-message-changed'],
    operations: ['createProjection'],
  },
  {
    name: 'error message status changed: partial delete `Internal server error` 500 -> 400, 500 gone',
    area: I,
    edit(doc) {
      message(doc, PARTIAL, 'delete', 'Internal server error').status = 400;
      delete op(doc, PARTIAL, 'delete').responses['500'];
    },
    verdict: 'breaking',
    kinds: ['error-message-status-changed', 'response-status-removed'],
    operations: ['partialDeleteSubmission'],
  },
  {
    name: 'error message status changed on its own: getTextResults `submission not found` 404 -> 401',
    area: T,
    edit(doc) {
      message(doc, RESULTS, 'get', 'submission not found').status = 401;
    },
    verdict: 'breaking',
    kinds: ['error-message-status-changed'],
    operations: ['getTextResults'],
  },
  {
    name: 'placeholder renamed only: partial delete `{detail}` -> `{reason}`',
    area: I,
    edit(doc) {
      for (const m of messages(doc, PARTIAL, 'delete')) m.message = m.message.replace('{detail}', '{reason}');
      message(doc, PARTIAL, 'delete', 'invalid format for fields: {reason}');
    },
    verdict: 'compatible',
    kinds: ['error-message-placeholder-renamed'],
    operations: ['partialDeleteSubmission'],
  },
  {
    name: 'placeholder renamed only: submitText `{attribute}` -> `{name}` in five templates',
    area: T,
    edit(doc) {
      for (const m of messages(doc, TEXT, 'put')) m.message = m.message.replace('{attribute}', '{name}');
      message(doc, TEXT, 'put', '{name} is required');
    },
    verdict: 'compatible',
    kinds: ['error-message-placeholder-renamed'],
    operations: ['submitText'],
  },
  {
    name: 'error message order changed: submitText checks characters before length',
    area: T,
    edit(doc) {
      const list = messages(doc, TEXT, 'put');
      const tooLong = indexOf(list, (m) => m.message === '{attribute} too long', 'too long');
      const [moved] = list.splice(tooLong, 1);
      list.splice(tooLong + 1, 0, moved!);
    },
    verdict: 'breaking',
    kinds: ['error-message-order-changed'],
    operations: ['submitText'],
  },
  {
    name: 'placeholder renamed and text changed: submitText `{attribute} is required` -> `{name} is missing`',
    area: T,
    edit(doc) {
      message(doc, TEXT, 'put', '{attribute} is required').message = '{name} is missing';
    },
    verdict: 'breaking',
    kinds: ['error-message-changed'],
    operations: ['submitText'],
  },
];

const security: CorpusEntry[] = [
  {
    name: 'security requirement added: every idcheck request also signs with x-signature',
    area: I,
    edit(doc) {
      doc.components.securitySchemes.HmacSignature = { type: 'apiKey', in: 'header', name: 'x-signature' };
      doc.security = [{ ApiKeyAuth: [], HmacSignature: [] }];
    },
    verdict: 'breaking',
    kinds: ['security-requirement-added'],
    operations: EVERY_IDCHECK,
  },
  {
    name: 'security requirement removed: getTextResults needs no token',
    area: T,
    edit(doc) {
      op(doc, RESULTS, 'get').security = [];
    },
    verdict: 'compatible',
    kinds: ['security-requirement-removed'],
    operations: ['getTextResults'],
  },
  {
    name: 'security alternative added: getSubmission also takes a bearer token',
    area: I,
    edit(doc) {
      doc.components.securitySchemes.BearerAuth = { type: 'http', scheme: 'bearer' };
      op(doc, SUBMISSION, 'get').security = [{ ApiKeyAuth: [] }, { BearerAuth: [] }];
    },
    verdict: 'compatible',
    kinds: ['security-alternative-added'],
    operations: ['getSubmission'],
  },
  {
    name: 'security alternative removed: getSubmission no longer takes a bearer token',
    area: I,
    base(doc) {
      doc.components.securitySchemes.BearerAuth = { type: 'http', scheme: 'bearer' };
      op(doc, SUBMISSION, 'get').security = [{ ApiKeyAuth: [] }, { BearerAuth: [] }];
    },
    edit(doc) {
      doc.components.securitySchemes.BearerAuth = { type: 'http', scheme: 'bearer' };
    },
    verdict: 'breaking',
    kinds: ['security-alternative-removed'],
    operations: ['getSubmission'],
  },
  {
    name: 'the spec-wide requirement restated on one operation: the same credentials',
    area: I,
    edit(doc) {
      op(doc, SUBMISSION, 'get').security = [{ ApiKeyAuth: [] }];
    },
    verdict: 'none',
    kinds: [],
    operations: [],
  },
  {
    name: 'security requirement removed spec-wide: no token on any text-assessment operation',
    area: T,
    edit(doc) {
      doc.security = [];
    },
    verdict: 'compatible',
    kinds: ['security-requirement-removed'],
    operations: EVERY_TEXT,
  },
  {
    name: 'security scheme header renamed: ApiKeyAuth x-api-key -> x-argos-api-key',
    area: I,
    edit(doc) {
      at(doc, 'components', 'securitySchemes', 'ApiKeyAuth').name = 'x-argos-api-key';
    },
    verdict: 'breaking',
    kinds: ['security-scheme-changed'],
    operations: EVERY_IDCHECK,
  },
  {
    name: 'security scheme type changed: TokenAuth apiKey -> http bearer',
    area: T,
    edit(doc) {
      doc.components.securitySchemes.TokenAuth = { type: 'http', scheme: 'bearer' };
    },
    verdict: 'breaking',
    kinds: ['security-scheme-changed'],
    operations: EVERY_TEXT,
  },
];

const together: CorpusEntry[] = [
  {
    name: 'several compatible edits at once: updateProjection, a status filter, Submission `reviewer`',
    area: I,
    edit(doc) {
      addUpdateProjection(doc);
      addStatusFilter(doc);
      schema(doc, 'Submission').properties.reviewer = { type: 'string' };
      doc.info.description += '\n3.1: projections can be updated.';
    },
    verdict: 'compatible',
    kinds: ['operation-added', 'parameter-added-optional', 'response-property-added'],
    operations: ['updateProjection', 'getSubmission'],
    verdictOf: { 'response-property-added': 'compatible' },
  },
  {
    name: 'several edits at once, one breaking: `language` required with its message, an optional webhook',
    area: T,
    edit(doc) {
      requireLanguage(doc);
      schema(doc, 'TextSubmission').properties.webhook_url = { type: 'string', format: 'uri' };
      const list = messages(doc, TEXT, 'put');
      list.splice(list.length - 1, 0, { status: 400, message: 'language is not supported' });
      op(doc, TEXT, 'put').description += '\n`language` is required since v2.4.0.';
    },
    verdict: 'breaking',
    kinds: ['request-property-added-required', 'request-property-added-optional', 'error-message-added'],
    operations: ['submitText'],
  },
  {
    name: 'several edits at once: listProjections removed, a 413 message removed, ProjectionId pattern changed',
    area: I,
    edit(doc) {
      delete at(doc, 'paths', PROJECTIONS).get;
      removeFrom(messages(doc, PROJECTION, 'get'), (m) => m.status === 413, '413 message');
      schema(doc, 'ProjectionId').pattern = '^[a-z0-9]{16}$';
    },
    verdict: 'breaking',
    kinds: ['operation-removed', 'error-message-removed', 'response-widened'],
    operations: ['listProjections', 'getProjection', 'createProjection', 'getSubmission'],
  },
];

export const corpus: readonly CorpusEntry[] = [
  ...unchanged,
  ...operations,
  ...parameters,
  ...requests,
  ...shared,
  ...responses,
  ...statuses,
  ...errorMessages,
  ...security,
  ...together,
];
