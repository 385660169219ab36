/** Inputs above this many MB are refused unless --max-size raises it. */
export const DEFAULT_MAX_MB = 10;

/** Input, in MB, for each thread beyond the first (bin/lib/batch.ts says how it was measured). */
export const THREAD_MB = 4;
