import { describe, expect, it } from 'vitest';
import { document } from '../../src/generated/idcheck.document.js';
import { errorRule, requestRules, successRules } from '../../src/recording/bodies.js';
import type { Format } from '../../src/recording/formats.js';
import type { CredentialKind, Pseudonymise } from '../../src/recording/pseudonyms.js';
import { walk } from '../../src/recording/walk.js';

class Tagging implements Pseudonymise {
  personal(format: Format) {
    return `<${format}>`;
  }
  credential(kind: CredentialKind) {
    return `<${kind}>`;
  }
  keep() {}
}
const p = new Tagging();

describe('what each body keeps', () => {
  it("a submission (the spec's example): kept are projection id, times and kyc.result; the rest in its format", () => {
    const example =
      document.paths['/v3/submission'].get.responses['200'].content['application/json'].examples.plain.value;
    const [item] = (walk(example, successRules.getSubmission, p) as { Items: Record<string, any>[] }).Items;
    expect(item).toEqual({
      submission_id: '<text>',
      email: '<email>',
      userid: '<text>',
      applicant_id: '<text>',
      data: {
        age_group: '<personal>',
        first_name: '<personal>',
        last_name: '<personal>',
        full_name: '<personal>',
        gender: '<personal>',
        nationality: '<country>',
        date_of_birth: '<date>',
        idType: '<personal>',
        idcard_issuingCountry: '<country>',
        idcard_issueDate: '<date>',
        idcard_expireDate: '<date>',
        documentNumber: '<personal>',
        ip_address: '<ip>',
      },
      image: { idImage: '<image>', idBackImage: '<image>', selfieImage: '<image>' },
      duplicated_information: '<personal>',
      created_at: '2024-03-01-10-15-30-123',
      updated_at: '2024-03-01-10-16-02-456',
      kyc: { result: 'approved', comment: [], commentCode: [] },
    });
  });

  it("the vendor's further times (kyc_result_at, pending_at) are kept like created_at; memo is personal", () => {
    const item = { submission_id: 's', kyc_result_at: '2024-03-01-10-15-30-123', pending_at: '2024-03-01', memo: 'm' };
    expect(walk({ Items: [item] }, successRules.getSubmission, p)).toEqual({
      Items: [{ ...item, submission_id: '<text>', memo: '<personal>' }],
    });
  });

  it('projections, partial deletes and text answers keep their ids, names, fields, statuses and messages', () => {
    const projection = {
      projection_id: '55sqp8ma0jvwh',
      name: 'n',
      mode: 'exclude',
      fields: ['gender'],
      created_at: 't',
    };
    expect(
      walk({ items: [projection], message: 'Get projection list success' }, successRules.listProjections, p),
    ).toEqual({
      items: [projection],
      message: 'Get projection list success',
    });
    const deleted = { message: 'success', submission_id: 's1', deleted: { fields: ['data'], data_fields: ['gender'] } };
    expect(walk(deleted, successRules.partialDeleteSubmission, p)).toEqual({ ...deleted, submission_id: '<text>' });
    const results = {
      type: 'success',
      code: 200,
      overall_score: 5.1,
      textual_errors: [[0, 3, 'helo', 'S']],
      text_stats: { r1: 1 },
    };
    expect(walk(results, successRules.getTextResults, p)).toEqual({
      ...results,
      textual_errors: [[0, 3, '<text>', 'S']],
    });
    const deletion = { type: 'success', code: 200, submissions_deleted: 2, timestamp: '2018-09-11T11:15:14Z' };
    expect(walk(deletion, successRules.deleteAuthorSubmissions, p)).toEqual(deletion);
  });

  it('request bodies: a projection is kept; a text keeps its task and sequence, the rest is personal', () => {
    const create = { name: 'hide', mode: 'exclude', fields: ['gender'] };
    expect(walk(create, requestRules.createProjection!, p)).toEqual(create);
    const text = {
      text: 't',
      author_id: 'a',
      task_id: 'task-1',
      session_id: 's',
      sequence_id: 1,
      question_text: 'q',
      extra: 'x',
    };
    expect(walk(text, requestRules.submitText!, p)).toEqual({
      text: '<text>',
      author_id: '<text>',
      task_id: 'task-1',
      session_id: '<text>',
      sequence_id: 1,
      question_text: '<text>',
      extra: '<personal>',
    });
  });

  it('error bodies keep documented messages only', () => {
    expect(walk({ errorCode: 'not Exist Submission Data' }, errorRule, p)).toEqual({
      errorCode: 'not Exist Submission Data',
    });
    expect(walk({ type: 'error', code: 400, message: 'id already used' }, errorRule, p)).toEqual({
      type: 'error',
      code: 400,
      message: 'id already used',
    });
    expect(walk({ message: 'user jane@x.test is locked', detail: 'd' }, errorRule, p)).toEqual({
      message: '<personal>',
      detail: '<personal>',
    });
  });
});
