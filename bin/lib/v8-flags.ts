// V8's flags for the CLI, set once for the process (workers share V8's flags), before the
// bundle is compiled. The library sets none: a program that imports policy-parse keeps its own.
import { setFlagsFromString } from 'node:v8';

/**
 * The heap. V8 sets the old generation's next limit after each full collection by a factor of up to 4,
 * judged by how fast the program allocates. A batch allocates fast and keeps little (a few
 * counters and short strings per document), so over a long run the limit ratchets up and the
 * heap with it. A fixed factor of 1.25 keeps the heap near what is live. Measured on the laws
 * corpus, one thread, once and eight times over: peak RSS 139 and 145 MB (+4.5 %; 130 and 135 MB
 * after the parser and start-up work of issue 15), where a
 * full collection forced every 4 MB of input gave 141 and 153 MB for 18 % more CPU time, and
 * V8's own factor 186 and 225 MB.
 */
const HEAP = '--heap-growing-percent=25';

/**
 * Inlining. A batch runs once through a large parser, so TurboFan's compiles are a large part
 * of its work (on the Taiwan statutes in one thread, 2.1 s of compiling beside 2.9 s of wall
 * time), and inlining is what makes them dear: V8's budgets (460 bytes of bytecode per callee,
 * 920 per function) inline whole chains of the parser's small functions into each caller that
 * is optimised, and again after each deoptimisation. Budgets of 230 and 230 cut that without
 * slowing the optimised code. Instructions (cachegrind, `--single-threaded`, fixed samples of
 * every 9th file), V8's budgets → these: laws, one cold pass 9.13 → 7.23 G (−21 %), each later
 * pass 2.64 → 2.61 G; Taiwan statutes 6.10 → 5.37 G, later passes 1.48 → 1.30 G. Whole CLI,
 * one thread, alternating runs (2026-12-03): laws 5.72 → 5.16 s wall, 7.70 → 6.54 s CPU
 * (medians of 7); Taiwan statutes 3.20 → 3.00 s, 4.45 → 3.97 s CPU (medians of 9). Halving the
 * budgets again (120 and 60), or no inlining at all, compiled less still but ran the laws no
 * faster (5.34 and 5.50 s in the same series).
 */
const INLINING = '--max-inlined-bytecode-size=230 --max-inlined-bytecode-size-cumulative=230';

export const CLI_V8_FLAGS = `${HEAP} ${INLINING}`;

/** V8's own interrupt budget (the default of --interrupt-budget in Node 20's V8 11.3). */
const V8_INTERRUPT_BUDGET = 67584;

/**
 * Tiering on several threads. A function is optimised once it has run through its interrupt
 * budget of bytecode a few times. One thread leaves the second core to V8's optimising
 * compiler, but on threads that keep every core busy each thread's compiles take time from
 * the parsing: two threads forced on 5.6 MB of Traditional text took 1.18× the time of one
 * (medians of 10 alternating rounds, 2026-12-04). With 8 times V8's budget only the hottest
 * functions are optimised: two threads took 0.914× the time of one (faster in 10 of 10), and
 * the laws corpus on two threads 0.903× the time it took with V8's budget (8 of 8). Against 8
 * times, 4 times took 1.10× the time on the Traditional text (0 of 10 faster) and 1.03× on the
 * laws; 16 times 1.04× and 1.09× (faster in 3 of 10 and 3 of 6; both in a trial build whose
 * workers compiled without the cache). In one thread a larger budget only delays the
 * optimising (4 times: 1.03× the time, faster in 1 of 10), so it is set for a batch that
 * starts workers (bin/lib/batch.ts), not for every run.
 */
export const THREADS_V8_FLAGS = `--interrupt-budget=${8 * V8_INTERRUPT_BUDGET}`;

/** Set on a thread's global object once it runs under THREADS_V8_FLAGS (the loader and the bundle share it). */
const THREADS = Symbol.for('policy-parse.threads-v8-flags');
const inThreads = (): boolean => (globalThis as Record<symbol, unknown>)[THREADS] === true;

/** Sets CLI_V8_FLAGS (and leaves the tiering as it is). */
export function setCliV8Flags(): void {
  setFlags(CLI_V8_FLAGS);
}

/**
 * Compiles under CLI_V8_FLAGS. The CLI's loader compiles the bundle so (bin/lib/load-bundle.ts):
 * V8 takes a code cache only under the flags it was made with, so they are the same in every
 * run. In a thread under THREADS_V8_FLAGS (V8's flags are the process's) V8's budget is put
 * back for the compile, so that the script takes its cache, and raised again after.
 */
export function compileUnderCliV8Flags<T>(compile: () => T): T {
  if (!inThreads()) {
    setCliV8Flags();
    return compile();
  }
  setFlags(`${CLI_V8_FLAGS} --interrupt-budget=${V8_INTERRUPT_BUDGET}`);
  try {
    return compile();
  } finally {
    setFlags(THREADS_V8_FLAGS);
  }
}

/** Sets THREADS_V8_FLAGS, for this thread from now on: before a batch starts its workers, and in each worker. */
export function setThreadsV8Flags(): void {
  (globalThis as Record<symbol, unknown>)[THREADS] = true;
  setFlags(THREADS_V8_FLAGS);
}

function setFlags(flags: string): void {
  try {
    setFlagsFromString(flags);
  } catch {
    // An embedder without V8's flags: V8's defaults.
  }
}
