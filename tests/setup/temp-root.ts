// Global setup of every vitest config: the folders the tests make under os.tmpdir() (mkdtemp,
// and the CLI runs they start, which inherit TMPDIR) go into one folder per run, removed when
// the run ends. Without it each `npm test` left some 200 MB in /tmp, run after run.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  // Under the tmpdir() the run was given (TMPDIR=/dev/shm for the scale test stays on tmpfs).
  const root = mkdtempSync(join(tmpdir(), 'policy-parse-tests-'));
  // Searchable by all, as /tmp is: a test runs the CLI as another user (cli.test.ts, nobody).
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
