// The files a run writes once for all its documents: index.json always; tasks.csv,
// targets.csv and sections.csv with -f csv; documents.jsonl with -f jsonl. Rows are
// appended in input order to temporary files that are renamed into place at the end, so
// memory stays flat and an interrupted run leaves the previous files whole. With --check
// they are built in a temporary folder and compared with those in --out instead.
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SCHEMA_VERSION } from '../../src/schema/version.js';
import { guardSignals, register, release, tempName } from './cleanup.js';
import { writeParts } from './job.js';
import { type ManifestEntry, TABLE_HEADERS, TABLES, type Table, type TableRows } from './tables.js';

const INDEX = 'index';
const JSONL = 'documents';

/** Excel on Chinese Windows reads UTF-8 only with a byte-order mark. */
const BOM = '\uFEFF';

const csvLine = (cells: readonly string[]) => stringify([cells as string[]], { record_delimiter: 'windows' });

export interface RunOutputsOptions {
  outDir: string;
  csv: boolean;
  jsonl: boolean;
  check: boolean;
  version: string;
  /** Added to every file name before its extension: `.shard-2-of-8`. */
  suffix: string;
  /** The config file used, recorded in index.json as `config`. */
  config?: string;
}

/** A run file being written: its temporary file, and text appended but not yet written. */
interface OpenFile {
  fd: number;
  temp: string;
  pending: string[];
  /** UTF-16 units in `pending`. */
  held: number;
}

/**
 * Appended text is written once this much has gathered (UTF-16 units): an index entry is a few
 * hundred, and a system call each cost 62 ms over the laws corpus.
 */
const GATHER_UNITS = 32 * 1024;

export class RunOutputs {
  readonly #options: RunOutputsOptions;
  /** Where files are built: a temporary folder with --check, else --out itself. */
  readonly #dir: string;
  readonly #open = new Map<string, OpenFile>();
  /** Documents written to index.json so far: each entry goes to the file as it comes, none is kept. */
  #documents = 0;
  /** Why the run files could not be written, once an append failed. */
  #broken: unknown;
  readonly #failed: Array<{ path: string; error: string }> = [];

  constructor(options: RunOutputsOptions) {
    this.#options = options;
    guardSignals();
    this.#dir = options.check ? mkdtempSync(join(tmpdir(), 'policy-parse-check-')) : options.outDir;
    if (options.check) register(this.#dir);
    mkdirSync(this.#dir, { recursive: true });
    if (options.csv) for (const table of TABLES) this.#append(this.#name(table, 'csv'), BOM + csvLine(TABLE_HEADERS[table]));
    if (options.jsonl) this.#append(this.#name(JSONL, 'jsonl'), '');
  }

  /** The names this run writes in --out. */
  get files(): string[] {
    return [
      this.#name(INDEX, 'json'),
      ...(this.#options.csv ? TABLES.map((t) => this.#name(t, 'csv')) : []),
      ...(this.#options.jsonl ? [this.#name(JSONL, 'jsonl')] : []),
    ];
  }

  #name(base: string, ext: string): string {
    return `${base}${this.#options.suffix}.${ext}`;
  }

  /**
   * Appends a document's entry and rows. A write that fails (a full disk) does not stop the
   * batch: the run files are given up, and finish() says so.
   */
  add(entry: ManifestEntry, tables?: TableRows, jsonl?: string): void {
    if (this.#broken) return;
    try {
      // The bytes JSON.stringify(index, null, 2) would give, an entry at a time.
      const head = this.#documents === 0 ? `${this.#indexHead()}\n    ` : ',\n    ';
      this.#append(this.#name(INDEX, 'json'), head + JSON.stringify(entry, null, 2).replaceAll('\n', '\n    '));
      this.#documents++;
      if (tables) for (const table of TABLES) if (tables[table].length) this.#append(this.#name(table, 'csv'), stringify(tables[table], { record_delimiter: 'windows' }));
      if (jsonl !== undefined) this.#append(this.#name(JSONL, 'jsonl'), `${jsonl}\n`);
    } catch (error) {
      this.#broken = error;
    }
  }

  fail(path: string, error: string): void {
    this.#failed.push({ path, error });
  }

  /** Puts every file in place; with --check, returns those that differ or are missing. */
  finish(): { stale: string[]; missing: string[] } {
    if (this.#broken) throw this.#broken;
    const failed = JSON.stringify(this.#failed, null, 2).replaceAll('\n', '\n  ');
    const documents = this.#documents === 0 ? `${this.#indexHead()}],` : '\n  ],';
    this.#append(this.#name(INDEX, 'json'), `${documents}\n  "failed": ${failed}\n}\n`);
    const stale: string[] = [];
    const missing: string[] = [];
    for (const [name, file] of this.#open) {
      const { fd, temp } = file;
      this.#write(file);
      closeSync(fd);
      const target = join(this.#options.outDir, name);
      if (!this.#options.check) {
        renameSync(temp, target);
        release(temp);
        continue;
      }
      let existing: Buffer | undefined;
      try {
        existing = readFileSync(target);
      } catch {
        missing.push(target);
        continue;
      }
      if (!existing.equals(readFileSync(temp))) stale.push(target);
    }
    this.#open.clear();
    this.#removeCheckFolder();
    return { stale, missing };
  }

  /** index.json up to the opening of its documents list: `{ "tool": …, "documents": [`. */
  #indexHead(): string {
    const { version, config } = this.#options;
    const head = JSON.stringify({ tool: 'policy-parse', version, schemaVersion: SCHEMA_VERSION, ...(config === undefined ? {} : { config }), documents: [] }, null, 2);
    return head.slice(0, head.lastIndexOf('[]') + 1);
  }

  /** Removes the temporary files of an aborted run. */
  abort(): void {
    for (const { fd, temp } of this.#open.values()) {
      try {
        closeSync(fd);
      } catch {
        // Closed already by a finish() that failed part way.
      }
      rmSync(temp, { force: true });
      release(temp);
    }
    this.#open.clear();
    this.#removeCheckFolder();
  }

  #removeCheckFolder(): void {
    if (!this.#options.check) return;
    rmSync(this.#dir, { recursive: true, force: true });
    release(this.#dir);
  }

  #append(name: string, text: string): void {
    let file = this.#open.get(name);
    if (!file) {
      // Unique to this run: two runs into one folder never share a temporary file.
      const temp = join(this.#dir, tempName(name));
      register(temp);
      file = { fd: openSync(temp, 'w'), temp, pending: [], held: 0 };
      this.#open.set(name, file);
    }
    file.pending.push(text);
    file.held += text.length;
    if (file.held >= GATHER_UNITS) this.#write(file);
  }

  /** Writes what `file` holds. */
  #write(file: OpenFile): void {
    if (file.pending.length === 0) return;
    const { pending } = file;
    file.pending = [];
    file.held = 0;
    writeParts(file.fd, pending);
  }
}
