// `recordingOf`: exchanges pseudonymised in two passes (first every original is noted, so that no
// pseudonym can be another original; then everything is replaced and the safety net run), and the
// fixture built from what the written exchanges show. Pure: nothing is written.
import type { Fixture } from '../fixture.js';
import { IdCheckBuilder } from './build-idcheck.js';
import { TextAssessmentBuilder } from './build-text-assessment.js';
import { RecordingError } from './error.js';
import type { Exchange } from './exchange.js';
import { keyedStreams } from './keyed.js';
import { Net } from './net.js';
import { Originals, Pseudonyms } from './pseudonyms.js';
import { type Rewritten, rewriteExchange } from './rewrite.js';
import { lookedFor } from './vocabulary.js';

/** The shortest key taken: a short text is a guessable secret, and the pseudonyms are only as safe as it. */
export const KEY_MIN_LENGTH = 16;

export interface RecordingOptions {
  /**
   * Secret of the keyed HMAC (same key, same input: same pseudonym), at least `KEY_MIN_LENGTH`
   * characters. Default: 32 random bytes.
   */
  key?: string;
}

export interface RecordedCredentials {
  idcheck: { projectId: string; apiKey: string; encryption: boolean }[];
  textAssessment: { accountId: string; token: string }[];
}

export interface Recording {
  /** The exchanges with every personal value and credential replaced: what may be written. */
  exchanges: Exchange[];
  /** A fixture the mock serves (`scrub-mock --fixture`), built from what the exchanges show. */
  fixture: Fixture;
  /** The fixture's own credentials (fresh, never the upstream's): what to call the mock with. */
  credentials: RecordedCredentials;
  /** Exchanges that could not be used, and why (no personal value in them). */
  notes: string[];
  /** Every original personal value or credential found in `text` (described by kind and offset, never by value). */
  leaks(text: string): string[];
}

function fixtureOf(written: readonly Rewritten[], net: Net, notes: string[]): Fixture {
  const idcheck = new IdCheckBuilder();
  const textAssessment = new TextAssessmentBuilder();
  written.forEach((x, i) => {
    const note = (text: string) => notes.push(`exchange ${i + 1} (${x.route?.operationId ?? 'no operation'}): ${text}`);
    idcheck.add(x, note);
    textAssessment.add(x, note);
  });
  const fixture = {
    idcheck: idcheck.fixture(),
    textAssessment: textAssessment.fixture((text) => notes.push(text)),
  };
  // everything in it came through the net already; once more, so nothing the builders made escapes it
  return net.scrubValue(fixture) as Fixture;
}

/** Pseudonymises the exchanges and builds the fixture from them. Pure; nothing is written. */
export function recordingOf(exchanges: readonly Exchange[], options: RecordingOptions = {}): Recording {
  if (options.key !== undefined && options.key.length < KEY_MIN_LENGTH)
    throw new RecordingError(`options.key: expected at least ${KEY_MIN_LENGTH} characters`);
  const streams = keyedStreams(options.key);
  const originals = new Originals();
  const ignore = () => {};
  for (const [i, exchange] of exchanges.entries())
    rewriteExchange(exchange, i, { p: originals, net: undefined, note: ignore });

  const pseudonyms = new Pseudonyms(streams, originals.kinds);
  const lookFor = new Map([...originals.kinds].filter(([original, kind]) => lookedFor(original, kind, originals.kept)));
  const net = new Net(lookFor, (original) => pseudonyms.replacement(original));
  const notes: string[] = [];
  const note = (text: string) => notes.push(text);
  const written = exchanges.map((exchange, i) => rewriteExchange(exchange, i, { p: pseudonyms, net, note }));
  const fixture = fixtureOf(written, net, notes);
  return {
    exchanges: written.map((x) => x.exchange),
    fixture,
    credentials: {
      idcheck: fixture.idcheck.projects.map((p) => ({
        projectId: p.id,
        apiKey: p.apiKeys[0]!,
        encryption: p.encryption,
      })),
      textAssessment: fixture.textAssessment.accounts.map((a) => ({ accountId: a.id, token: a.token })),
    },
    notes,
    leaks: (text) => net.leaks(text),
  };
}
