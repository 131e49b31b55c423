// The one error a recording throws: its message names a key or a position, never a value.

export class RecordingError extends Error {
  override name = 'RecordingError';
}
