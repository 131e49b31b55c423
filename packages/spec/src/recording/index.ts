// `@scrub/spec/recording`: traffic turned into what may be written, with every personal value and
// credential replaced by a keyed pseudonym, and into a fixture the mock serves. Pure: reads and writes
// nothing (the recorder and `scrub-contract traffic` write). docs/decisions.md "Recordings: what is
// personal, and its pseudonyms".
export { RecordingError } from './error.js';
export type { Exchange, Header } from './exchange.js';
export { fromHar, toHar } from './har.js';
export { PERSONAL_KEYS } from './personal.js';
export {
  KEY_MIN_LENGTH,
  type RecordedCredentials,
  type Recording,
  type RecordingOptions,
  recordingOf,
} from './record.js';
export { shownPath } from './route.js';
