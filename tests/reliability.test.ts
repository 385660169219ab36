// Reliability, tried as a careless or hostile user would (issue 13): each case asserts the
// files left behind and the one-line message.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyDocument, parse } from '../src/index.js';
import { MAX_QUANTITIES, MAX_SECTIONS } from '../src/util/limits.js';
import { readBounded } from '../bin/lib/job.js';
import { at, root } from './helpers.js';

const bin = at('bin/policy-parse');
const seed = at('seeds/002_03db1d08565b47d2.txt');
const tmp = () => mkdtempSync(join(tmpdir(), 'policy-parse-reliability-'));
/** Runs a shell pipeline in which `pp` is the CLI. */
const shell = (script: string) =>
  spawnSync('sh', ['-c', `pp() { "$NODE" "$BIN" "$@"; }; ${script}`], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', NODE: process.execPath, BIN: bin } });

describe('stdin is read as a stream: pipes, slow writers, closed pipes', () => {
  it('parses a document piped in, also from a writer slower than the reader', () => {
    // A big document through a pipe: reading fd 0 in one call failed with EAGAIN.
    const dir = tmp();
    const big = join(dir, 'big.md');
    writeFileSync(big, readFileSync(seed, 'utf8').repeat(40));
    for (let i = 0; i < 5; i++) {
      const r = shell(`cat "${big}" | pp - -q`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(PolicyDocument.safeParse(JSON.parse(r.stdout)).success).toBe(true);
    }
    const slow = shell(`(sleep 0.3; cat "${seed}") | pp - -q`);
    expect(slow.status).toBe(0);
    expect(JSON.parse(slow.stdout).source.path).toBe('-');
  });

  it('applies --max-size to every --stdin-jsonl record, without holding a longer line in memory', () => {
    const dir = tmp();
    const text = readFileSync(seed, 'utf8');
    const records = join(dir, 'records.jsonl');
    writeFileSync(records, [{ path: 'a.txt', text }, { path: 'big.txt', text: '一'.repeat(800_000) }, { path: 'c.txt', text: 'x'.repeat(1_200_000) }, { path: 'b.txt', text }].map((r) => JSON.stringify(r)).join('\n'));
    const r = shell(`pp --stdin-jsonl --max-size 1 < "${records}"`);
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((d) => d.error ?? d.source.path)).toEqual([
      'a.txt',
      'input line 2: record too large: above 2× the 1 MB limit (raise it with --max-size)',
      'input too large: 1.1 MB, above the 1 MB limit (raise it with --max-size)',
      'b.txt',
    ]);
  });

  it('refuses an empty or closed stdin, and one above --max-size, with one line naming -', () => {
    const empty = shell('pp - -q < /dev/null');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe('policy-parse: -: empty file\n');
    const big = shell('head -c 2200000 /dev/zero | tr "\\0" "a" | pp - -q --max-size 2');
    expect(big.status).toBe(1);
    expect(big.stderr).toBe('policy-parse: -: stdin too large: above the 2 MB limit (raise it with --max-size)\n');
    expect(big.stdout).toBe('');
  });

  it('reads - in show, diff and validate, as a source document or as policy-parse JSON/YAML', () => {
    const out = tmp();
    expect(shell(`pp "${seed}" -o "${out}" -f json,yaml -q`).status).toBe(0);
    const json = join(out, '002_03db1d08565b47d2.json');
    const yaml = join(out, '002_03db1d08565b47d2.yaml');
    const show = shell(`(sleep 0.2; cat "${seed}") | pp show - --depth 1`);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('一、总体要求');
    const diff = shell(`cat "${json}" | pp diff - "${seed}" --exit-code`);
    expect(diff.stderr).toBe('');
    expect(diff.status).toBe(0);
    expect(shell(`cat "${json}" | pp validate -`).stdout).toBe('1 valid, 0 invalid\n');
    expect(shell(`cat "${yaml}" | pp validate -`).stdout).toBe('1 valid, 0 invalid\n');
    const broken = shell(`printf '{"a":' | pp validate -`);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe('-: not valid JSON (Unexpected end of JSON input)\n');
  });
});

describe('every failure is one line naming the file and the cause', () => {
  it('refuses an --out that is a file, or a folder it cannot write, before reading any input', () => {
    const dir = tmp();
    const file = join(dir, 'taken.txt');
    writeFileSync(file, 'mine');
    const onFile = shell(`pp "${seed}" -o "${file}" -q`);
    expect(onFile.status).toBe(2);
    expect(onFile.stderr).toBe(`policy-parse: ${file}: is a file, not a folder; choose another --out\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    // Read-only: only a user the permission applies to sees it (not root).
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const asNobody = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']).status === 0;
    if (asNobody) {
      chmodSync(dir, 0o755);
      const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, at('dist/bundle/policy-parse.js'), seed, '-o', join(locked, 'out'), '-q'], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`policy-parse: ${join(locked, 'out')}: cannot make the output folder: permission denied\n`);
    }
  });

  it('fails each document and the run files with one line on a full disk, leaving no temporary file', () => {
    const disk = tmp();
    // A 200 KB disk (root can mount one; elsewhere the case is left to the bench).
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', disk]).status !== 0) return;
    try {
      const out = join(disk, 'out');
      const r = shell(`pp seeds -o "${out}" -f json,csv,jsonl -q`);
      expect(r.status).toBe(1);
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line).toMatch(/^policy-parse: .+: (?:cannot write the run files: )?no space left on the device$/);
      expect(lines.at(-1)).toBe(`policy-parse: ${out}: cannot write the run files: no space left on the device`);
      expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('reads a device named explicitly only up to --max-size, and fails it with one line', () => {
    const out = tmp();
    const r = shell(`timeout 20 "$NODE" "$BIN" /dev/zero -o "${out}" -q --max-size 1`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('policy-parse: /dev/zero: file too large: more than that, above the 1 MB limit (raise it with --max-size)\n');
    expect(readdirSync(out)).toEqual(['index.json']);
    // validate and show read a file named explicitly the same way.
    const validate = shell('timeout 20 "$NODE" "$BIN" validate /dev/zero');
    expect(validate.status).toBe(1);
    expect(validate.stderr).toBe('/dev/zero: file too large: more than that, above the 256 MB limit\n');
  });

  it('follows a symbolic link in a folder, and names a loop, a broken link or a FIFO instead of skipping it silently', () => {
    const dir = tmp();
    const docs = join(dir, 'docs');
    mkdirSync(join(docs, 'sub'), { recursive: true });
    writeFileSync(join(docs, 'sub', 'a.txt'), readFileSync(seed));
    symlinkSync(join(docs, 'sub', 'a.txt'), join(docs, 'b.txt'));
    symlinkSync(docs, join(docs, 'sub', 'loop'));
    symlinkSync(join(dir, 'nowhere.txt'), join(docs, 'broken.txt'));
    const fifo = spawnSync('mkfifo', [join(docs, 'pipe.txt')]).status === 0;
    const out = join(dir, 'out');
    const r = shell(`pp "${docs}" -o "${out}" -q`);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual(
      [
        `policy-parse: ${join(docs, 'broken.txt')}: broken link, skipped`,
        `policy-parse: ${join(docs, 'sub', 'loop')}: link back to a folder it is in, skipped`,
        ...(fifo ? [`policy-parse: ${join(docs, 'pipe.txt')}: not a regular file, skipped`] : []),
      ].sort(),
    );
    expect(existsSync(join(out, 'b.json'))).toBe(true);
    expect(existsSync(join(out, 'sub', 'a.json'))).toBe(true);
  });
});

describe('a worker thread that stops never stops the batch nor leaves it waiting', () => {
  // Preloaded into every thread (NODE_OPTIONS reaches workers too): the worker exits at once,
  // or on its first document once it has said it is ready.
  const exiting = (script: string) => {
    const dir = tmp();
    writeFileSync(join(dir, 'preload.cjs'), `const wt = require('node:worker_threads');\nif (!wt.isMainThread) { ${script} }\n`);
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [bin, 'seeds', '-o', out, '-f', 'json', '-q', '-j', '2'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, POLICY_PARSE_TEST_WORKERS: '1', NODE_OPTIONS: `--require ${join(dir, 'preload.cjs')}` },
    });
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { documents: unknown[]; failed: unknown[] };
    return { r, index, out };
  };
  const seeds = readdirSync(at('seeds')).filter((f) => f.endsWith('.txt'));

  it('parses, in this thread, the documents of a worker that stopped before it began them', () => {
    const { r, index, out } = exiting('process.exit(7);');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(index.failed).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()).toEqual(seeds.map((f) => f.replace(/\.txt$/, '.json')).sort());
  });

  it('starts a worker for a small batch only when POLICY_PARSE_THREAD_MB (for measuring) says so', () => {
    const dir = tmp();
    // Told by the main thread as it makes the worker ('worker' event): a worker made and then
    // ended at once, before it ran anything (the batch was done), is seen all the same.
    writeFileSync(join(dir, 'preload.cjs'), "if (require('node:worker_threads').isMainThread) process.on('worker', () => process.stderr.write('worker started\\n'));\n");
    const started = (threadMb: string | undefined) => {
      const env: NodeJS.ProcessEnv = { ...process.env, POLICY_PARSE_TEST_WORKERS: '', NODE_OPTIONS: `--require ${join(dir, 'preload.cjs')}` };
      if (threadMb === undefined) delete env.POLICY_PARSE_THREAD_MB;
      else env.POLICY_PARSE_THREAD_MB = threadMb;
      const r = spawnSync(process.execPath, [bin, 'seeds', '-o', join(dir, `out-${threadMb}`), '-f', 'json', '-q', '-j', '2'], { cwd: root, encoding: 'utf8', env });
      expect(r.status).toBe(0);
      return r.stderr.includes('worker started');
    };
    // The seeds are 0.1 MB, far below a thread's share of input.
    expect(started(undefined)).toBe(false);
    expect(started('0')).toBe(true);
    // Their size is summed only until it reaches a thread's share: 0.05 MB is passed, 1 MB never.
    expect(started('0.05')).toBe(true);
    expect(started('1')).toBe(false);
    expect(started('not a number')).toBe(false);
  });

  it('fails the documents a worker held when it stopped, one line each, and parses the rest', () => {
    const { r, index } = exiting(
      "const post = wt.parentPort.postMessage.bind(wt.parentPort); wt.parentPort.postMessage = (m) => { post(m); if (m === 'ready') wt.parentPort.on('message', () => process.exit(9)); };",
    );
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^policy-parse: seeds\/[^:]+\.txt: the worker thread parsing it stopped \(exit code 9\)$/);
    expect(index.failed).toHaveLength(lines.length);
    expect(index.documents.length + index.failed.length).toBe(seeds.length);
  });
});

describe('inputs as sites publish them', () => {
  it('reads .shtml and .xhtml pages in a folder as pages', () => {
    const dir = tmp();
    const page = `<html><head><title>关于印发某某方案的通知</title></head><body><p>一、总体要求</p><p>到2025年，覆盖率达到90%。</p></body></html>`;
    writeFileSync(join(dir, 'notice.shtml'), page);
    writeFileSync(join(dir, 'plan.xhtml'), page);
    const out = join(dir, 'out');
    const r = shell(`pp "${dir}" -o "${out}" -f json -q`);
    expect(r.stderr).toBe('');
    expect(readdirSync(out).sort()).toEqual(['index.json', 'notice.json', 'plan.json']);
    expect(JSON.parse(readFileSync(join(out, 'notice.json'), 'utf8')).source.format).toBe('html');
  });
});

describe('file names that are not UTF-8', () => {
  it('reads them in a folder, on one thread or several, shown with U+FFFD for the bad bytes', () => {
    const dir = tmp();
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    writeFileSync(Buffer.concat([Buffer.from(`${docs}/bad`), Buffer.from([0xff]), Buffer.from('name.txt')]), readFileSync(seed));
    mkdirSync(Buffer.concat([Buffer.from(`${docs}/d`), Buffer.from([0xfe])]));
    writeFileSync(Buffer.concat([Buffer.from(`${docs}/d`), Buffer.from([0xfe]), Buffer.from('/x.txt')]), readFileSync(seed));
    for (const jobs of ['1', '2']) {
      const out = join(dir, `out-${jobs}`);
      const r = shell(`pp "${docs}" -o "${out}" -f json -q -j ${jobs}`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['bad\ufffdname.json', 'd\ufffd', 'index.json']);
      expect(readdirSync(join(out, 'd\ufffd'))).toEqual(['x.json']);
    }
  });
});

describe('resources are bounded', () => {
  it('reads at most MAX_SECTIONS sections and MAX_QUANTITIES quantities per document, saying where it stopped', () => {
    // Short numbered lines, as many as a hostile file under the size limit can hold.
    const lines = Array.from({ length: MAX_QUANTITIES + MAX_SECTIONS + 100 }, (_, i) => `${(i % 9) + 1}.甲`);
    const doc = parse(lines.join('\n'), { path: 'items.txt' });
    const count = (sections: readonly { children: readonly unknown[] }[]): number => sections.reduce((n, s) => n + 1 + count(s.children as never), 0);
    expect(count(doc.sections)).toBeLessThanOrEqual(MAX_SECTIONS * 1.2); // with the implicit parts that group them
    const limits = doc.messages.filter((m) => m.code.startsWith('limit-'));
    expect(limits.map((m) => [m.code, m.position?.start.line])).toEqual([
      ['limit-sections', MAX_SECTIONS + 1],
      ['limit-quantities', expect.any(Number)],
    ]);
    expect(PolicyDocument.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
  });

  it('reads a file whole up to its limit: an empty one, one of exactly the limit, one the system calls empty; refuses one over it', () => {
    const dir = tmp();
    const file = (name: string, bytes: Buffer) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    expect(readBounded(file('empty.txt', Buffer.alloc(0)), 1024)).toEqual(Buffer.alloc(0));
    const exact = Buffer.from('第一条 本办法自公布之日起施行。'.repeat(40)).subarray(0, 1024);
    expect(readBounded(file('exact.txt', exact), 1024)).toEqual(exact);
    // A small file and a large one (Buffer's pool serves the first).
    for (const size of [7, 300_000]) {
      const bytes = Buffer.alloc(size, 'a');
      expect(readBounded(file(`size-${size}.txt`, bytes), size)).toEqual(bytes);
    }
    expect(() => readBounded(file('over.txt', Buffer.alloc(1025)), 1024)).toThrow(/file too large: 0\.0 MB/);
    // procfs gives its files no size: read to the end all the same.
    if (existsSync('/proc/self/status')) expect(readBounded('/proc/self/status', 1 << 20).toString()).toMatch(/^Name:/);
  });

  it('caps --jobs at the machine\'s cores, with a note', () => {
    const out = tmp();
    const r = shell(`pp seeds -o "${out}" -f json -j 64`);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`policy-parse: --jobs 64: using ${availableParallelism()}, the machine's cores\n`);
  });
});

describe('no command writes over a file it did not create', () => {
  it('never lets a document named index write over the run index: index.txt writes index.txt.json', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'index.txt'), readFileSync(seed));
    writeFileSync(join(dir, 'plan.txt'), readFileSync(seed));
    const out = join(dir, 'out');
    expect(shell(`pp "${dir}/index.txt" "${dir}/plan.txt" -o "${out}" -f json -q`).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.json', 'index.txt.json', 'plan.json']);
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).tool).toBe('policy-parse');
    expect(PolicyDocument.safeParse(JSON.parse(readFileSync(join(out, 'index.txt.json'), 'utf8'))).success).toBe(true);
    const check = shell(`pp "${dir}/index.txt" "${dir}/plan.txt" -o "${out}" -f json --check`);
    expect(check.stdout).toMatch(/^3 outputs up to date in /);
    expect(check.status).toBe(0);
  });

  it('report --html onto a document is refused and the document left as it was', () => {
    const out = tmp();
    expect(shell(`pp seeds -o "${out}" -f json -q`).status).toBe(0);
    const doc = join(out, '000_1cb452063da1e329.json');
    const before = readFileSync(doc, 'utf8');
    const r = shell(`pp report "${out}" --html "${doc}"`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`policy-parse: ${doc}: not a report policy-parse wrote; it is left alone (choose another --html)\n`);
    expect(readFileSync(doc, 'utf8')).toBe(before);
    // Its own page it may write again; truncated or foreign JSON beside the documents is named.
    const page = join(out, 'report.html');
    expect(shell(`pp report "${out}" --html "${page}"`).status).toBe(0);
    writeFileSync(join(out, 'truncated.json'), before.slice(0, 200));
    const again = shell(`pp report "${out}" --html "${page}"`);
    expect(again.status).toBe(1);
    expect(again.stdout).toBe(`wrote ${page} (5 documents)\n`);
    expect(again.stderr).toMatch(/^policy-parse: .+\/truncated\.json: skipped: not valid JSON \(.+\)\n$/);
  });
});

describe('no data is lost or corrupted: temporary files, signals, two runs at once', () => {
  /** A folder of `n` copies of a seed: a run long enough to be interrupted. */
  const corpus = (n: number) => {
    const dir = tmp();
    const text = readFileSync(seed);
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `d${String(i).padStart(3, '0')}.txt`), text);
    return dir;
  };
  /** Starts a run, waits until it has written `files` outputs, then sends `signal`. */
  const interrupt = (input: string, out: string, signal: NodeJS.Signals) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, input, '-o', out, '-f', 'json,csv,jsonl', '-q', '-j', '1'], { cwd: root });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const poll = setInterval(() => {
        let written = 0;
        try {
          written = readdirSync(out).filter((f) => f.endsWith('.json')).length;
        } catch {}
        if (written >= 20) {
          clearInterval(poll);
          child.kill(signal);
        }
      }, 20);
      child.on('exit', (code, sig) => {
        clearInterval(poll);
        resolve({ code: code ?? (sig === 'SIGKILL' ? 137 : null), stderr });
      });
    });
  const temps = (out: string) => (existsSync(out) ? readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)\.policy-parse/.test(f)) : []);

  it('removes its temporary files and lock on SIGINT, SIGTERM and SIGHUP', async () => {
    const input = corpus(300);
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const out = join(tmp(), 'out');
      const r = await interrupt(input, out, signal);
      expect(temps(out)).toEqual([]);
      // A child of a process that ignores SIGINT (a test runner, a shell's background job)
      // inherits that: it then runs to the end, whole.
      if (signal === 'SIGINT' && r.code === 0) {
        expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).documents).toHaveLength(300);
        continue;
      }
      expect(r.code).toBe(code);
      expect(r.stderr).toBe(`policy-parse: interrupted (${signal}); temporary files removed\n`);
    }
  }, 60_000);

  it('an interrupted --check leaves nothing in the temporary folder', async () => {
    const input = corpus(300);
    const out = join(tmp(), 'out');
    expect(shell(`pp "${input}" -o "${out}" -f json,csv,jsonl -q`).status).toBe(0);
    const temp = tmp();
    const child = spawn(process.execPath, [bin, input, '-o', out, '-f', 'json,csv,jsonl', '-q', '-j', '1', '--check'], { cwd: root, env: { ...process.env, TMPDIR: temp } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 500 && readdirSync(temp).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(temp)).toHaveLength(1); // its folder of run files being rebuilt
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);

  it('after a kill -9, the next run (or --check) names what was left and removes it', async () => {
    const input = corpus(300);
    const out = join(tmp(), 'out');
    expect((await interrupt(input, out, 'SIGKILL')).code).toBe(137);
    const left = temps(out);
    expect(left).toContain('.policy-parse.lock');
    expect(left.length).toBeGreaterThan(1);
    const check = shell(`pp "${input}" -o "${out}" -f json,csv,jsonl --check > /dev/null`);
    expect(check.status).toBe(1);
    expect(check.stderr.split('\n').filter(Boolean).sort()).toEqual(left.map((f) => `policy-parse: ${join(out, f)}: removed, left by an interrupted run`).sort());
    expect(temps(out)).toEqual([]);
  }, 60_000);

  it('refuses a second run into a folder another run is writing, naming it; the first completes whole', async () => {
    const input = corpus(150);
    const out = join(tmp(), 'out');
    const first = spawn(process.execPath, [bin, input, '-o', out, '-f', 'json,csv,jsonl', '-q', '-j', '1'], { cwd: root });
    const done = new Promise<number | null>((resolve) => first.on('exit', resolve));
    for (let i = 0; i < 200 && !temps(out).includes('.policy-parse.lock'); i++) await new Promise((r) => setTimeout(r, 10));
    const second = shell(`pp "${input}" -o "${out}" -f json,csv,jsonl -q`);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(`policy-parse: ${out}: another run (pid ${first.pid}) is writing here; wait for it or choose another --out\n`);
    expect(await done).toBe(0);
    expect(temps(out)).toEqual([]);
    const lines = readFileSync(join(out, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(150);
    for (const line of lines) expect(PolicyDocument.safeParse(JSON.parse(line)).success).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).documents).toHaveLength(150);
  }, 60_000);
});

describe('- means stdin or stdout everywhere', () => {
  it('-o - writes one document as JSON or YAML, several as JSON Lines, and refuses what cannot be a stream', () => {
    const one = shell(`pp "${seed}" -o - -q`);
    expect(one.status).toBe(0);
    expect(PolicyDocument.safeParse(JSON.parse(one.stdout)).success).toBe(true);
    expect(shell(`pp "${seed}" -o - -f yaml -q`).stdout).toMatch(/^schemaVersion: 1\n/);
    const many = shell('pp seeds -o - -f jsonl -q');
    expect(many.status).toBe(0);
    expect(many.stdout.trim().split('\n').map((l) => JSON.parse(l).source.path)).toHaveLength(5);
    for (const [flags, message] of [
      ['-f csv', '-f csv writes tables into a folder: give -o a folder'],
      ['-f json,yaml', '-f json,yaml: one format only goes to stdout (json, yaml or jsonl)'],
    ]) {
      const r = shell(`pp "${seed}" -o - ${flags}`);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`policy-parse: -o -: ${message}\n`);
    }
    const several = shell('pp seeds -o -');
    expect(several.status).toBe(2);
    expect(several.stderr).toBe('policy-parse: -o -: 5 documents as one json stream: use -f jsonl\n');
    expect(existsSync(join(root, '-'))).toBe(false);
  });

  it('- and --stdin-jsonl refuse a folder or a format they could not write, before reading stdin', () => {
    const out = join(tmp(), 'out');
    for (const [flags, message] of [
      [`- -o "${out}"`, `-: stdin's document goes to stdout, not into a folder: drop -o ${out}, or save the document to a file and parse that`],
      [`--stdin-jsonl -o "${out}"`, `--stdin-jsonl writes JSON Lines to stdout, not into a folder: drop -o ${out}`],
      ['- -f csv', '-: -f csv writes tables into a folder: save the document to a file and parse that with -o a folder'],
      ['- -f json,yaml', '-: -f json,yaml: one format only goes to stdout (json, yaml or jsonl)'],
      ['--stdin-jsonl -f yaml', '--stdin-jsonl writes JSON Lines, not yaml: drop -f yaml'],
      ['--stdin-jsonl -f json,csv', '--stdin-jsonl writes JSON Lines, not csv: drop -f json,csv'],
    ]) {
      const r = shell(`pp ${flags} < "${seed}"`);
      expect(r.status, flags).toBe(2);
      expect(r.stderr).toBe(`policy-parse: ${message}\n`);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(out)).toBe(false);
    // What they can write they write: one format asked for, and -o - (stdout by name).
    expect(shell(`pp - -f yaml -q < "${seed}"`).stdout).toMatch(/^schemaVersion: 1\n/);
    const line = shell(`pp - -f jsonl -q < "${seed}"`).stdout;
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line).source.path).toBe('-');
    expect(JSON.parse(shell(`pp - -o - -q < "${seed}"`).stdout).source.path).toBe('-');
    // JSON Lines are JSON: --stdin-jsonl takes -f json as it takes -f jsonl.
    const record = JSON.stringify({ path: 'a.txt', text: '一、总则' });
    for (const flags of ['-f json', '-f jsonl', '']) {
      const r = shell(`echo '${record}' | pp --stdin-jsonl ${flags}`);
      expect(r.status, flags).toBe(0);
      expect(JSON.parse(r.stdout).source.path).toBe('a.txt');
    }
  });

  it('report --html - writes the page to stdout', () => {
    const out = tmp();
    expect(shell(`pp seeds -o "${out}" -f json -q`).status).toBe(0);
    const r = shell(`pp report "${out}" --html -`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stderr).toBe('policy-parse: report of 5 documents written to stdout\n');
  });
});
