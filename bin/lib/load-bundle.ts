// Loads the CLI's bundle (dist/bundle/policy-parse.cjs, scripts/bundle.mjs) as a script
// compiled with V8's code cache: most of a short run's start-up is compiling JavaScript,
// and Node 20 keeps no compile cache for a user's modules. The cache
// (policy-parse.cjs.cache) is made once, at build time, by a run of the CLI over a seed and
// the statute-form fixtures; it holds the bytecode of every function that run compiled, so
// that a run like it compiles almost nothing.
//
// A cache that does not fit is never used: one made for another build of the bundle (its
// first line names the build, and the cache's header must name the same), one whose bytes
// are not those written (the header holds their SHA-256: V8 checks its data's version and
// flags, not its integrity, and a damaged cache can crash it), or one V8 rejects (another
// Node, other V8 flags). Then the bundle is compiled as usual: slower, never wrong.
// The scripts the bundle loads when first needed (the HTML parser, YAML, zod) are loaded the same
// way, each with its own cache. Data the build wrote beside them (the phrase tables,
// src/normalise/prebuilt-tables.ts) is read by the same rules: for this build, and whole, or
// not at all. Nothing is written at run time, unless
// POLICY_PARSE_CODE_CACHE_OUT names a folder for the caches (the build's own runs).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { Script } from 'node:vm';
import { compileUnderCliV8Flags, setThreadsV8Flags } from './v8-flags.js';

/** What the bundle exports (bin/lib/bundle-entry.ts): each runs its part when called. */
export interface BundleExports {
  /** The command line over process.argv. */
  cli(): Promise<unknown>;
  /** A batch's worker thread. */
  worker(): Promise<unknown>;
}

/**
 * A script's first line: `// policy-parse bundle <build id>`. Then comes one function
 * expression, CommonJS's wrapper and more, written so by scripts/bundle.mjs (so that the
 * text read is the text compiled, never copied into a longer string):
 * (function (exports, require, module, __filename, __dirname, __policy_parse_import, __policy_parse_url, __policy_parse_load, __policy_parse_data) { … })
 * Each script of the folder begins so.
 */
const BUILD_LINE = /^\/\/ policy-parse bundle ([0-9a-f]+)\n/;

/** The cache file's header, before V8's data: the build it was made for, and the data's SHA-256. */
const cacheHeader = (build: string, data: Buffer): Buffer => Buffer.from(`policy-parse code cache ${build} ${sha256(data)}\n`);

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * The bundle's importModule() (src/read/import-module.ts), resolved from beside the bundle.
 * A CommonJS package or a module of Node's (lilconfig, mammoth, node:worker_threads) is
 * required, and given as import() gives one (its exports as `default`, and each of them):
 * import() first sets up Node's ES module loader, about 7 ms of a run with a config file.
 * An ES module (unpdf, a config file's URL) is imported.
 */
const importWith = (requireHere: NodeJS.Require) => (specifier: string): Promise<unknown> => {
  if (specifier.startsWith('file:')) return import(specifier);
  let exports: unknown;
  try {
    exports = requireHere(specifier);
  } catch {
    // Not a CommonJS package (ERR_REQUIRE_ESM, ERR_PACKAGE_PATH_NOT_EXPORTED), or none: import() says which.
    return import(specifier);
  }
  return Promise.resolve(exports !== null && typeof exports === 'object' ? { ...exports, default: exports } : { default: exports });
};

/**
 * Loads the bundle script at `file` (an absolute path) and returns what it exports.
 * `requireHere`: the entry's own require, which resolves from beside the scripts (the entry is
 * in their folder), so that no require is made with node:module's createRequire (which sets
 * up part of the ES module loader).
 * `threads`: in a worker thread of a batch, which runs under bin/lib/v8-flags.ts's
 * THREADS_V8_FLAGS (the batch set them before it started its workers).
 */
export function loadBundle(file: string, requireHere: NodeJS.Require, threads = false): BundleExports {
  if (threads) setThreadsV8Flags();
  return loadScript(file, requireHere) as BundleExports;
}

/**
 * Loads one script of the bundle's folder: the bundle, or one it loads by name when first
 * needed (its `__policy_parse_load`: the HTML parser, YAML, zod), each with its own code cache.
 */
function loadScript(file: string, requireHere: NodeJS.Require): unknown {
  const source = readFileSync(file, 'utf8');
  const build = BUILD_LINE.exec(source)?.[1];
  const cachedData = build === undefined ? undefined : readCache(`${file}.cache`, build);
  // V8 takes a cache only under the flags it was made with, and the CLI sets its own
  // (bin/lib/v8-flags.ts): set before compiling, here, the flags are the same in every run, and
  // in the build's run that made the cache.
  const script = compileUnderCliV8Flags(() => new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) }));
  const module = { exports: {} };
  // The arguments: CommonJS's, then the loader's import(), the script's own URL (its sources'
  // import.meta.url), this loader for the scripts beside it, and the build's data beside it
  // (src/read/build-data.ts).
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const load = (name: string): unknown => loadScript(join(dirname(file), name), requireHere);
  const data = (name: string): unknown => (build === undefined ? undefined : readData(join(dirname(file), name), build));
  run.call(module.exports, module.exports, requireHere, module, file, dirname(file), importWith(requireHere), pathToFileURL(file).href, load, data);
  const out = process.env.POLICY_PARSE_CODE_CACHE_OUT;
  if (out && build !== undefined && (requireHere('node:worker_threads') as typeof import('node:worker_threads')).isMainThread) {
    // At exit: the cache then holds every function the run compiled. Into the folder named,
    // under the script's name.
    process.once('exit', () => {
      const data = script.createCachedData();
      writeFileSync(join(out, `${basename(file)}.cache`), Buffer.concat([cacheHeader(build, data), data]));
    });
  }
  return module.exports;
}

/** V8's data from the cache file, when it was made for this build and is whole; else undefined. */
function readCache(path: string, build: string): Buffer | undefined {
  return readStamped(path, 'code cache', build);
}

/**
 * The value in a data file the build wrote beside the scripts (scripts/bundle.mjs: V8's
 * serialisation behind a header like a cache's), when it was written for this build and is
 * whole; else undefined, and the caller makes the data itself.
 */
function readData(path: string, build: string): unknown {
  const data = readStamped(path, 'data', build);
  if (data === undefined) return undefined;
  try {
    return deserialize(data);
  } catch {
    // (Another Node's serialisation.)
    return undefined;
  }
}

/** The bytes after a `policy-parse <kind> <build> <sha256>` line, when the build is `build` and the SHA-256 theirs. */
function readStamped(path: string, kind: string, build: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const end = file.indexOf(0x0a);
  const header = /^policy-parse ([a-z ]+) ([0-9a-f]+) ([0-9a-f]{64})$/.exec(file.subarray(0, Math.max(end, 0)).toString('latin1'));
  if (!header || header[1] !== kind || header[2] !== build) return undefined;
  const data = file.subarray(end + 1);
  return sha256(data) === header[3] ? data : undefined;
}
