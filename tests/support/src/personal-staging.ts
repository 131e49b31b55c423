// A staging full of personal data, for the recording tests: a fixture of synthetic people in which
// every personal value is unique and long enough to be searched for, plus the list of those values
// and of the credentials, so a test can look for each one in every byte a recording wrote.
import type { Fixture } from '@scrub/mocks';

/** The staging's credentials: what the recorder's clients send, and what must never be written. */
export const STAGING_CREDENTIALS = {
  apiKey: 'stg-key-Kx81qPz0Lm2',
  sealedApiKey: 'stg-sealed-Vb62wQe9Tn4',
  accountId: 'stg-account-77',
  token: 'stg-token-Hq05rJ3sMv7',
  version: 'v2.3.0',
} as const;

/** Ids the session reads, deletes from and writes; all of them personal (they point at people). */
export const STAGING_IDS = {
  /** Read by id, then partially deleted. */
  submission: 'sub-Quentin-4411',
  /** Shares its email with `twin` (a relation the pseudonyms must keep). */
  sibling: 'sub-Rosalind-5522',
  twin: 'sub-Theodora-6633',
  /** In the project with encryption on. */
  sealed: 'sub-Ulrich-7744',
  sharedEmail: 'rosalind.theodora.shared@mail-stg.example',
  /** The userid of `submission`. */
  userid: 'user-quentin-880123',
  /** The author whose texts the session submits and then deletes. */
  author: 'author-wilhelmina-3021',
  /** An author whose text stays. */
  keptAuthor: 'author-xavier-4132',
  keptText: 'text-xavier-essay-01',
} as const;

interface Person {
  id: string;
  email: string;
  userid: string;
  applicant: string;
  first: string;
  last: string;
  birth: string;
  nationality: string;
  document: string;
  phone: string;
  street: string;
}

function submission(p: Person) {
  return {
    submission_id: p.id,
    email: p.email,
    userid: p.userid,
    applicant_id: p.applicant,
    created_at: '2026-03-01-09-30-00-000',
    data: {
      first_name: p.first,
      last_name: p.last,
      full_name: `${p.first} ${p.last}`,
      date_of_birth: p.birth,
      gender: `gender-of-${p.first.toLowerCase()}`,
      nationality: p.nationality,
      documentNumber: p.document,
      phoneNumber: p.phone,
      address_street: p.street,
      ip_address: `203.0.113.${p.birth.slice(8, 10)}`,
    },
    OCR_raw: { name: { value: `${p.first.toUpperCase()} ${p.last.toUpperCase()}` }, number: p.document },
    ocr: { holder: `${p.last}, ${p.first}` },
    review: { reviewed_name: `${p.first}-${p.last}-reviewed` },
    image: {
      idImage: `https://files.staging.example/${p.id}/front-${p.document}.jpg`,
      selfieImage: `https://files.staging.example/${p.id}/selfie-${p.document}.png`,
    },
    // the vendor's extra keys (the spec allows any): free text about the person
    memo: `called ${p.first} ${p.last} on ${p.phone}`,
  };
}

const PEOPLE: Person[] = [
  {
    id: STAGING_IDS.submission,
    email: 'quentin.abernathy@mail-stg.example',
    userid: STAGING_IDS.userid,
    applicant: 'applicant-quentin-0001',
    first: 'Quentin',
    last: 'Abernathy',
    birth: '1984-07-19',
    nationality: 'NZL',
    document: 'DOC-Q-44185',
    phone: '+64-21-555-01987',
    street: '14 Quartz Lane Upper',
  },
  {
    id: STAGING_IDS.sibling,
    email: STAGING_IDS.sharedEmail,
    userid: 'user-rosalind-770456',
    applicant: 'applicant-rosalind-0002',
    first: 'Rosalind',
    last: 'Birkenshaw',
    birth: '1991-02-27',
    nationality: 'ISL',
    document: 'DOC-R-55296',
    phone: '+354-555-02876',
    street: '9 Rowan Terrace East',
  },
  {
    id: STAGING_IDS.twin,
    email: STAGING_IDS.sharedEmail,
    userid: 'user-theodora-661345',
    applicant: 'applicant-theodora-0003',
    first: 'Theodora',
    last: 'Castellanos',
    birth: '1991-02-28',
    nationality: 'URY',
    document: 'DOC-T-66307',
    phone: '+598-555-03765',
    street: '3 Tamarind Court West',
  },
  {
    id: STAGING_IDS.sealed,
    email: 'ulrich.dunsmore@mail-stg.example',
    userid: 'user-ulrich-552234',
    applicant: 'applicant-ulrich-0004',
    first: 'Ulrich',
    last: 'Dunsmore',
    birth: '1979-11-03',
    nationality: 'LIE',
    document: 'DOC-U-77418',
    phone: '+423-555-04654',
    street: '21 Umber Road North',
  },
];

const TEXTS = [
  {
    id: STAGING_IDS.keptText,
    author_id: STAGING_IDS.keptAuthor,
    task_id: 'task-essay',
    text: 'Xavier wrote about his grandmother Yolanda Zimmerman from Brightwater.',
  },
];

/** The staging's state: two ID-check projects (one with encryption on) and one text-assessment account. */
export const personalStagingFixture = {
  idcheck: {
    projects: [
      {
        id: 'stg-project',
        apiKeys: [STAGING_CREDENTIALS.apiKey],
        encryption: false,
        submissions: PEOPLE.slice(0, 3).map(submission),
        projections: [],
      },
      {
        id: 'stg-sealed-project',
        apiKeys: [STAGING_CREDENTIALS.sealedApiKey],
        encryption: true,
        submissions: PEOPLE.slice(3).map(submission),
        projections: [],
      },
    ],
    orphanApiKeys: [],
  },
  textAssessment: {
    accounts: [{ id: STAGING_CREDENTIALS.accountId, token: STAGING_CREDENTIALS.token, texts: TEXTS }],
  },
} satisfies Fixture as Fixture;

/** A text the session submits (then deletes with its author): personal like every text body. */
export const SUBMITTED_TEXT = {
  id: 'text-wilhelmina-essay-02',
  body: {
    text: 'Wilhelmina described her neighbour Archibald Penhaligon and his dog Biscuit.',
    author_id: STAGING_IDS.author,
    task_id: 'task-essay',
    question_text: 'Describe a neighbour of Wilhelmina Fairweather.',
  },
};

/** Every personal string value of the staging (and of what the session sends), with where it is. */
export function personalValues(): { where: string; value: string }[] {
  const found: { where: string; value: string }[] = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === 'string') found.push({ where, value });
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, `${where}[${i}]`);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) if (!KEPT.has(k)) walk(v, `${where}.${k}`);
  };
  for (const p of PEOPLE) walk(submission(p), p.id);
  for (const t of TEXTS) walk(t, t.id);
  walk(SUBMITTED_TEXT, 'submitted');
  return found;
}

/** Keys whose values are not personal: when a submission was made, a text's task. */
const KEPT = new Set(['created_at', 'task_id']);
