/** Inputs above this many MB are refused unless --max-size raises it. */
export const DEFAULT_MAX_MB = 10;
