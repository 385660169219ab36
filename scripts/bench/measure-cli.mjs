// Runs the CLI in this process (as bin/policy-parse would) and, when it ends, prints the
// process's peak resident memory (worker threads included) as `maxrss <KB>` and the threads
// that parsed (this one and each worker the run started) as `threads <N>` on stderr.
// Usage: node scripts/bench/measure-cli.mjs <policy-parse arguments…>
import { resourceUsage } from 'node:process';

let threads = 1;
// Node tells the main thread of each worker it makes.
process.on('worker', () => threads++);
process.on('exit', () => process.stderr.write(`maxrss ${resourceUsage().maxRSS}\nthreads ${threads}\n`));
process.argv = [process.argv[0], 'policy-parse', ...process.argv.slice(2)];
await import(new URL('../../dist/bundle/policy-parse.js', import.meta.url).href);
