// The CLI's bundle (scripts/bundle.mjs; loaded by load-bundle.ts): one script for the
// command line and for a batch's workers. Each part is loaded when it is called, and runs
// as it loads.
export const cli = (): Promise<unknown> => import('../policy-parse.js');
export const worker = (): Promise<unknown> => import('./worker.js');
