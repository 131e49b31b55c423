// Exchanges for the recording tests, as a proxy would hand them over.
import { encrypt } from '../../src/crypto.js';
import type { Exchange, Header } from '../../src/recording/exchange.js';

export interface ExchangeInput {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  status?: number;
  answer?: unknown;
  answerHeaders?: Record<string, string>;
  at?: string;
}

const headersOf = (record: Record<string, string> = {}): Header[] =>
  Object.entries(record).map(([name, value]) => ({ name, value }));
const text = (body: unknown) => (body === undefined || typeof body === 'string' ? body : JSON.stringify(body));

/** One exchange against `http://staging.test`; JSON bodies given as values are serialised. */
export function exchange(input: ExchangeInput): Exchange {
  const body = text(input.body);
  const answer = text(input.answer);
  return {
    startedDateTime: input.at ?? '2024-05-01T10:00:00.000Z',
    time: 7,
    request: {
      method: input.method ?? 'GET',
      url: `http://staging.test${input.url}`,
      headers: headersOf(input.headers),
      ...(body !== undefined ? { body } : {}),
    },
    response: {
      status: input.status ?? 200,
      statusText: 'OK',
      headers: headersOf({ 'content-type': 'application/json', ...input.answerHeaders }),
      ...(answer !== undefined ? { body: answer } : {}),
    },
  };
}

/** The parsed JSON body of a written answer. */
export const answerOf = (x: Exchange) => JSON.parse(x.response.body ?? 'null');
/** The parsed JSON body of a written request. */
export const requestOf = (x: Exchange) => JSON.parse(x.request.body ?? 'null');

/** `{"data": <ciphertext>}` of a plain body under an API key (the encryption option). */
export const sealedAnswer = (apiKey: string, plain: unknown) => ({ data: encrypt(apiKey, JSON.stringify(plain)) });
export const sealedRequest = (apiKey: string, plain: unknown) => ({ body: encrypt(apiKey, JSON.stringify(plain)) });

/** The submission of the spec's example, with values of its own (every one unique). */
export function submissionOf(n: number) {
  return {
    submission_id: `sub${n}-k29q7`,
    email: `person${n}.surname@mail${n}.test`,
    userid: `uid-${n}-88731`,
    applicant_id: `applicant-${n}-5521`,
    data: {
      age_group: `${20 + n}-${29 + n}`,
      first_name: `Firstname${n}q`,
      last_name: `Lastname${n}w`,
      full_name: `Firstname${n}q Lastname${n}w`,
      gender: `gender${n}x`,
      nationality: n % 2 ? 'DEU' : 'FRA',
      date_of_birth: `19${60 + n}-0${1 + (n % 9)}-1${n % 9}`,
      idType: `passport${n}v`,
      idcard_issuingCountry: n % 2 ? 'AUT' : 'BEL',
      idcard_issueDate: `2${n % 10}.03.2019`,
      idcard_expireDate: `20${30 + n}0415`,
      documentNumber: `X${n}9981234`,
      ip_address: `198.51.100.${10 + n}`,
      address_street: `${n} Mainstreet ${n}b`,
      phoneNumber: `+49 170 55${n}1234`,
      typeOfPermit: `permit-${n}-zz`,
    },
    OCR_raw: { lines: [`OCRLINE ${n} Firstname${n}q`, { deep: `ocrdeep-${n}-xx` }], mrz: `P<DEU${n}LASTNAME<<` },
    ocr: { first_name: `OcrFirst${n}e`, birth: `19${60 + n}/02/03` },
    review: { comment: `reviewer note ${n} qq` },
    image: {
      idImage: `https://files.staging.test/${n}/id-front-${n}.jpg`,
      idBackImage: `https://files.staging.test/${n}/id-back-${n}.png`,
      selfieImage: `https://files.staging.test/${n}/selfie-${n}.jpeg?sig=abc${n}def`,
    },
    duplicated_information: `dup-${n}-f2c9a`,
    memo: `memo about person ${n} zz`,
    created_at: '2024-03-01-10-15-30-123',
    updated_at: '2024-03-01-10-16-02-456',
    kyc: { result: 'approved', comment: [`kyc comment ${n} yy`], commentCode: [`code-${n}-rr`] },
  };
}
