// How text a client sent appears in a log line or an error message: one line, cut short, so a request
// cannot forge log lines or flood them.

/** Longest path or header value a log line or an error message repeats. */
const SHOWN = 120;

/** A value as it may appear in a log line or a message: one line, control characters escaped, cut to `SHOWN`. */
export function shown(value: string): string {
  const cut = value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
