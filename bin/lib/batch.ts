// The parse command over many files: collect inputs (folders recursively, in a stable
// order), keep this shard's share, run the jobs on worker threads, and report in input
// order whatever order they finish in, so output, stderr and the summary are the same
// for any --jobs. At most a few jobs per worker are in flight: memory stays flat however
// large the corpus.
import { accessSync, constants, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { availableParallelism } from 'node:os';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { parseWithFileAsync } from '../../src/api.js';
import { importModule } from '../../src/read/import-module.js';
import { type JobInput, type JobOptions, type JobResult, WORKER_READY, formatMessage, parseSettings, readBounded, reason, runJob } from './job.js';
import { type FileFormat, type Format, isFileFormat, prepareFormats, serialise } from './output.js';
import { InputList, InputListBuilder } from './inputs.js';
import { RunOutputs } from './run-outputs.js';
import { guardSignals, isAlive, orphanedTemps, register, release, sweepOnSignal } from './cleanup.js';
import { Progress } from './progress.js';
import { STDIN, readStdin } from './stdin.js';
import { THREAD_MB } from './limits.js';
import { setThreadsV8Flags } from './v8-flags.js';
import { columns, pad } from './terminal.js';
import { stdout } from './stdout.js';

/** Read from folders (and named on the command line). Pages are told by content, so .shtml (server-side includes, common on provincial sites) and .xhtml are pages too; Word documents and PDFs are read asynchronously. */
export const INPUT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.shtml', '.xhtml', '.docx', '.pdf']);

export interface BatchOptions {
  out: string;
  format: Format[];
  quiet: boolean;
  /** false with --no-warnings: the summary without the per-document warnings. */
  warnings?: boolean;
  /** `full`: every document in the summary table, however many. */
  summary?: 'auto' | 'full';
  /** Recorded in index.json. */
  version: string;
  encoding?: string;
  maxSize: number;
  jobs?: number;
  check: boolean;
  shard?: Shard;
  /** Write `explain` (why each quantity is or is not a target) into every document. */
  explain?: boolean;
  /** From the config file: department aliases and furniture patterns (parse options), more extensions for folders. */
  aliases?: Readonly<Record<string, string>>;
  furniture?: readonly string[];
  extensions?: readonly string[];
  /** The config file used (as shown), recorded in index.json and named in the summary. */
  config?: string;
}

export interface Shard {
  index: number;
  count: number;
}

/** Jobs in flight per worker: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT = 4;
/** Documents started ahead in a thread: a DOCX or PDF is read asynchronously meanwhile. */
const AHEAD = 4;
/**
 * One thread lets the event loop in (a signal is handled then) once this many milliseconds
 * have passed since it last did, after the document it is on: not after every document, each
 * turn of the loop a system call and libuv's phases (3,472 of them over the laws corpus).
 */
const YIELD_MS = 10;
/**
 * Milliseconds on a monotonic clock (a wall clock set back would hold the next turn off):
 * process.uptime()'s, since `performance`, the global, loads perf_hooks and nine modules of
 * Node's own when first read, 3 ms of every run.
 */
const elapsedMs = (): number => process.uptime() * 1000;
/**
 * Input for each thread beyond the first: a worker must have this much to parse to pay for
 * its start (a compile of the whole parser, then its first, slow documents). On 2 cores one
 * thread keeps about 1.4 cores busy, V8 optimising the hot functions on its own threads, and
 * a worker paid that again: until a batch on several threads raised V8's tiering budget
 * (bin/lib/v8-flags.ts, THREADS_V8_FLAGS), two threads forced ran 6.3 MB of Traditional text
 * 0.98× as fast as one, a quarter of the laws (16 MB) 0.92×, and this was 48 MB. Since then
 * (2026-12-04, two threads forced against one, output on tmpfs, medians of the per-round ratios
 * of 8–10 alternating rounds; 6 for the whole laws; MB of 2^20 bytes, as the bench's): the laws
 * corpus (55 MB) 1.15× (three benches, default against --jobs 1 in 3 rounds each: 1.03–1.15×), a
 * quarter of it (14 MB) 1.07×, an eighth (7 MB) 1.03× (faster in 8 of 8), a sixteenth (3.4 MB)
 * 1.05× (7 of 10); the policies corpus (6.6 MB, pages and text) 1.18×, its OCR'd texts (3.4 MB)
 * 1.12×, the Taiwan statutes (17 MB) 1.05×; Traditional text 5.6 MB 1.09× (10 of 10), 2.8 MB
 * 1.06× (7 of 8), 1.4 MB 0.95× (1 of 10); the round-trip set (2.7 MB, both scripts) and the
 * work reports (2.5 MB) 1.00× and 0.99× (4 of 8 each). The default against --jobs 1 with this
 * value: gov.cn pages (5.0 MB with their metadata files) 1.08× (10 of 10), 18 PDFs (4.7 MB)
 * 1.21× (8 of 8). A second thread breaks even at about 2.7 MB; 4 MB (THREAD_MB) is past it for
 * every kind measured.
 */
const BYTES_PER_THREAD = threadShare(process.env.POLICY_PARSE_THREAD_MB) ?? THREAD_MB * 1024 * 1024;
/**
 * POLICY_PARSE_THREAD_MB, for measuring (npm run bench): the input in MB per thread beyond
 * the first, instead of BYTES_PER_THREAD; 0 starts every thread --jobs allows. Anything that
 * is not a number of 0 or more is ignored.
 */
function threadShare(value: string | undefined): number | undefined {
  const mb = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(mb) && mb >= 0 ? mb * 1024 * 1024 : undefined;
}
/**
 * For the tests (vitest.config.ts): workers for a batch of any size, sent jobs before they are
 * ready, so that every run with -j 2 or more puts documents through a worker.
 */
const TEST_WORKERS = process.env.POLICY_PARSE_TEST_WORKERS === '1';
/** Output stems the run index takes (run-outputs.ts): index, index.shard-2-of-8. */
const RUN_INDEX_STEM = /^index(\.shard-\d+-of-\d+)?$/i;
/** Rows of the summary table for a big run (`--summary full` lists every document). */
const SUMMARY_ROWS = 50;
/** One run at a time writes an output folder: the second is refused, naming the first. */
const LOCK = '.policy-parse.lock';

/**
 * Files to parse, in a stable order; folders are searched recursively. With one folder its
 * outputs mirror it (seeds/a.txt → out/a.json); with several, each folder's outputs go under
 * its own name (out/seeds/a.json), so two folders' a.txt never meet.
 */
export function collectInputs(args: readonly string[], problems: string[], extraExtensions: readonly string[] = []): InputList {
  const extensions = new Set([...INPUT_EXTENSIONS, ...extraExtensions]);
  const found: Array<{ path: string; stem: string }> = [];
  for (const arg of args) {
    let isFolder: boolean;
    try {
      isFolder = statSync(arg).isDirectory();
    } catch {
      problems.push(`${arg}: no such file or folder`);
      continue;
    }
    if (!isFolder) {
      found.push({ path: arg, stem: stripExtension(basename(arg)) });
      continue;
    }
    const paths = walk(arg, (message) => problems.push(message)).filter((p) => extensions.has(extname(p).toLowerCase()));
    if (!paths.length) problems.push(`${arg}: folder holds no documents (${[...extensions].join(', ')})`);
    const prefix = args.length > 1 ? basename(resolve(arg)) : '';
    // The walk writes every path as the folder's start and the path below it (seeds/ →
    // seeds/a.txt): what follows the start is the path relative to the folder.
    const start = folderStart(arg).length;
    for (const path of paths) found.push({ path, stem: stemOf(prefix, path.slice(start)) });
  }
  // One document published twice (plan.docx and plan.pdf, plan.html and plan.pdf): each
  // keeps its extension in its output's name (plan.docx.json, plan.pdf.json).
  const firstExtension = new Map<string, string>();
  const published = new Set<string>();
  for (const { path, stem } of found) {
    const extension = extname(path);
    const first = firstExtension.get(stem);
    if (first === undefined) firstExtension.set(stem, extension);
    else if (first !== extension) published.add(stem);
  }
  const inputs = new InputListBuilder();
  const seen = new Map<string, string>();
  for (const { path, stem: plain } of found) {
    let stem = published.has(plain) ? `${plain}${extname(path)}` : plain;
    // The run's own index (index.json, index.shard-1-of-2.json) is never a document's output:
    // an input index.txt writes index.txt.json.
    if (RUN_INDEX_STEM.test(stem)) stem = `${stem}${extname(path)}`;
    const earlier = seen.get(stem);
    if (earlier !== undefined) {
      problems.push(`${path}: its output would overwrite that of ${earlier}; give it another name or folder`);
      continue;
    }
    seen.set(stem, path);
    inputs.add(path, stem, RAW_PATHS.get(path));
  }
  return inputs.done();
}

/**
 * Files whose names are not UTF-8 (bad\xffname.txt, from an old archive): the name shown is
 * decoded with U+FFFD for the bad bytes, and the file is opened by its bytes.
 */
export const RAW_PATHS = new Map<string, Buffer>();

/**
 * The files under a folder, in name order. A symbolic link is followed (to a file, or to a
 * folder not already on the way down: a loop is reported once); a broken link, or anything
 * that is not a regular file (a FIFO, a device), is reported through `problem`, never
 * skipped without a word. Names that are not UTF-8 are read too (RAW_PATHS).
 */
export function walk(dir: string, problem: (message: string) => void = () => {}): string[] {
  return walkRaw(Buffer.from(dir), folderStart(dir), dir.split(sep).includes('..'), problem, new Set([realKey(Buffer.from(dir))]));
}

/** A folder's real path, as a key that keeps every byte. */
function realKey(path: Buffer): string {
  return realpathSync.native(path, { encoding: 'buffer' }).toString('latin1');
}

/**
 * `dir` is the folder's bytes as given, `start` what join(folder, name) puts before each name
 * in it (seeds/ → "seeds/"). A path is `start` and the name: what join would write, without
 * its normalising per file (and the strings that leaves behind). Paths below are opened by
 * their bytes (RAW_PATHS) only where the shown path would not open the same file: below a
 * name that is not UTF-8, or below a folder given with a `..` (a link before it makes `a/..`
 * lead elsewhere than `join` says). A folder given as `seeds/` or `./seeds` is read by the
 * shown paths: a batch of 100,000 files keeps no bytes per file.
 */
function walkRaw(dir: Buffer, start: string, byBytes: boolean, problem: (message: string) => void, ancestors: ReadonlySet<string>): string[] {
  const entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }).sort((a, b) => Buffer.compare(a.name, b.name));
  return entries.flatMap((e) => {
    const path = start + e.name.toString('utf8');
    const below = byBytes || !isUtf8(e.name);
    if (e.isFile() && !below) return [path];
    const raw = Buffer.concat([dir, Buffer.from(sep), e.name]);
    if (below) RAW_PATHS.set(path, raw);
    if (e.isDirectory()) return walkRaw(raw, path + sep, below, problem, new Set([...ancestors, realKey(raw)]));
    if (e.isFile()) return [path];
    if (e.isSymbolicLink()) {
      let target: Buffer;
      try {
        target = realpathSync.native(raw, { encoding: 'buffer' });
      } catch {
        problem(`${path}: broken link, skipped`);
        return [];
      }
      const stats = statSync(target);
      if (stats.isFile()) return [path];
      if (stats.isDirectory()) {
        const key = target.toString('latin1');
        if (ancestors.has(key)) {
          problem(`${path}: link back to a folder it is in, skipped`);
          return [];
        }
        return walkRaw(raw, path + sep, below, problem, new Set([...ancestors, key]));
      }
    }
    problem(`${path}: not a regular file, skipped`);
    return [];
  });
}

function stripExtension(path: string): string {
  return path.slice(0, path.length - extname(path).length);
}

/** What join(dir, name) puts before a name: seeds/ → "seeds/", . → "", / → "/". */
function folderStart(dir: string): string {
  return join(dir, 'x').slice(0, -1);
}

/**
 * An input's output stem: join(prefix, its path relative to its folder, without extension).
 * The relative path is already as join writes it, so the join is needed only where the
 * extension leaves a last part of `.` or `..` (a file named ..md), which it would fold.
 */
function stemOf(prefix: string, relativePath: string): string {
  const bare = stripExtension(relativePath);
  const last = bare.slice(bare.lastIndexOf(sep) + 1);
  if (last === '' || last === '.' || last === '..') return join(prefix, bare);
  return prefix === '' ? bare : `${prefix}${sep}${bare}`;
}

/** Whether documents' warnings are printed: not with -q, not with --no-warnings. */
function showWarnings(options: { quiet: boolean; warnings?: boolean }): boolean {
  return !options.quiet && options.warnings !== false;
}

/** FNV-1a of the output stem: the same file lands in the same shard on every machine. */
export function shardOf(stem: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(stem.split(sep).join('/'))) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash % count;
}

export async function runBatch(args: string[], options: BatchOptions): Promise<number> {
  const problems: string[] = [];
  let inputs = collectInputs(args, problems, options.extensions);
  if (options.shard) {
    const { index, count } = options.shard;
    inputs = inputs.filter((input) => shardOf(input.stem, count) === index - 1);
  }
  for (const p of problems) process.stderr.write(`policy-parse: ${p}\n`);

  const outDir = resolve(options.out);
  guardSignals();
  // Temporary files, and the lock, of a run that was killed outright: named, and removed.
  const leftovers = [...orphanedTemps(outDir), ...staleLock(outDir)];
  for (const path of leftovers) {
    rmSync(path, { force: true });
    process.stderr.write(`policy-parse: ${path}: removed, left by an interrupted run\n`);
  }
  if (options.check) return runIn(inputs, problems, outDir, options, leftovers.length);
  const unusable = outFolderProblem(outDir);
  if (unusable) {
    process.stderr.write(`policy-parse: ${options.out}: ${unusable}\n`);
    return 2;
  }
  const lock = takeLock(outDir);
  if (lock.holder !== undefined) {
    process.stderr.write(`policy-parse: ${options.out}: another run (pid ${lock.holder}) is writing here; wait for it or choose another --out\n`);
    return 2;
  }
  sweepOnSignal(outDir);
  try {
    return await runIn(inputs, problems, outDir, options, 0);
  } finally {
    rmSync(lock.path, { force: true });
    release(lock.path);
  }
}

/**
 * The output folder's lock: taken (a file holding this pid, made exclusively), or the pid of
 * the live run that holds it. A lock whose run is gone is taken over.
 */
function takeLock(outDir: string): { path: string; holder?: number } {
  const path = join(outDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      register(path);
      return { path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) return { path, holder };
      rmSync(path, { force: true });
    }
  }
  throw new Error(`${path}: cannot take the lock`);
}

/** The output folder's lock, when the run that took it is gone. */
function staleLock(outDir: string): string[] {
  const path = join(outDir, LOCK);
  let holder: number;
  try {
    holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    return [];
  }
  return Number.isInteger(holder) && isAlive(holder) ? [] : [path];
}

async function runIn(inputs: InputList, problems: string[], outDir: string, options: BatchOptions, leftovers: number): Promise<number> {
  const fileFormats = options.format.filter(isFileFormat);
  const jobOptions: JobOptions = {
    outDir,
    formats: fileFormats,
    tables: options.format.includes('csv'),
    jsonl: options.format.includes('jsonl'),
    encoding: options.encoding,
    explain: options.explain === true,
    ...parseSettings(options),
    maxBytes: options.maxSize * 1024 * 1024,
    check: options.check,
    inputPaths: namedLikeOutputs(inputs, fileFormats),
  };
  // The input's size, for the progress bar's MB/s and ETA: read (a stat per file) only for it.
  const totalBytes = !options.quiet && process.stderr.isTTY && inputs.length > 1 ? bytesOf(inputs) : undefined;
  const progress = totalBytes === undefined ? undefined : new Progress(inputs.length, totalBytes);

  const runOutputs = new RunOutputs({
    outDir,
    csv: jobOptions.tables,
    jsonl: jobOptions.jsonl,
    check: options.check,
    version: options.version,
    // Shards writing into one folder each keep their own run files.
    suffix: options.shard ? `.shard-${options.shard.index}-of-${options.shard.count}` : '',
    config: options.config,
  });
  // The summary's rows: every one when all are listed, else only those it lists (documents
  // with messages, at most SUMMARY_ROWS), so a big run keeps no row per document.
  const listsAll = options.summary === 'full' || inputs.length <= SUMMARY_ROWS;
  const rows: string[][] = [];
  let parsed = 0;
  const stale: string[] = [];
  const missing: string[] = [];
  let failed = problems.length;
  const report = (result: JobResult) => {
    progress?.clear();
    if (result.ok) {
      parsed++;
      if (!options.quiet && (listsAll || (result.row[6] !== '0' && rows.length < SUMMARY_ROWS))) rows.push(result.row);
      runOutputs.add(result.manifest, result.tables, result.jsonl);
      stale.push(...result.stale);
      missing.push(...result.missing);
      if (showWarnings(options)) for (const m of result.messages) process.stderr.write(`${m}\n`);
    } else {
      failed++;
      const { path } = inputs.at(result.index);
      runOutputs.fail(path, result.error);
      process.stderr.write(`policy-parse: ${path}: ${result.error}\n`);
    }
    progress?.advance(result.bytes);
  };

  const jobs = workerCount(options.jobs, inputs, totalBytes);
  // More threads than cores only add compiles and contention.
  if (options.jobs !== undefined && options.jobs > availableParallelism() && !options.quiet) {
    process.stderr.write(`policy-parse: --jobs ${options.jobs}: using ${availableParallelism()}, the machine's cores\n`);
  }
  try {
    if (jobs <= 1) {
      await prepareFormats(fileFormats);
      // A few jobs in flight: a DOCX or PDF is read asynchronously while the next documents are parsed.
      const pending = new Map<number, Promise<JobResult>>();
      let next = 0;
      let yielded = elapsedMs();
      for (let reported = 0; reported < inputs.length; reported++) {
        while (next < inputs.length && next - reported < AHEAD) {
          pending.set(next, runJob(inputs.at(next), jobOptions));
          next++;
        }
        const result = await pending.get(reported);
        pending.delete(reported);
        if (result) report(result);
        // Let the event loop in between documents: a signal is handled now, not at the end.
        if (elapsedMs() - yielded >= YIELD_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          yielded = elapsedMs();
        }
      }
    } else await runOnWorkers(inputs, jobOptions, jobs, report);
  } catch (error) {
    runOutputs.abort();
    throw error;
  }
  progress?.done();
  // A shard checks its documents only: the run files in --out may come from a full run.
  const checkRunFiles = !(options.check && options.shard);
  let run: { stale: string[]; missing: string[] };
  try {
    run = checkRunFiles ? runOutputs.finish() : (runOutputs.abort(), { stale: [], missing: [] });
  } catch (error) {
    // The run files could not be put in place (a full disk): none is left half-written.
    runOutputs.abort();
    throw new Error(`${outDir}: cannot write the run files: ${reason(error)}`);
  }
  stale.push(...run.stale);
  missing.push(...run.missing);

  if (options.check) return reportCheck(outDir, inputs, fileFormats, checkRunFiles ? runOutputs.files : [], stale, missing, failed + leftovers, options.shard);
  if (!options.quiet && parsed) {
    const header = ['document', 'title', 'sections', 'tasks', 'targets', 'refs', 'messages'];
    // A big run lists only the documents with messages (at most SUMMARY_ROWS), unless asked for all.
    const full = listsAll;
    const widths = header.map((h, c) => Math.max(columns(h), ...rows.map((r) => columns(r[c] ?? ''))));
    for (const row of [header, ...rows]) stdout().write(`${row.map((cell, c) => pad(cell, widths[c] ?? 0)).join('  ').trimEnd()}\n`);
    if (!full) stdout().write(`… ${parsed - rows.length} more documents not listed (--summary full lists every one)\n`);
    const config = options.config === undefined ? '' : ` (config: ${options.config})`;
    stdout().write(`${parsed} parsed, ${failed} failed → ${relative(process.cwd(), outDir) || '.'}/${config}\n`);
  }
  return failed ? 1 : 0;
}

/** Only an input named like an output (.json, .yaml) could be overwritten by one: their resolved paths. */
function namedLikeOutputs(inputs: InputList, formats: readonly FileFormat[]): string[] {
  const paths: string[] = [];
  for (const { path } of inputs) if (formats.some((f) => path.toLowerCase().endsWith(`.${f}`))) paths.push(resolve(path));
  return paths;
}

function sizeOf(path: string): number {
  try {
    return statSync(RAW_PATHS.get(path) ?? path).size;
  } catch {
    return 0;
  }
}

/** Why the output folder cannot be written (made if missing), or undefined when it can. */
function outFolderProblem(outDir: string): string | undefined {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return 'is a file, not a folder; choose another --out';
    return `cannot make the output folder: ${reason(error)}`;
  }
  if (!statSync(outDir).isDirectory()) return 'is a file, not a folder; choose another --out';
  try {
    accessSync(outDir, constants.W_OK);
  } catch (error) {
    return `cannot write the output folder: ${reason(error)}`;
  }
  return undefined;
}

/**
 * Threads to parse on: --jobs (by default the machine's cores) at most, never more than the
 * cores or the documents, and one more than the first only for each BYTES_PER_THREAD of
 * input, so that -j never makes a run slower than one thread. The input's size is read
 * (a stat per file) only as far as it decides: not at all for one thread.
 */
function workerCount(requested: number | undefined, inputs: InputList, knownBytes: number | undefined): number {
  const most = Math.max(1, Math.min(requested ?? availableParallelism(), availableParallelism(), inputs.length));
  if (most === 1 || TEST_WORKERS || BYTES_PER_THREAD === 0) return most;
  const bytes = knownBytes ?? bytesOf(inputs, (most - 1) * BYTES_PER_THREAD);
  return Math.min(most, 1 + Math.floor(bytes / BYTES_PER_THREAD));
}

/** The inputs' size in bytes, summed until it reaches `enough`. */
function bytesOf(inputs: InputList, enough = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < inputs.length && bytes < enough; i++) bytes += sizeOf(inputs.at(i).path);
  return bytes;
}

/**
 * Runs the jobs on `count` threads — this one and `count - 1` workers — and reports results
 * in input order. This thread parses too: a worker costs a compile of the whole parser, and
 * on a machine of two cores two workers beside an idle main thread paid for three compiles
 * to get two parsers. This thread takes one document per turn of the event loop, so the
 * workers' replies (and more work for them) are handled between its documents.
 *
 * A worker that stops (an error, or an exit from within, as when it runs out of memory)
 * never stops the batch nor leaves it waiting: the documents it held fail, each with one
 * line, unless it stopped before it was ready — then it had begun none of them, and this
 * thread parses them. The batch goes on with the threads left.
 */
async function runOnWorkers(inputs: InputList, options: JobOptions, count: number, report: (r: JobResult) => void): Promise<void> {
  await prepareFormats(options.formats);
  // Loaded here: a run in one thread never needs it.
  const { Worker } = await importModule<typeof import('node:worker_threads')>('node:worker_threads');
  // Before the workers start, and before this thread parses: every thread's tiering is for busy cores.
  setThreadsV8Flags();
  const workers = Array.from({ length: count - 1 }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: options }));
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  // A worker is sent jobs once it says it is ready (its parser loaded): until then this thread
  // goes on alone, and no early document waits on a worker that is still compiling.
  const ready = new Set<Worker>(TEST_WORKERS ? workers : []);
  // Workers that said they are ready: from then on a document sent may have begun.
  const loaded = new Set<Worker>();
  const finished = new Map<number, JobResult>();
  // Each worker's documents sent and not yet answered, by input index.
  const held = new Map<Worker, Set<number>>(workers.map((w) => [w, new Set()]));
  // Documents of a worker that stopped before it began them: this thread parses them first.
  const orphans: JobInput[] = [];
  // Never run far ahead of what has been reported: the buffer of results stays small.
  const window = count * IN_FLIGHT * 4;
  let next = 0;
  let reported = 0;
  let here = 0; // this thread's jobs in flight (a DOCX or PDF being read)
  let stopped = false;
  try {
    await new Promise<void>((done, fail) => {
      const stop = (error?: unknown) => {
        stopped = true;
        if (error === undefined) done();
        else fail(error);
      };
      const room = () => next < inputs.length && next - reported < window;
      const pump = () => {
        for (const worker of ready) {
          while ((inFlight.get(worker) ?? 0) < IN_FLIGHT && room()) {
            const input = inputs.at(next++);
            worker.postMessage(input);
            held.get(worker)?.add(input.index);
            inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
          }
        }
      };
      const flush = () => {
        for (let r = finished.get(reported); r; r = finished.get(reported)) {
          finished.delete(reported);
          report(r);
          reported++;
        }
        if (reported === inputs.length) stop();
      };
      const settle = (result: JobResult) => {
        finished.set(result.index, result);
        flush();
        pump();
        schedule();
      };
      // This thread's turn: one document, parsed and written now.
      let scheduled = false;
      const schedule = () => {
        if (scheduled || stopped) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (stopped) return;
          pump();
          if ((!orphans.length && !room()) || here >= AHEAD) return;
          here++;
          runJob(orphans.shift() ?? inputs.at(next++), options).then((result) => {
            here--;
            settle(result);
          }, stop);
          schedule();
        });
      };
      // A worker stopped: out of the pool, and what it held failed (or, if it never began them, parsed here).
      const lost = (worker: Worker, cause: string) => {
        const indexes = held.get(worker);
        if (stopped || !indexes) return;
        held.delete(worker);
        inFlight.delete(worker);
        ready.delete(worker);
        const began = loaded.has(worker);
        for (const index of [...indexes].sort((a, b) => a - b)) {
          const input = inputs.at(index);
          if (began) finished.set(index, { index, ok: false, bytes: sizeOf(input.path), error: `the worker thread parsing it stopped (${cause})` });
          else orphans.push(input);
        }
        flush();
        pump();
        schedule();
      };
      for (const worker of workers) {
        worker.on('message', (message: JobResult | typeof WORKER_READY) => {
          if (message === WORKER_READY) {
            ready.add(worker);
            loaded.add(worker);
            return pump();
          }
          held.get(worker)?.delete(message.index);
          inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
          settle(message);
        });
        worker.on('error', (error) => lost(worker, reason(error).split('\n')[0] ?? ''));
        worker.on('exit', (code) => lost(worker, `exit code ${code}`));
      }
      pump();
      schedule();
      flush();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** --check: stale, missing and extra outputs, listed; nothing is written. */
function reportCheck(
  outDir: string,
  inputs: InputList,
  formats: readonly FileFormat[],
  runFiles: readonly string[],
  stale: string[],
  missing: string[],
  failed: number,
  shard: Shard | undefined,
): number {
  const expected = new Set([...[...inputs].flatMap((i) => formats.map((f) => join(outDir, `${i.stem}.${f}`))), ...runFiles.map((f) => join(outDir, f))]);
  let existing: string[] = [];
  try {
    existing = walk(outDir);
  } catch {
    // No output folder yet: everything is missing.
  }
  // With --shard, files of the other shards are theirs to check, not extra.
  const inShard = (p: string) => !shard || shardOf(stripExtension(relative(outDir, p)), shard.count) === shard.index - 1;
  // Run files (index.json, tables) are never extra: other runs and shards write their own.
  const isRunFile = (p: string) => /(^|[\\/])(index|tasks|targets|sections|documents)(\.shard-\d+-of-\d+)?\.(json|csv|jsonl)$/.test(relative(outDir, p));
  const extra = existing.filter((p) => formats.some((f) => p.endsWith(`.${f}`)) && !expected.has(p) && inShard(p) && !isRunFile(p));
  const show = (p: string) => relative(process.cwd(), p) || p;
  for (const p of stale) stdout().write(`stale: ${show(p)}\n`);
  for (const p of missing) stdout().write(`missing: ${show(p)}\n`);
  for (const p of extra) stdout().write(`extra: ${show(p)}\n`);
  const problems = stale.length + missing.length + extra.length;
  stdout().write(
    problems || failed
      ? `${stale.length} stale, ${missing.length} missing, ${extra.length} extra, ${failed} failed: run without --check to update ${show(outDir)}/\n`
      : `${expected.size} outputs up to date in ${show(outDir)}/\n`,
  );
  return problems || failed ? 1 : 0;
}

/**
 * `-o -`: the documents to stdout instead of a folder — one as JSON or YAML, several as JSON
 * Lines. What cannot be a stream (CSV tables, JSON and YAML together, several documents as
 * one JSON) is refused with one line, before any input is read.
 */
export async function runToStdout(args: string[], options: BatchOptions, explicitFormat: boolean): Promise<number> {
  const problems: string[] = [];
  const inputs = collectInputs(args, problems, options.extensions);
  const chosen = streamFormat(options.format, explicitFormat, 'give -o a folder');
  if (typeof chosen !== 'object') return stdoutRefusal('-o -', chosen);
  const { format } = chosen;
  if (inputs.length > 1 && format !== 'jsonl') return stdoutRefusal('-o -', `${inputs.length} documents as one ${format} stream: use -f jsonl`);
  for (const p of problems) process.stderr.write(`policy-parse: ${p}\n`);
  await prepareFormats([format]);
  let failed = problems.length;
  for (const input of inputs) {
    try {
      const source = readBounded(input.raw ? Buffer.from(input.raw) : input.path, options.maxSize * 1024 * 1024);
      await printDocument(source, input.path, format, options);
    } catch (error) {
      failed++;
      process.stderr.write(`policy-parse: ${input.path}: ${reason(error)}\n`);
    }
  }
  return failed ? 1 : 0;
}

/** Parses one document and writes it to stdout (JSON Lines: one compact line), its warnings to stderr. */
async function printDocument(source: Buffer, path: string, format: Format, options: Pick<BatchOptions, 'quiet' | 'warnings' | 'encoding' | 'explain' | 'aliases' | 'furniture'>): Promise<void> {
  const { document } = await parseWithFileAsync(source, { path: path.split(sep).join('/'), encoding: options.encoding, explain: options.explain === true, ...parseSettings(options) });
  if (showWarnings(options)) for (const m of document.messages) process.stderr.write(`${formatMessage(path, m)}\n`);
  const text = format === 'jsonl' ? `${JSON.stringify(document)}\n` : serialise(document, format as FileFormat);
  if (!stdout().write(text)) await new Promise((resolve) => stdout().once('drain', resolve));
}

/**
 * The one format a stream to stdout is written in: the format asked for on the command line
 * (`explicit`), else JSON; or, for what cannot be a stream (CSV tables, two formats at once),
 * the reason it is refused, ending with `csvAdvice` for CSV.
 */
function streamFormat(formats: readonly Format[], explicit: boolean, csvAdvice: string): { format: Format } | string {
  if (!explicit) return { format: 'json' };
  if (formats.includes('csv')) return `-f csv writes tables into a folder: ${csvAdvice}`;
  if (formats.length > 1) return `-f ${formats.join(',')}: one format only goes to stdout (json, yaml or jsonl)`;
  return { format: formats[0] ?? 'json' };
}

/** A mode that writes to stdout refuses what it cannot write: one line naming the mode (`-o -`, `-`), exit status 2. */
function stdoutRefusal(mode: string, message: string): number {
  process.stderr.write(`policy-parse: ${mode}: ${message}\n`);
  return 2;
}

/**
 * `policy-parse -`: one document from stdin, its JSON (or YAML, or a JSON Line) to stdout. A
 * format that cannot be a stream is refused as `-o -` refuses it, before stdin is read.
 */
export async function runStdinDocument(options: Pick<BatchOptions, 'format' | 'quiet' | 'warnings' | 'encoding' | 'explain' | 'maxSize' | 'aliases' | 'furniture'>, explicitFormat: boolean): Promise<number> {
  const chosen = streamFormat(options.format, explicitFormat, 'save the document to a file and parse that with -o a folder');
  if (typeof chosen !== 'object') return stdoutRefusal(STDIN, chosen);
  const { format } = chosen;
  await prepareFormats([format]);
  try {
    await printDocument(await readStdin(options.maxSize * 1024 * 1024), STDIN, format, options);
    return 0;
  } catch (error) {
    process.stderr.write(`policy-parse: -: ${reason(error)}\n`);
    return 1;
  }
}
