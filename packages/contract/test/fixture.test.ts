import { describe, expect, it } from 'vitest';
import { CONTRACT_CREDENTIALS, contractFixture } from '../src/fixture.js';

describe('fixture', () => {
  it('holds a project per key role, the orphan key, and the account of the token', () => {
    const projects = contractFixture.idcheck.projects;
    expect(projects.map((p) => [p.apiKeys[0], p.encryption])).toEqual([
      [CONTRACT_CREDENTIALS.apiKey, false],
      [CONTRACT_CREDENTIALS.limitApiKey, false],
      [CONTRACT_CREDENTIALS.sealedApiKey, true],
    ]);
    expect(contractFixture.idcheck.orphanApiKeys).toEqual([CONTRACT_CREDENTIALS.orphanApiKey]);
    expect(contractFixture.textAssessment.accounts[0]).toMatchObject({
      id: CONTRACT_CREDENTIALS.accountId,
      token: CONTRACT_CREDENTIALS.token,
    });
  });

  it('the readable submission exists, with every part the partial delete case deletes', () => {
    const s = contractFixture.idcheck.projects[0]!.submissions.find(
      (x) => x.submission_id === CONTRACT_CREDENTIALS.submissionId,
    );
    expect(s?.data.first_name).toBe('Ada');
    expect(Object.keys(s!.image)).toEqual(['idImage', 'idBackImage', 'selfieImage']);
    // the limit project starts empty: the limit case fills it to 10
    expect(contractFixture.idcheck.projects[1]!.projections).toEqual([]);
  });
});
