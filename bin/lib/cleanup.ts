// What a run leaves nothing of, on any exit path: its temporary files and folders, and the
// lock on its output folder. Normal and error paths remove them themselves; SIGINT, SIGTERM
// and SIGHUP remove whatever is still registered, and sweep the output folder for this
// process's temporary files (worker threads write there too). A `kill -9` cannot be caught:
// the next run in that folder, or --check, names what it left and removes it.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

const PREFIX = '.policy-parse-';
/** Unique to this process and thread: a pid alone can come back after a reboot or a kill -9. */
const TOKEN = randomBytes(4).toString('hex');

/** A temporary file name for `base`: `.policy-parse-<pid>-<token>-<base>.tmp`. */
export function tempName(base: string): string {
  return `${PREFIX}${process.pid}-${TOKEN}-${base}.tmp`;
}

/** The pid in a temporary file name of ours, or undefined when the name is not one. */
function tempOwner(name: string): number | undefined {
  const m = /^\.policy-parse-(\d+)-[0-9a-f]+-.*\.tmp$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Whether a process runs (one we may not signal runs too). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Our temporary files under `dir` whose owning process passes `test`, sorted. */
function tempsUnder(dir: string, test: (owner: number) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => {
      const owner = tempOwner(basename(name));
      return owner !== undefined && test(owner);
    })
    .sort()
    .map((name) => join(dir, name));
}

/** Temporary files under `dir` whose process is gone (a kill -9, a power cut). */
export function orphanedTemps(dir: string): string[] {
  return tempsUnder(dir, (owner) => owner !== process.pid && !isAlive(owner));
}

const registered = new Set<string>();
const swept = new Set<string>();
let installed = false;

/** Removed on a signal unless `release`d first. */
export function register(path: string): void {
  installHandlers();
  registered.add(path);
}

export function release(path: string): void {
  registered.delete(path);
}

/** On a signal, this folder is swept for this process's temporary files. */
export function sweepOnSignal(dir: string): void {
  installHandlers();
  swept.add(dir);
}

function removeAll(): void {
  for (const path of registered) rmSync(path, { recursive: true, force: true });
  registered.clear();
  for (const dir of swept) for (const path of tempsUnder(dir, (owner) => owner === process.pid)) rmSync(path, { force: true });
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/**
 * Installs the signal handlers now, before anything temporary is made: a signal with no
 * handler kills at once, even between making a file and registering it; with one, it waits
 * for the event loop, by which time the file is registered.
 */
export function guardSignals(): void {
  installHandlers();
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      removeAll();
      process.stderr.write(`policy-parse: interrupted (${signal}); temporary files removed\n`);
      process.exit(128 + number);
    });
  }
}
