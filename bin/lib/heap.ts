// V8's heap setting for the CLI, set once for the process (workers share V8's flags).
import { setFlagsFromString } from 'node:v8';

/**
 * V8 sets the old generation's next limit after each full collection by a factor of up to 4,
 * judged by how fast the program allocates. A batch allocates fast and keeps little (a few
 * counters and short strings per document), so over a long run the limit ratchets up and the
 * heap with it. A fixed factor of 1.25 keeps the heap near what is live. Measured on the laws
 * corpus, one thread, once and eight times over: peak RSS 139 and 145 MB (+4.5 %; 130 and 135 MB
 * after the parser and start-up work of issue 15), where a
 * full collection forced every 4 MB of input gave 141 and 153 MB for 18 % more CPU time, and
 * V8's own factor 186 and 225 MB.
 */
export const HEAP_FLAGS = '--heap-growing-percent=25';

/**
 * Sets HEAP_FLAGS. The CLI's loader does so before it compiles the bundle (bin/lib/load-bundle.ts):
 * V8 takes a code cache only under the flags it was made with, so they are the same in every run.
 */
export function setHeapFlags(): void {
  try {
    setFlagsFromString(HEAP_FLAGS);
  } catch {
    // An embedder without V8's flags: the heap grows as V8 decides.
  }
}
