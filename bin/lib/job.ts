// One document of a batch: read → parse → serialise → write (or, with --check, compare
// with what is already written). Runs the same in the main thread and in a worker, and
// returns only small, cloneable facts: the batch keeps no documents in memory.
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { type ParseOptions, parseWithFileAsync, readsBytesLater } from '../../src/api.js';
import type { PolicyDocument } from '../../src/schema/policy-document.js';
import { tempName } from './cleanup.js';
import { setCliV8Flags } from './v8-flags.js';
import { type FileFormat, serialisedParts } from './output.js';
import { type ManifestEntry, type TableRows, manifestEntry, own, tableRows } from './tables.js';

export interface JobInput {
  index: number;
  /** As shown (a name that is not UTF-8 with U+FFFD for its bad bytes). */
  path: string;
  /** The path's bytes, where they are not its UTF-8. */
  raw?: Uint8Array;
  /** Output path under --out without extension. */
  stem: string;
}

export interface JobOptions {
  outDir: string;
  /** One file per document in each of these. */
  formats: FileFormat[];
  /** Rows for the run's CSV tables, and the compact JSON line for documents.jsonl. */
  tables: boolean;
  jsonl: boolean;
  encoding?: string;
  /** Write `explain` into every document. */
  explain?: boolean;
  /** The config file's department aliases and furniture patterns (parse options). */
  aliases?: Readonly<Record<string, string>>;
  furniture?: readonly string[];
  maxBytes: number;
  /** Compare with the files in outDir instead of writing. */
  check: boolean;
  /** Resolved paths of the inputs named like an output (a.json): an output must never overwrite one. */
  inputPaths: readonly string[];
}

export type JobResult =
  | {
      index: number;
      ok: true;
      bytes: number;
      /** document, title, sections, tasks, targets, refs, messages: the summary row. */
      row: string[];
      /** `file:line:col: warning: …` lines. */
      messages: string[];
      /** With --check: outputs that differ from the file in outDir, or are not there. */
      stale: string[];
      missing: string[];
      /** For the run's index.json, CSV tables and JSON Lines. */
      manifest: ManifestEntry;
      tables?: TableRows;
      jsonl?: string;
    }
  | { index: number; ok: false; bytes: number; error: string };

/** A worker's first message: its parser is loaded, send it jobs. */
export const WORKER_READY = 'ready';

// Set here too for a run of tsc's output (dist/bin), which no loader sets up.
setCliV8Flags();

/** One document, start to finish; never rejects (a failure is a result with its one-line reason). */
export async function runJob(input: JobInput, options: JobOptions): Promise<JobResult> {
  let bytes = 0;
  try {
    const targets = options.formats.map((f) => join(options.outDir, `${input.stem}.${f}`));
    const inputs = inputSet(options.inputPaths);
    const clash = targets.find((t) => inputs.has(t));
    if (clash) throw new Error(`output ${clash} would overwrite an input; choose another --out`);
    const read = readBounded(input.raw ? Buffer.from(input.raw) : input.path, options.maxBytes, undefined, true);
    bytes = read.length;
    const displayPath = input.path.split(sep).join('/');
    // Read into this thread's reading buffer, which the next document's read fills while this
    // one may still be parsed: a DOCX's or PDF's bytes, read after a wait, are copied first.
    const source = readsBytesLater(read, displayPath) ? Buffer.from(read) : read;
    const { document } = await parseWithFileAsync(source, { path: displayPath, encoding: options.encoding, explain: options.explain === true, ...parseSettings(options) });
    const stale: string[] = [];
    const missing: string[] = [];
    options.formats.forEach((format, i) => {
      const target = targets[i] as string;
      const parts = serialisedParts(document, format);
      // Written at once, in this thread: on the laws corpus in one thread this ran 7.6–8.0 s against
      // 8.4–9.9 s with the writes on libuv's threads (tmpfs), and 11.0–11.4 s against 11.7–12.7 s on
      // disk; and a signal's handler, which runs between documents, never meets a write half done.
      if (!options.check) return writeAtomic(target, parts);
      let existing: string | undefined;
      try {
        existing = readFileSync(target, 'utf8');
      } catch {
        missing.push(target);
        return;
      }
      if (existing !== parts.join('')) stale.push(target);
    });
    const manifest = manifestEntry(document, input.stem.split(sep).join('/'));
    const result: JobResult = {
      index: input.index,
      ok: true,
      bytes,
      row: summaryRow(input.stem, manifest, document.references.length),
      messages: document.messages.map((m) => formatMessage(displayPath, m)),
      stale,
      missing,
      manifest,
      tables: options.tables ? tableRows(document) : undefined,
      jsonl: options.jsonl ? JSON.stringify(document) : undefined,
    };
    return result;
  } catch (error) {
    return { index: input.index, ok: false, bytes, error: reason(error) };
  }
}

/** What a config file adds to the parse options: department aliases and furniture patterns. */
export type ParseSettings = Pick<ParseOptions, 'aliases'> & { furniture?: readonly string[] };

/** The parse options a config file sets, only those it sets (so that a batch passes one list of patterns for every document). */
export function parseSettings(options: ParseSettings): ParseSettings {
  return { ...(options.aliases ? { aliases: options.aliases } : {}), ...(options.furniture?.length ? { furniture: options.furniture } : {}) };
}

/** The summary table's row, from the counts the manifest already holds (its strings are copies). */
function summaryRow(stem: string, m: ManifestEntry, references: number): string[] {
  return [own(stem), truncate(m.title ?? '—', 24), String(m.sections), String(m.tasks), String(m.targets), String(references), String(m.messages)];
}

/** The resolved input paths as a set, made once per batch (a lookup per output, not a scan). */
let inputsMemo: { paths: readonly string[]; set: Set<string> } | undefined;
function inputSet(paths: readonly string[]): Set<string> {
  if (inputsMemo?.paths !== paths) inputsMemo = { paths, set: new Set(paths) };
  return inputsMemo.set;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export function formatMessage(path: string, m: PolicyDocument['messages'][number]): string {
  const p = m.position;
  const place = p ? `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}` : '1:1';
  return `${path}:${place}: ${m.severity}: ${m.message} [${m.code}]`;
}

/** Folders this thread has made: one mkdir per folder, not per file. */
const made = new Set<string>();
/** Temporary names unique to this process and thread: pid, thread, count. */
let temps = 0;
/** This thread's id: 0, the main thread's, unless a worker says otherwise (worker.ts), so that the main thread never loads node:worker_threads for it. */
let threadId = 0;

export function setThreadId(id: number): void {
  threadId = id;
}

/** A temporary name beside `path`, its folder made (once per folder): unique to this process and thread. */
function tempBeside(path: string): string {
  const folder = dirname(path);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  return join(folder, tempName(`${threadId}-${temps++}`));
}

/**
 * Writes `text` (or its parts, one after another) via a temporary file in the same folder,
 * then renames: never half-written.
 */
export function writeAtomic(path: string, text: string | readonly string[]): void {
  const temp = tempBeside(path);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeParts(fd, typeof text === 'string' ? [text] : text);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** This thread's buffer for writeParts: the parts' UTF-8, gathered into few writes. */
let gathered: Buffer | undefined;
const GATHER_BYTES = 1 << 20;

/**
 * Writes `parts` to `fd` one after another: short ones gathered as UTF-8 into one buffer (a
 * JSON document comes in many pieces, pretty-json.ts, and the run files in entries a document
 * each, run-outputs.ts; a write each would be a system call each), a long one written as it
 * is. writeFileSync and writeSync on a descriptor write until all is written.
 */
export function writeParts(fd: number, parts: readonly string[]): void {
  const buffer = (gathered ??= Buffer.allocUnsafe(GATHER_BYTES));
  let used = 0;
  const flush = (): void => {
    for (let at = 0; at < used; ) at += writeSync(fd, buffer, at, used - at);
    used = 0;
  };
  for (const part of parts) {
    // UTF-8 is at most 3 bytes per UTF-16 unit.
    if (used + 3 * part.length > buffer.length) {
      flush();
      if (3 * part.length > buffer.length) {
        writeFileSync(fd, part);
        continue;
      }
    }
    used += buffer.write(part, used);
  }
  flush();
}

/**
 * A file's bytes, refused above `maxBytes`. A regular file is measured first (opened, then
 * measured: one lookup of its path, not two); anything else named explicitly (a device, a
 * FIFO: /dev/zero never ends) is read only up to the limit. With `reuse`, a regular file is
 * read into this thread's reading buffer (readingBuffer()): the bytes last only until the
 * next such read.
 */
export function readBounded(path: string | Buffer, maxBytes: number, hint = ' (raise it with --max-size)', reuse = false): Buffer {
  const tooLarge = (size: string) => new Error(`file too large: ${size}, above the ${maxBytes / 1024 / 1024} MB limit${hint}`);
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) {
      if (stats.size > maxBytes) throw tooLarge(`${(stats.size / 1024 / 1024).toFixed(1)} MB`);
      // Read to the size measured: readFileSync(fd) measures the file again, a system call more
      // a file, and would read what it grew to since. A file the system calls empty (procfs)
      // is read to its end below, as anything else.
      if (stats.size > 0) return readToSize(fd, stats.size, reuse ? readingBuffer(stats.size) : Buffer.allocUnsafe(stats.size));
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge('more than that');
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * This thread's buffer for reading documents, at least `size` bytes: a batch reads every file
 * into the same memory instead of fresh memory each, whose first touch costs a page fault a
 * page (laws corpus, one thread, alternating rounds: 0.969 of the time in 7, faster in 6;
 * 0.986 in 9, faster in 8). It grows to the largest file read, and lives as long as the thread.
 */
let reading: Buffer | undefined;
const READING_BYTES = 1 << 20;
function readingBuffer(size: number): Buffer {
  if (!reading || reading.length < size) reading = Buffer.allocUnsafe(Math.max(size, READING_BYTES));
  return reading;
}

/** Up to `size` bytes of `fd` from where it is, into `into` (at least `size` long): fewer when the file ends sooner. */
function readToSize(fd: number, size: number, into: Buffer): Buffer {
  const buffer = into.length === size ? into : into.subarray(0, size);
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buffer, at, size - at, null);
    if (n === 0) break;
    at += n;
  }
  return at < size ? buffer.subarray(0, at) : buffer;
}

/** The one-line reason for a failure, as a person would say it. */
export function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a folder';
    if (code === 'ENOSPC') return 'no space left on the device';
    if (code === 'ELOOP') return 'a loop of symbolic links';
  }
  return error instanceof Error ? error.message : String(error);
}
