// Preloaded (with --expose-gc) into the mock server of the memory case only: SIGUSR2 runs a full GC,
// so the RSS the benchmark reads is what the server retains, not garbage the GC has not reached yet.
process.on('SIGUSR2', () => globalThis.gc?.());
