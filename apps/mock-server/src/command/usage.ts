// What every `scrub-mock` command shares about its flags: a bad one exits 2 with a clear message and a
// pointer to the help; a number is checked against its range, an origin for its form.

/** Bad usage: the message and where the help is on stderr, then exit 2. */
export function usageError(command: string, message: string): never {
  const help = command === 'scrub-mock' ? 'with --help' : `${command} --help`;
  console.error(`${command}: ${message}\nRun ${help} for usage.`);
  process.exit(2);
}

/** The integer flag `name` (undefined when not given); outside `min`..`max` it is bad usage. */
export function integer(
  command: string,
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    usageError(command, `${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

/** Each `--admin-origin`: an origin only (scheme, host, port), else it is bad usage. */
export function checkOrigins(command: string, origins: readonly string[]): void {
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || parsed.origin !== origin)
      usageError(
        command,
        `--admin-origin must be an origin like http://localhost:5173 (scheme, host, port; no path), got "${origin}"`,
      );
  }
}
