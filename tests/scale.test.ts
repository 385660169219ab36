// The command line at scale: worker threads (--jobs), CI checks (--check), sharding across
// machines (--shard), the streaming filter (--stdin-jsonl, alone and under GNU parallel)
// and several input folders. Every test asserts output, never timing (see scripts/bench.mjs).
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectInputs, shardOf } from '../bin/lib/batch.js';
import { InputListBuilder } from '../bin/lib/inputs.js';
import { parse } from '../src/index.js';
import { at, listDir, root } from './helpers.js';

const bin = at('bin/policy-parse');
const lawsDir = join(root, '..', 'shared', 'corpus', 'laws');
const hasLaws = existsSync(lawsDir);
const hasParallel = existsSync('/usr/bin/parallel');
/** spawnSync keeps 1 MB of output by default; a JSON Lines run over the corpus writes far more. */
const MAX_BUFFER = 512 * 1024 * 1024;

const run = (args: string[], input?: string | Buffer): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, NO_COLOR: '1' },
  });

/** The same, without blocking: runs that do not depend on each other can overlap. */
const runAsync = (args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });

const temps: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-parse-scale-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** How the CLI (run from the repository root) names a path in its output. */
const shown = (path: string): string => relative(root, path) || path;

/** Every file under `dir`, relative, sorted by code point (hidden temporaries included). */
/** A run's own files (index.json, one per shard): compared separately from the documents. */
const RUN_FILE = /^index(\.shard-\d+-of-\d+)?\.json$/;

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !(prefix === '' && RUN_FILE.test(e.name)))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every file under `dir` with its bytes. */
const contentsOf = (dir: string): Map<string, Buffer> => new Map(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f))]));

/** Every file under `dir` with its size and modification time: what "writes nothing" keeps. */
const statsOf = (dir: string): Record<string, string> =>
  Object.fromEntries(
    filesUnder(dir).map((f) => {
      const s = statSync(join(dir, f));
      return [f, `${s.size} ${s.mtimeMs}`];
    }),
  );

function expectSameTree(actual: string, expected: string): void {
  const a = contentsOf(actual);
  const e = contentsOf(expected);
  expect([...a.keys()]).toEqual([...e.keys()]);
  // One file at a time, so a failure names the file rather than dumping two maps.
  for (const [file, bytes] of e) expect({ file, same: a.get(file)?.equals(bytes) }).toEqual({ file, same: true });
}

const copy = (from: string, to: string): void => {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
};

/** The laws as paths relative to lawsDir, sorted by code point, each with its size. */
function laws(): Array<{ path: string; size: number }> {
  return filesUnder(lawsDir)
    .filter((p) => p.endsWith('.md'))
    .map((path) => ({ path, size: statSync(join(lawsDir, path)).size }));
}

/** `count` items spread evenly over `items`, in their order. */
const spread = <T>(items: readonly T[], count: number): T[] =>
  Array.from({ length: Math.min(count, items.length) }, (_, i) => items[Math.floor((i * items.length) / Math.min(count, items.length))] as T);

const SEED_NAMES = listDir('seeds');
const ENCODING_NAMES = listDir('fixtures/encodings');
const HTML_CASES = listDir('fixtures/html');

/** The 5 seeds, the encoding fixtures and the HTML fixtures (as <case>.html) under `dir`. */
function copyFixtures(dir: string): void {
  for (const name of SEED_NAMES) copy(at(`seeds/${name}`), join(dir, 'seeds', name));
  for (const name of ENCODING_NAMES) copy(at(`fixtures/encodings/${name}`), join(dir, 'encodings', name));
  for (const name of HTML_CASES) copy(at(`fixtures/html/${name}/input.html`), join(dir, 'html', `${name}.html`));
}

describe.skipIf(!hasLaws)('--jobs over the laws corpus', () => {
  it('writes byte-identical files, stdout and stderr with -j 1, 2, 3 and the default', async () => {
    const input = tmp();
    // The 8 largest laws (0.15–0.3 MB each) give workers long documents to work on (the
    // tests start workers for any batch: vitest.config.ts); 52 small ones, spread over the
    // corpus, vary the structure.
    const all = laws();
    const largest = [...all].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1)).slice(0, 8);
    const chosen = [...largest, ...spread(all.filter((l) => l.size < 8_000), 52)];
    for (const { path } of chosen) copy(join(lawsDir, path), join(input, 'laws', path));
    copyFixtures(input);

    const inputs = filesUnder(input);
    expect(inputs).toHaveLength(60 + SEED_NAMES.length + ENCODING_NAMES.length + HTML_CASES.length);
    const totalBytes = inputs.reduce((n, f) => n + statSync(join(input, f)).size, 0);
    expect(totalBytes).toBeGreaterThan(2 * 1024 * 1024);

    const variants: Array<[string, string[]]> = [
      ['j1', ['-j', '1']],
      ['j2', ['-j', '2']],
      ['j3', ['--jobs', '3']],
      ['default', []],
    ];
    // The four runs overlap (each writes its own folder): the test takes less time.
    const results = await Promise.all(
      variants.map(async ([name, flags]) => {
        const out = join(tmp(), name);
        const r = await runAsync([input, '-o', out, ...flags]);
        // The summary's last line names the output folder, the one thing that differs; a
        // --jobs above the machine's cores is noted on stderr, and then capped.
        const capped = /^policy-parse: --jobs \d+: using \d+, the machine's cores\n/;
        const jobs = Number(flags[1] ?? 0); // [-j|--jobs, n] or none
        if (jobs > availableParallelism()) expect(r.stderr).toMatch(capped);
        return { name, out, status: r.status, stdout: r.stdout.replaceAll(shown(out), 'OUT'), stderr: r.stderr.replace(capped, '') };
      }),
    );

    const [first, ...others] = results as [(typeof results)[number], ...typeof results];
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^document\s+title\s+sections\s+tasks\s+targets/);
    expect(first.stdout.endsWith(`\n${inputs.length} parsed, 0 failed → OUT/\n`)).toBe(true);
    expect(filesUnder(first.out)).toHaveLength(inputs.length * 2);
    // Warnings from several files: their order on stderr is asserted below.
    const warned = new Set(first.stderr.split('\n').filter((l) => l.includes(': warning: ')).map((l) => l.slice(0, l.search(/:\d+:\d+-/))));
    expect(warned.size).toBeGreaterThan(1);
    expect(filesUnder(join(first.out, 'laws')).length).toBe(120);
    for (const other of others) {
      expect({ name: other.name, status: other.status }).toEqual({ name: other.name, status: 0 });
      expect(other.stdout).toBe(first.stdout);
      expect(other.stderr).toBe(first.stderr);
      expectSameTree(other.out, first.out);
    }
  }, 120_000);
});

describe('the input list', () => {
  // Kept for the whole run, so it is compact (bin/lib/inputs.ts); each input must come back exactly.
  const cases: Array<{ path: string; stem: string; raw?: Uint8Array }> = [
    { path: join('laws', '宪法', '中华人民共和国宪法.md'), stem: join('宪法', '中华人民共和国宪法') },
    { path: join('laws', '宪法', '国旗法.md'), stem: join('宪法', '国旗法') },
    // Published twice: the stem keeps the extension, and is the whole of the path's end.
    { path: join('docs', 'plan.docx'), stem: join('docs', 'plan.docx') },
    // A stem whose end is not a start of its path's end, and one in no folder.
    { path: join('a', 'b', 'x.txt'), stem: join('other', 'y') },
    { path: 'single.txt', stem: 'single' },
    { path: join('odd', 'bad\uFFFDname.txt'), stem: join('odd', 'bad\uFFFDname'), raw: Uint8Array.from([0x6f, 0x64, 0x64, 0x2f, 0x62, 0x61, 0x64, 0xff]) },
    { path: '', stem: '' },
  ];

  it('gives back every path, stem and raw name as added, numbered in order', () => {
    const builder = new InputListBuilder();
    for (const c of cases) builder.add(c.path, c.stem, c.raw);
    const list = builder.done();
    expect(list.length).toBe(cases.length);
    expect([...list]).toEqual(cases.map((c, index) => ({ index, path: c.path, stem: c.stem, ...(c.raw ? { raw: c.raw } : {}) })));
    // A raw name is copied for each job: a job that changes it changes no other.
    const raw = list.at(5).raw as Uint8Array;
    raw[0] = 0;
    expect(list.at(5).raw?.[0]).toBe(0x6f);
  });

  it('filters, numbering what it keeps again from 0', () => {
    const builder = new InputListBuilder();
    for (const c of cases) builder.add(c.path, c.stem, c.raw);
    const kept = builder.done().filter((input) => input.index % 2 === 1);
    expect([...kept]).toEqual(cases.filter((_, i) => i % 2 === 1).map((c, index) => ({ index, path: c.path, stem: c.stem, ...(c.raw ? { raw: c.raw } : {}) })));
  });

  it('reads a folder given as dir/ by the paths it shows, keeping no bytes per file', () => {
    const dir = tmp();
    for (const name of ['a.txt', join('sub', 'b.md')]) copy(at(`seeds/${SEED_NAMES[0]}`), join(dir, name));
    const listed = (arg: string) => [...collectInputs([arg], [])];
    const plain = listed(dir);
    expect(plain.map(({ path, stem, raw }) => ({ path, stem, raw }))).toEqual([
      { path: join(dir, 'a.txt'), stem: 'a', raw: undefined },
      { path: join(dir, 'sub', 'b.md'), stem: join('sub', 'b'), raw: undefined },
    ]);
    expect(listed(`${dir}/`)).toEqual(plain);
    expect(listed(`${dir}//`)).toEqual(plain);
    // Through a `..`, a link could lead elsewhere than the shown path: each file is opened by its bytes.
    const through = listed(join(dir, 'sub') + '/../');
    expect(through.map(({ path, stem }) => ({ path, stem }))).toEqual(plain.map(({ path, stem }) => ({ path, stem })));
    expect(through.map(({ raw }) => Buffer.from(raw ?? []).toString())).toEqual([`${dir}/sub/..//a.txt`, `${dir}/sub/..//sub/b.md`]);
  });

  it('names paths and stems as path.join and path.relative would, odd names included', () => {
    const dir = tmp();
    const names = ['..md', '...md', 'a.b.txt', '.hidden.txt', 'x..txt', join('sub', '..txt'), join('sub', 'deeper', 'c.md'), join('.dot', 'd.md')];
    for (const name of names) copy(at(`seeds/${SEED_NAMES[0]}`), join(dir, name));
    const other = tmp();
    copy(at(`seeds/${SEED_NAMES[0]}`), join(other, 'e.txt'));
    const strip = (p: string) => p.slice(0, p.length - extname(p).length);
    const filesOf = (arg: string) => (arg === other ? ['e.txt'] : names);
    for (const args of [[dir], [`${dir}/`], [dir, other]]) {
      const prefix = (arg: string) => (args.length > 1 ? basename(resolve(arg)) : '');
      const expected = args.flatMap((arg) => filesOf(arg).map((name) => join(arg, name)).map((path) => ({ path, stem: join(prefix(arg), strip(relative(arg, path))) })));
      const listed = [...collectInputs(args, [])].map(({ path, stem }) => ({ path, stem }));
      const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
      expect(listed.sort(byPath)).toEqual(expected.sort(byPath));
    }
  });

  it.skipIf(!hasLaws)('holds the laws corpus as the folder walk found it', () => {
    const problems: string[] = [];
    const list = collectInputs([lawsDir], problems);
    expect(problems).toEqual([]);
    const expected = laws().map(({ path }) => ({ path: join(lawsDir, path), stem: path.slice(0, -'.md'.length) }));
    expect([...list].map(({ path, stem }) => ({ path, stem }))).toEqual(expected);
  });
});

describe('--check', () => {
  it('passes an up-to-date folder, lists stale, missing and extra outputs, and writes nothing', () => {
    const out = tmp();
    expect(run(['seeds/', '-o', out, '-q']).status).toBe(0);
    const seedStems = SEED_NAMES.map((n) => n.replace(/\.txt$/, ''));

    const ok = run(['seeds/', '-o', out, '--check']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(`11 outputs up to date in ${shown(out)}/\n`); // 10 documents and index.json

    const stale = join(out, `${seedStems[1]}.json`);
    const missing = join(out, `${seedStems[2]}.yaml`);
    const extra = join(out, 'ghost.json');
    writeFileSync(stale, readFileSync(stale, 'utf8').replace('"schemaVersion"', '"schemaVersion" '));
    unlinkSync(missing);
    writeFileSync(extra, '{}\n');
    writeFileSync(join(out, 'notes.txt'), 'not an output: never reported\n');
    const before = statsOf(out);

    const expected = [
      `stale: ${shown(stale)}`,
      `missing: ${shown(missing)}`,
      `extra: ${shown(extra)}`,
      `1 stale, 1 missing, 1 extra, 0 failed: run without --check to update ${shown(out)}/`,
      '',
    ].join('\n');
    const bad = run(['seeds/', '-o', out, '--check']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe(expected);
    // On worker threads the comparison happens there: the same report.
    const onWorkers = run(['seeds/', '-o', out, '--check', '-j', '2', '-q']);
    expect(onWorkers.status).toBe(1);
    expect(onWorkers.stdout).toBe(expected);
    expect(statsOf(out)).toEqual(before);
    expect(existsSync(missing)).toBe(false);

    // No output folder at all: everything missing, and the folder is not created.
    const absent = join(tmp(), 'not-yet');
    const none = run(['seeds/', '-o', absent, '--check', '-f', 'json', '-q']);
    expect(none.status).toBe(1);
    expect(none.stdout.trim().split('\n')).toEqual([
      ...seedStems.map((s) => `missing: ${shown(join(absent, `${s}.json`))}`),
      `missing: ${shown(join(absent, 'index.json'))}`,
      `0 stale, 6 missing, 0 extra, 0 failed: run without --check to update ${shown(absent)}/`,
    ]);
    expect(existsSync(absent)).toBe(false);
  });
});

describe('--shard', () => {
  const inputs = ['seeds/', 'fixtures/encodings/'];
  // Two folders given: each one's outputs go under its own name.
  const stems = [...SEED_NAMES.map((n) => `seeds/${n.replace(/\.txt$/, '')}`), ...ENCODING_NAMES.map((n) => `encodings/${n.replace(/\.txt$/, '')}`)];
  /** The stems in a summary table: the first column of each row. */
  const rowsOf = (stdout: string): string[] =>
    stdout
      .split('\n')
      .slice(1, -2)
      .map((line) => line.split(' ')[0] as string);

  it('puts every input in exactly one of n shards, which together give the full run', () => {
    const full = tmp();
    const fullRun = run([...inputs, '-o', full, '-f', 'json']);
    expect(fullRun.status).toBe(0);
    expect(rowsOf(fullRun.stdout)).toEqual(stems);

    const sharded = tmp();
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const r = run([...inputs, '-o', sharded, '-f', 'json', '--shard', `${i}/3`]);
      expect(r.status).toBe(0);
      const rows = r.stdout ? rowsOf(r.stdout) : [];
      expect(rows).toEqual(stems.filter((s) => shardOf(s, 3) === i - 1));
      seen.push(...rows);
    }
    expect([...seen].sort()).toEqual([...stems].sort());
    expectSameTree(sharded, full);
  });

  it('--check --shard i/n checks only its share: an up-to-date folder passes on every shard', () => {
    const out = tmp();
    expect(run([...inputs, '-o', out, '-f', 'json', '-q']).status).toBe(0);
    const results = [1, 2, 3].map((i) => {
      const r = run([...inputs, '-o', out, '-f', 'json', '--check', '--shard', `${i}/3`, '-q']);
      return { shard: i, status: r.status, stdout: r.stdout };
    });
    expect(results).toEqual(
      [1, 2, 3].map((i) => ({
        shard: i,
        status: 0,
        stdout: `${stems.filter((s) => shardOf(s, 3) === i - 1).length} outputs up to date in ${shown(out)}/\n`,
      })),
    );
  });

  it('shardOf is 32-bit FNV-1a of the stem: deterministic and in range', () => {
    // FNV-1a test vectors: offset basis for "", 0xe40c292c for "a", 0xbf9cf968 for "foobar".
    expect(shardOf('', 2 ** 32)).toBe(0x811c9dc5);
    expect(shardOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(shardOf('foobar', 2 ** 32)).toBe(0xbf9cf968);
    for (const stem of [...stems, '司法解释/刑法', 'a/b/c']) {
      for (let count = 1; count <= 10; count++) {
        const shard = shardOf(stem, count);
        expect(shard).toBe(shardOf(stem, count));
        expect(Number.isInteger(shard) && shard >= 0 && shard < count).toBe(true);
      }
      expect(shardOf(stem, 1)).toBe(0);
    }
  });

  it.each(['0/3', '4/3', 'x', '1/0', '2/', '-1/3'])('refuses --shard %s with one line, exit 2', (value) => {
    const out = join(tmp(), 'out');
    const r = run(['seeds/', '-o', out, `--shard=${value}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`policy-parse: --shard needs i/n with 1 ≤ i ≤ n, like 2/8, not "${value}"\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('--stdin-jsonl', () => {
  it('writes one document or error per record, in input order, and exits 0', () => {
    const seedPath = `seeds/${SEED_NAMES[1]}`;
    const seedText = readFileSync(at(seedPath), 'utf8');
    const gbPath = 'fixtures/encodings/002.gb18030.txt';
    const gbBytes = readFileSync(at(gbPath));
    const input = [
      JSON.stringify({ path: seedPath, text: seedText }),
      JSON.stringify({ path: gbPath, base64: gbBytes.toString('base64') }),
      JSON.stringify({ path: 'empty.txt', text: '' }),
      '{"path": "broken.txt", "text": "一、总体要求',
      JSON.stringify({ path: 'nothing.txt' }),
    ].join('\n');
    const r = run(['--stdin-jsonl'], `${input}\n`);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = r.stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(5);

    const fromText = parse(Buffer.from(seedText), { path: seedPath });
    const fromGb = parse(gbBytes, { path: gbPath });
    expect(fromGb.source.encoding).toBe('gb18030');
    expect(JSON.parse(lines[0] as string)).toEqual(JSON.parse(JSON.stringify(fromText)));
    expect(JSON.parse(lines[1] as string)).toEqual(JSON.parse(JSON.stringify(fromGb)));
    // Compact: one line each, exactly what JSON.stringify gives.
    expect(lines[0]).toBe(JSON.stringify(fromText));
    expect(lines[1]).toBe(JSON.stringify(fromGb));
    expect(lines.slice(2).map((l) => JSON.parse(l))).toEqual([
      { path: 'empty.txt', error: 'empty file' },
      { path: null, error: 'input line 4: not valid JSON' },
      { path: 'nothing.txt', error: 'input line 5: needs "text" or "base64"' },
    ]);
  });

  it('refuses binary records, skips blank lines and counts them in line numbers', () => {
    const input = [
      JSON.stringify({ path: 'blob.bin', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]).toString('base64') }),
      '',
      JSON.stringify({ text: '一、总体要求\n' }),
      'null',
    ].join('\r\n');
    const r = run(['--stdin-jsonl'], input);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] as string)).toEqual({ path: 'blob.bin', error: 'binary file: contains NUL bytes (UTF-16 needs a byte-order mark, or --encoding)' });
    expect(JSON.parse(lines[1] as string)).toEqual(JSON.parse(JSON.stringify(parse(Buffer.from('一、总体要求\n'), { path: 'line-3' }))));
    expect(JSON.parse(lines[2] as string)).toEqual({ path: null, error: 'input line 4: needs "text" or "base64"' });
  });
});

describe.skipIf(!hasParallel)('--stdin-jsonl under GNU parallel', () => {
  it('gives byte-for-byte the output of a single run', () => {
    // 200 records: small laws spread over the corpus, else the seeds under distinct paths.
    const records: Array<{ path: string; bytes: Buffer }> = hasLaws
      ? spread(
          laws().filter((l) => l.size < 12_000),
          200,
        ).map(({ path }) => ({ path: `laws/${path}`, bytes: readFileSync(join(lawsDir, path)) }))
      : Array.from({ length: 200 }, (_, i) => {
          const name = SEED_NAMES[i % SEED_NAMES.length] as string;
          return { path: `copy-${String(Math.floor(i / SEED_NAMES.length)).padStart(2, '0')}/${name}`, bytes: readFileSync(at(`seeds/${name}`)) };
        });
    expect(records).toHaveLength(200);
    // Every fifth record as raw bytes, the rest as text.
    const jsonl = `${records.map(({ path, bytes }, i) => JSON.stringify(i % 5 === 4 ? { path, base64: bytes.toString('base64') } : { path, text: bytes.toString('utf8') })).join('\n')}\n`;
    const file = join(tmp(), 'corpus.jsonl');
    writeFileSync(file, jsonl);
    const input = readFileSync(file);

    const single = run(['--stdin-jsonl'], input);
    expect(single.status).toBe(0);
    const lines = single.stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(200);
    const docs = lines.map((l) => JSON.parse(l) as { path: string; error?: string; source?: { path: string } });
    expect(docs.map((d) => d.error)).toEqual(records.map(() => undefined));
    expect(docs.map((d) => d.source?.path)).toEqual(records.map((r) => r.path));

    const parallel = (command: string[]) =>
      spawnSync('/usr/bin/parallel', ['--will-cite', '--pipe', '-N', '20', '-j', '3', '--keep-order', ...command], {
        cwd: root,
        input,
        encoding: 'utf8',
        maxBuffer: MAX_BUFFER,
        env: { ...process.env, NO_COLOR: '1' },
      });
    // Not vacuous: parallel really hands out 10 chunks of 20 records.
    const chunks = parallel(['wc', '-l']);
    expect(chunks.status).toBe(0);
    expect(chunks.stdout.trim().split('\n').map((l) => l.trim())).toEqual(Array(10).fill('20'));

    const split = parallel([process.execPath, bin, '--stdin-jsonl']);
    expect(split.stderr).toBe('');
    expect(split.status).toBe(0);
    expect(split.stdout.length).toBe(single.stdout.length);
    expect(split.stdout === single.stdout).toBe(true);
  }, 60_000);
});

describe('several inputs', () => {
  const plan = (title: string) => `一、${title}\n（一）指导思想。坚持质量第一。\n`;

  it('puts each folder under its own name, and a single folder mirrors itself', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'A'));
    writeFileSync(join(dir, 'A', 'plan.txt'), plan('总体要求'));
    mkdirSync(join(dir, 'B'));
    writeFileSync(join(dir, 'B', 'plan.txt'), plan('主要任务'));
    const out = tmp();
    const r = run([join(dir, 'A'), join(dir, 'B'), '-o', out, '-f', 'json', '-q']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(filesUnder(out)).toEqual([join('A', 'plan.json'), join('B', 'plan.json')]);
    const titleOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')).sections[0].title;
    expect(titleOf(join(out, 'A', 'plan.json'))).toBe('总体要求');
    expect(titleOf(join(out, 'B', 'plan.json'))).toBe('主要任务');

    const single = tmp();
    expect(run([join(dir, 'A'), '-o', single, '-f', 'json', '-q']).status).toBe(0);
    expect(filesUnder(single)).toEqual(['plan.json']);
  });

  it('refuses an output that would overwrite an input named like one (a.json), and writes the others', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.json'), plan('总体要求'));
    writeFileSync(join(dir, 'b.txt'), plan('主要任务'));
    const r = run([join(dir, 'a.json'), join(dir, 'b.txt'), '-o', dir, '-f', 'json', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`policy-parse: ${join(dir, 'a.json')}: output ${join(dir, 'a.json')} would overwrite an input; choose another --out\n`);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(plan('总体要求'));
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).sections[0].title).toBe('主要任务');
  });

  it('keeps the extension in the output names of one document published in two formats', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.txt'), plan('总体要求'));
    writeFileSync(join(dir, 'plan.md'), plan('主要任务'));
    writeFileSync(join(dir, 'other.txt'), plan('保障措施'));
    const out = tmp();
    const r = run([dir, '-o', out, '-f', 'json', '-q']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(filesUnder(out)).toEqual(['other.json', 'plan.md.json', 'plan.txt.json']);
    expect(JSON.parse(readFileSync(join(out, 'plan.md.json'), 'utf8')).source.path).toBe(join(dir, 'plan.md'));
  });

  it('refuses a second input whose output would overwrite the first, and writes the first', () => {
    const dir = tmp();
    for (const [folder, title] of [
      ['A', '总体要求'],
      ['B', '主要任务'],
    ] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'plan.txt'), plan(title));
    }
    const [a, b] = [join(dir, 'A', 'plan.txt'), join(dir, 'B', 'plan.txt')];
    const out = tmp();
    const r = run([a, b, '-o', out, '-f', 'json', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`policy-parse: ${b}: its output would overwrite that of ${a}; give it another name or folder\n`);
    expect(filesUnder(out)).toEqual(['plan.json']);
    expect(JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')).source.path).toBe(a);

    // Two folders of the same name: the second one's plan.txt would land on the first's.
    mkdirSync(join(dir, 'x', 'docs'), { recursive: true });
    mkdirSync(join(dir, 'y', 'docs'), { recursive: true });
    writeFileSync(join(dir, 'x', 'docs', 'plan.txt'), plan('总体要求'));
    writeFileSync(join(dir, 'y', 'docs', 'plan.txt'), plan('主要任务'));
    const out2 = tmp();
    const twin = run([join(dir, 'x', 'docs'), join(dir, 'y', 'docs'), '-o', out2, '-f', 'json', '-q']);
    expect(twin.status).toBe(1);
    expect(twin.stderr).toBe(
      `policy-parse: ${join(dir, 'y', 'docs', 'plan.txt')}: its output would overwrite that of ${join(dir, 'x', 'docs', 'plan.txt')}; give it another name or folder\n`,
    );
    expect(filesUnder(out2)).toEqual([join('docs', 'plan.json')]);
    expect(JSON.parse(readFileSync(join(out2, 'docs', 'plan.json'), 'utf8')).source.path).toBe(join(dir, 'x', 'docs', 'plan.txt'));
  });
});

// A terminal for stderr: util-linux `script` runs the CLI on a pseudo-terminal.
describe.skipIf(!existsSync('/usr/bin/script'))('progress bar', () => {
  const onTerminal = (args: string) =>
    spawnSync('script', ['-qec', `${process.execPath} ${bin} ${args}`, '/dev/null'], { cwd: root, encoding: 'utf8' }).stdout;

  it('draws files done, MB/s and ETA on a terminal, and clears itself', () => {
    const shown = onTerminal(`seeds/ fixtures/encodings/ -o ${tmp()} -f json -j 1`);
    expect(shown).toMatch(/\[[█░]{20}\] \d+\/13 files {2}\d+\.\d MB\/s {2}ETA \d+:\d\d/);
    expect(shown).toContain('\u001b[2K');
    expect(shown).toMatch(/13 parsed, 0 failed/);
  });

  it('is silent with --quiet, and when stderr is not a terminal', () => {
    expect(onTerminal(`seeds/ fixtures/encodings/ -o ${tmp()} -f json -q`)).not.toContain('files  ');
    const piped = run(['seeds/', 'fixtures/encodings/', '-o', tmp(), '-f', 'json']);
    expect(piped.stderr).not.toContain('█');
    expect(piped.stderr).not.toContain('\u001b[2K');
  });
});
