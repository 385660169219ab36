// The list of a batch's inputs, kept compact: it lives as long as the run, so at 100,000
// files each byte per file counts. A path is its folder (a string shared by every file in
// it) plus its own end; a stem likewise, and its end is usually the start of the path's end
// (食品安全法.md → 食品安全法), so it costs a length. All the ends sit in one string. A job's
// `JobInput` is made when it is asked for, and dropped with the job.
import { sep } from 'node:path';
import type { JobInput } from './job.js';

export class InputList implements Iterable<JobInput> {
  readonly length: number;
  readonly #folders: readonly string[];
  /** Per input: its path's folder, its stem's folder (indexes into #folders). */
  readonly #pathFolder: Uint32Array;
  readonly #stemFolder: Uint32Array;
  /** Per input: where its path's end ends in #ends (it starts where the one before ends). */
  readonly #endAt: Uint32Array;
  /** Per input: the length of its stem's end as a start of its path's end, or NOT_SHARED. */
  readonly #stemLength: Uint32Array;
  readonly #ends: string;
  /** Stems whose end is not a start of their path's end, by input. */
  readonly #stems: ReadonlyMap<number, string>;
  readonly #raw: ReadonlyMap<number, Uint8Array>;

  constructor(parts: InputListParts) {
    this.length = parts.pathFolder.length;
    this.#folders = parts.folders;
    this.#pathFolder = parts.pathFolder;
    this.#stemFolder = parts.stemFolder;
    this.#endAt = parts.endAt;
    this.#stemLength = parts.stemLength;
    this.#ends = parts.ends;
    this.#stems = parts.stems;
    this.#raw = parts.raw;
  }

  /** The input at `index` (0 ≤ index < length), made afresh. */
  at(index: number): JobInput {
    const start = index === 0 ? 0 : (this.#endAt[index - 1] as number);
    const end = this.#ends.slice(start, this.#endAt[index]);
    const path = this.#folders[this.#pathFolder[index] as number] + end;
    const stemLength = this.#stemLength[index] as number;
    const stemEnd = stemLength === NOT_SHARED ? (this.#stems.get(index) as string) : end.slice(0, stemLength);
    const stem = this.#folders[this.#stemFolder[index] as number] + stemEnd;
    const raw = this.#raw.get(index);
    return { index, path, stem, ...(raw ? { raw: new Uint8Array(raw) } : {}) };
  }

  *[Symbol.iterator](): Iterator<JobInput> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** The inputs that pass `keep`, numbered again from 0. */
  filter(keep: (input: JobInput) => boolean): InputList {
    const list = new InputListBuilder();
    for (const input of this) if (keep(input)) list.add(input.path, input.stem, input.raw);
    return list.done();
  }
}

/** A stem's end that is not a start of its path's end. */
const NOT_SHARED = 0xffffffff;

interface InputListParts {
  folders: string[];
  pathFolder: Uint32Array;
  stemFolder: Uint32Array;
  endAt: Uint32Array;
  stemLength: Uint32Array;
  ends: string;
  stems: Map<number, string>;
  raw: Map<number, Uint8Array>;
}

/** Builds an InputList an input at a time, in order. */
export class InputListBuilder {
  readonly #folders: string[] = [];
  readonly #folderIndex = new Map<string, number>();
  readonly #pathFolder: number[] = [];
  readonly #stemFolder: number[] = [];
  readonly #endAt: number[] = [];
  readonly #stemLength: number[] = [];
  readonly #ends: string[] = [];
  #length = 0;
  readonly #stems = new Map<number, string>();
  readonly #raw = new Map<number, Uint8Array>();

  add(path: string, stem: string, raw?: Uint8Array): void {
    const index = this.#pathFolder.length;
    const [pathFolder, end] = splitFolder(path);
    const [stemFolder, stemEnd] = splitFolder(stem);
    this.#pathFolder.push(this.#folder(pathFolder));
    this.#stemFolder.push(this.#folder(stemFolder));
    this.#ends.push(end);
    this.#length += end.length;
    this.#endAt.push(this.#length);
    const shared = end.startsWith(stemEnd);
    this.#stemLength.push(shared ? stemEnd.length : NOT_SHARED);
    if (!shared) this.#stems.set(index, stemEnd);
    if (raw) this.#raw.set(index, raw);
  }

  done(): InputList {
    return new InputList({
      folders: this.#folders,
      pathFolder: Uint32Array.from(this.#pathFolder),
      stemFolder: Uint32Array.from(this.#stemFolder),
      endAt: Uint32Array.from(this.#endAt),
      stemLength: Uint32Array.from(this.#stemLength),
      ends: this.#ends.join(''),
      stems: this.#stems,
      raw: this.#raw,
    });
  }

  #folder(folder: string): number {
    let index = this.#folderIndex.get(folder);
    if (index === undefined) {
      index = this.#folders.push(folder) - 1;
      this.#folderIndex.set(folder, index);
    }
    return index;
  }
}

/** A path as its folder, up to and with its last separator (or ''), and the rest. */
function splitFolder(path: string): [string, string] {
  const at = path.lastIndexOf(sep) + 1;
  return [path.slice(0, at), path.slice(at)];
}
