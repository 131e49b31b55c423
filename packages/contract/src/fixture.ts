// What the suite seeds through `PUT /__mock/state` when the target offers it, so every case has the
// credentials and records it needs. The target's own state is saved first and put back afterwards.

export const CONTRACT_CREDENTIALS = {
  apiKey: 'contract-api-key',
  limitApiKey: 'contract-limit-key',
  sealedApiKey: 'contract-sealed-key',
  orphanApiKey: 'contract-orphan-key',
  accountId: 'contract-account',
  token: 'contract-token',
  submissionId: 'contract-s1',
  projectedSubmissionId: 'contract-s3',
} as const;

/** The projection `contract-s3` was created with: reads of it leave `date_of_birth` out. */
const HIDE_BIRTH = {
  projection_id: 'contracthide1',
  name: 'contract_hide_birth',
  mode: 'exclude' as const,
  fields: ['date_of_birth' as const],
  created_at: '2024-05-01T10:00:00.000Z',
};

const submission = (id: string) => ({
  submission_id: id,
  email: `${id}@example.com`,
  userid: `user-${id}`,
  applicant_id: `app-${id}`,
  created_at: '2024-05-01-10-00-00-000',
  data: {
    first_name: 'Ada',
    last_name: 'Lovelace',
    full_name: 'Ada Lovelace',
    date_of_birth: '1815-12-10',
    gender: 'female',
    cf1: 'x',
  },
  OCR_raw: { name: { value: 'ADA LOVELACE' } },
  image: {
    idImage: 'https://files.example.invalid/id.jpg',
    idBackImage: 'https://files.example.invalid/id-back.jpg',
    selfieImage: 'https://files.example.invalid/selfie.jpg',
  },
});

export const contractFixture = {
  idcheck: {
    projects: [
      {
        id: 'contract',
        apiKeys: [CONTRACT_CREDENTIALS.apiKey],
        encryption: false,
        submissions: [
          submission('contract-s1'),
          submission('contract-s2'),
          { ...submission('contract-s3'), projection_id: HIDE_BIRTH.projection_id },
        ],
        projections: [HIDE_BIRTH],
      },
      {
        id: 'contract-limit',
        apiKeys: [CONTRACT_CREDENTIALS.limitApiKey],
        encryption: false,
        submissions: [],
        projections: [],
      },
      {
        id: 'contract-sealed',
        apiKeys: [CONTRACT_CREDENTIALS.sealedApiKey],
        encryption: true,
        submissions: [submission('contract-e1')],
        projections: [],
      },
    ],
    orphanApiKeys: [CONTRACT_CREDENTIALS.orphanApiKey],
  },
  textAssessment: {
    accounts: [
      {
        id: CONTRACT_CREDENTIALS.accountId,
        token: CONTRACT_CREDENTIALS.token,
        texts: [
          { id: 'contract-t1', author_id: 'contract-author', task_id: 'task-1', text: 'A text that is already there.' },
        ],
      },
    ],
  },
};
