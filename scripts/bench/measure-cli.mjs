// Runs the CLI in this process (as bin/policy-parse would) and, when it ends, prints the
// process's peak resident memory (worker threads included) as `maxrss <KB>` on stderr.
// Usage: node scripts/bench/measure-cli.mjs <policy-parse arguments…>
import { resourceUsage } from 'node:process';

process.on('exit', () => process.stderr.write(`maxrss ${resourceUsage().maxRSS}\n`));
process.argv = [process.argv[0], 'policy-parse', ...process.argv.slice(2)];
await import(new URL('../../dist/bundle/policy-parse.js', import.meta.url).href);
