// Runs after tsc (`npm run build`) and writes two esbuild bundles:
//
// dist/bundle/ — the CLI and its worker. policy-parse.cjs is the whole CLI in one CommonJS
// script but for the HTML parser, YAML and zod (OWN_SCRIPT: html.cjs, yaml.cjs and zod.cjs,
// loaded from it when first needed), which policy-parse.js (the command line) and worker.js
// (a batch's worker thread) load with V8's code cache (bin/lib/load-bundle.ts), as it loads
// those: most of a short run's start-up was compiling JavaScript. The caches (policy-parse.cjs.cache
// and the others) are made here by runs of the CLI over a seed and fixtures, and so are the
// phrase tables of Traditional text (phrase-tables.bin), by the parser's own code.
// Within the script each module is set up when first imported, so `--help` never sets up
// the parser; the libraries only some inputs or commands need (the HTML parser, the
// encoding detector, YAML, CSV, zod's schemas) are set up, or required, when first used.
//
// dist/cjs/ — the library for CommonJS, `require('policy-parse')` (Node 20 before 20.19 cannot
// require() an ES module): index.cjs, plus index.d.cts and the declarations it imports,
// tsc's dist/src/**/*.d.ts with their relative imports renamed .js → .cjs, so that a
// TypeScript consumer in CommonJS mode (module node16 / nodenext) reads CommonJS types.
// The ES module library (dist/src, for `import 'policy-parse'`) is tsc's output, unbundled.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

// The DOCX and PDF readers are loaded only when such a file comes (dynamic import), and are
// large (PDF.js alone is ~2 MB): both bundles import them from node_modules, as installed.
const LOADED_ON_DEMAND = ['mammoth', 'unpdf'];

// ───────────────────────────── the CLI ─────────────────────────────

// CommonJS dependencies the CLI requires from node_modules, as installed, when it first needs
// them (chardet: input that is not UTF-8): no part of a usual run. (lilconfig, mammoth and
// unpdf are imported through importModule(), so never bundled.)
const CLI_REQUIRED = ['chardet'];

// Packages imported by modules every parse sets up, but used only by some inputs or
// formats: each is replaced by a stand-in whose functions set the package up on first
// call (`require` of a module that imports it, exactly as the importer did).
const LAZY = {
  // Front matter (src/transform/meta.ts), -f yaml, a YAML config.
  yaml: [
    'export function parse(...a) { return real().parse(...a); }',
    'export function stringify(...a) { return real().stringify(...a); }',
    // (Called with new: a constructor that returns an object gives that object.)
    'export function Document(...a) { return new (real().Document)(...a); }',
  ],
  // Bytes that are not UTF-8 (src/read/decode.ts).
  chardet: ['export default { analyse: (...a) => real().default.analyse(...a) };'],
  // HTML input (src/html/html-to-text.ts): a unified plugin, called with the processor as `this`.
  'rehype-parse': ['export default function rehypeParse(...a) { return real().default.apply(this, a); }'],
  // -f csv (bin/lib/run-outputs.ts).
  'csv-stringify/sync': ['export function stringify(...a) { return real().stringify(...a); }'],
  // The summary table's widths (bin/lib/terminal.ts): not with -q.
  'string-width': ['export default function stringWidth(...a) { return real().default(...a); }'],
  // zod's schemas (a config file, validate, diff): every importer imports the namespace z
  // and reads its members (z.object, z.NEVER), each read here from the package set up on first use.
  zod: ['export const z = new Proxy({}, { get: (_, key) => real().z[key] });'],
};
/**
 * Packages whose stand-in loads a script of their own beside the bundle, built below, with
 * its own code cache (bin/lib/load-bundle.ts): the HTML parser (parse5 and the hast
 * utilities, 280 KB), YAML (170 KB) and zod (610 KB). None is part of every run, and every
 * start-up reads the whole bundle (about 8 ms a megabyte here). Required from node_modules
 * and compiled as they came, YAML cost 33-36 ms of each run that wrote YAML (the default),
 * the HTML parser 27 ms of each that read a page, and zod 62 ms of each run with a config file.
 */
const OWN_SCRIPT = { 'rehype-parse': 'html.cjs', yaml: 'yaml.cjs', zod: 'zod.cjs' };
/** What a stand-in's real() requires: the package, imported as the importers import it. */
const EAGER = {
  yaml: "export { parse, stringify, Document } from 'yaml';",
  chardet: "import chardet from 'chardet'; export default chardet;",
  'rehype-parse': "export { default } from 'rehype-parse';",
  'csv-stringify/sync': "export { stringify } from 'csv-stringify/sync';",
  'string-width': "export { default } from 'string-width';",
  zod: "export { z } from 'zod';",
};
const root = resolve('.');
// tsc's output (the build runs tsc first) works out what the bundle holds ready-made.
const { FURNITURE_PATTERNS, furnitureGroups } = await import(pathToFileURL(resolve('dist/src/transform/furniture.js')).href);
const FURNITURE_GROUPS = furnitureGroups(FURNITURE_PATTERNS);
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    const names = new RegExp(`^(${Object.keys(LAZY).map((n) => n.replace(/[/.-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter: names }, (args) => (args.namespace === 'eager' ? undefined : { path: args.path, namespace: 'lazy' }));
    b.onResolve({ filter: /^eager:/ }, (args) => ({ path: args.path.slice('eager:'.length), namespace: 'eager' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: [`let m;`, `const real = () => (m ??= ${OWN_SCRIPT[args.path] ? `__policy_parse_load('${OWN_SCRIPT[args.path]}')` : `require('eager:${args.path}')`});`, ...LAZY[args.path]].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
    b.onLoad({ filter: /.*/, namespace: 'eager' }, (args) => ({ contents: EAGER[args.path], loader: 'js', resolveDir: root }));
    // commander requires node:child_process (for subcommands that are programs, which this
    // CLI has none of) as it loads; loading it, and the net and stream modules it brings,
    // is a few milliseconds of every run. It is required when first used instead.
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'node:child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let m;\nmodule.exports = new Proxy({}, { get: (_, key) => (m ??= require('${args.path}'))[key] });`,
      loader: 'js',
    }));
    // The data the build writes beside the bundle (below) is read by the loader.
    b.onLoad({ filter: /[\\/]src[\\/]read[\\/]build-data\.ts$/ }, () => ({
      contents: 'export function buildData(name) { return __policy_parse_data(name); }',
      loader: 'js',
    }));
    // The built-in furniture patterns' groups, worked out here once (src/transform/furniture.ts):
    // reading the patterns' sources took 2.5 ms of every start-up.
    b.onLoad({ filter: /[\\/]src[\\/]transform[\\/]furniture-built\.ts$/ }, () => ({
      // (As JSON in a string: one literal, read whole.)
      contents: `export function builtFurnitureGroups() { return JSON.parse(${JSON.stringify(JSON.stringify(FURNITURE_GROUPS))}); }`,
      loader: 'js',
    }));
    // import() is not available in a script compiled by vm.Script: the loader's is used.
    b.onLoad({ filter: /[\\/]src[\\/]read[\\/]import-module\.ts$/ }, () => ({
      contents: 'export function importModule(specifier) { return __policy_parse_import(specifier); }',
      loader: 'js',
    }));
  },
};

const cli = await build({
  entryPoints: ['bin/lib/bundle-entry.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: [...CLI_REQUIRED, ...LOADED_ON_DEMAND],
  // The loader passes the bundle's URL (load-bundle.ts).
  define: { 'import.meta.url': '__policy_parse_url' },
  plugins: [lazyPackages],
  // Strings escaped to ASCII, no comments or indentation (regular expression literals keep
  // their Chinese characters: asciiOnly() below escapes them).
  charset: 'ascii',
  minifyWhitespace: true,
  write: false,
  logLevel: 'warning',
});
/**
 * The script with every code unit above ASCII written as a \uXXXX escape, which means the
 * same code unit in a string, a template, a regular expression (with or without the u flag:
 * two escaped halves of a surrogate pair are one code point there) and an identifier. esbuild's
 * `charset: 'ascii'` leaves regular expression literals as written, and their Chinese made
 * the whole 1 MB script UTF-8: Node decoded it into a two-byte string on every start-up
 * (11.5 against 2.9 ms read as bytes), for the main thread and each worker. An identity
 * escape (\中, the character itself) becomes the escape alone: a backslash before the
 * character, not itself escaped, is dropped with it.
 */
function asciiOnly(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, char) => {
    const escape = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return slashes.length % 2 === 1 ? slashes.slice(1) + escape : slashes + escape;
  });
}
mkdirSync('dist/bundle', { recursive: true });
const bundleBuild = writeScript('policy-parse.cjs', cli.outputFiles[0].text);

/**
 * Writes esbuild's `output` as a script of dist/bundle the way the loader reads it
 * (bin/lib/load-bundle.ts): ASCII only; its first line names the build (a code cache made for
 * another build is never used), then one function expression, which the loader calls with
 * CommonJS's arguments, its own import(), the script's URL and itself, for the scripts beside it.
 */
function writeScript(name, output) {
  const text = asciiOnly(output);
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`scripts/bundle.mjs: ${name} is not ASCII after escaping`);
  // An import() would fail at run time (vm.Script compiles it, but cannot run it): refuse the
  // build. Minified, the script has no comments, so any "import(" is code (or a string: rare,
  // and then worth a look).
  const dynamicImport = text.search(/\bimport\(/);
  if (dynamicImport >= 0) {
    throw new Error(`scripts/bundle.mjs: ${name} calls import() (${JSON.stringify(text.slice(dynamicImport - 80, dynamicImport + 40))}); route it through importModule() (src/read/import-module.ts), or make the package external`);
  }
  const buildId = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const head = '(function (exports, require, module, __filename, __dirname, __policy_parse_import, __policy_parse_url, __policy_parse_load, __policy_parse_data) {';
  writeFileSync(join('dist/bundle', name), `// policy-parse bundle ${buildId}\n${head}\n${text}})\n`);
  return buildId;
}

// The phrase tables of Traditional text (src/normalise/prebuilt-tables.ts), made by the
// parser's own code (tsc's output, dist/src) and written for this build of the bundle: a
// Traditional document's first conversion reads them instead of building them (about 30 ms
// of a one-document run). In V8's serialisation, behind a header naming the build and the
// data's SHA-256, as a code cache is (bin/lib/load-bundle.ts reads both).
{
  const { compactPhraseTables } = await import(pathToFileURL(resolve('dist/src/normalise/to-simplified.js')).href);
  const { PHRASE_TABLES_FILE } = await import(pathToFileURL(resolve('dist/src/normalise/prebuilt-tables.js')).href);
  const data = serialize(compactPhraseTables());
  const header = `policy-parse data ${bundleBuild} ${createHash('sha256').update(data).digest('hex')}\n`;
  writeFileSync(join('dist/bundle', PHRASE_TABLES_FILE), Buffer.concat([Buffer.from(header), data]));
}

// The two entries, each loading the script: CommonJS, as dist/bundle/package.json says, because
// an ES module entry sets up Node's ES module loader first (bin/policy-parse.cjs requires the
// command line's: one seed's start-up was 12 ms longer through two ES modules).
writeFileSync('dist/bundle/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
// (A worker's loader puts V8's tiering back for each compile: bin/lib/v8-flags.ts.)
for (const [name, part, threads] of [['policy-parse', 'cli', false], ['worker', 'worker', true]]) {
  await build({
    stdin: {
      contents: `import { loadBundle } from './bin/lib/load-bundle.ts';\nvoid loadBundle(require('node:path').join(__dirname, 'policy-parse.cjs'), require, ${threads}).${part}();\n`,
      resolveDir: root,
      sourcefile: `${name}.js`,
      loader: 'ts',
    },
    outfile: `dist/bundle/${name}.js`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}

// The scripts of OWN_SCRIPT's packages: each the package as its stand-in imports it (EAGER),
// loaded by the bundle from beside it, as the bundle is.
for (const [name, file] of Object.entries(OWN_SCRIPT)) {
  const own = await build({
    stdin: { contents: EAGER[name], resolveDir: root, sourcefile: file, loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    charset: 'ascii',
    minifyWhitespace: true,
    write: false,
    logLevel: 'warning',
  });
  writeScript(file, own.outputFiles[0].text);
}

// The code cache: a run of the CLI over a seed (not one of the benchmark's) and the inputs of
// the fixtures that show the statute forms (articles under chapters and parts, Taiwan's spaced
// markers, a law's amendment history) compiles what usual runs compile, and leaves the cache
// at exit. Trained on the seed alone, a batch of statutes compiled the legal parts as it went:
// with them, the Taiwan statutes ran 2.70 → 2.51 s in one thread (medians of 15 alternating
// rounds, faster in 13) and the laws 4.51 → 4.37 s (faster in 7 of 15), for a cache 37 KB
// larger and no change in start-up (one seed, 31 alternating rounds: 141.3 and 140.7 ms).
// Without seeds (a build outside this repository) there is no cache, and the CLI compiles
// as it goes.
// The scripts loaded when first needed have caches of their own, from a second run, over a
// seed and pages of the HTML fixtures, written as YAML, with a config file (which zod checks):
// trained with the first, the bundle's cache would also hold the HTML and YAML writers' code,
// which a run to JSON never uses.
// No NODE_OPTIONS: V8 takes a cache only under the flags it was made with, and a plain
// `node` is what runs the CLI. Written beside, then renamed: never a half-written cache.
const TRAINING_SEED = 'seeds/001_d38150bb2ab3c360.txt';
const TRAINING_FIXTURES = [
  'parse/legal-chapters-articles',
  'parse/markdown-law-parts-chapters-sections',
  'parse/legal-taiwan-spaced-markers-and-inserted-articles',
  'parse/meta-history-law-header',
  'parse/meta-history-taiwan-header',
];
const TRAINING_PAGES = ['html/layout-table-article', 'html/task-table-rows', 'html/page-furniture-dropped'];
if (existsSync(TRAINING_SEED)) {
  trainCaches(TRAINING_FIXTURES, 'json', null, ['policy-parse.cjs']);
  trainCaches(TRAINING_PAGES, 'yaml', { departmentAliases: { 某某局: '某某管理局' } }, Object.values(OWN_SCRIPT));
}

/**
 * Runs the CLI over the training seed and the inputs of `fixtures` (folders under fixtures/),
 * writing `format`, with `config` as its config file (none when null), and keeps the code
 * caches it leaves of `scripts`.
 */
function trainCaches(fixtures, format, config, scripts) {
  const work = mkdtempSync(join(tmpdir(), 'policy-parse-cache-'));
  // In the same folder as the caches' place, so that each rename is one (never across file systems).
  const caches = `dist/bundle/.caches-${process.pid}`;
  try {
    mkdirSync(caches);
    // One folder of training inputs, each under its own name (every fixture's is input.*).
    const inputs = join(work, 'in');
    mkdirSync(inputs);
    copyFileSync(TRAINING_SEED, join(inputs, basename(TRAINING_SEED)));
    for (const fixture of fixtures) {
      const dir = join('fixtures', fixture);
      const input = existsSync(dir) ? readdirSync(dir).find((name) => name.startsWith('input.')) : undefined;
      // A fixture renamed or removed would leave its form out of the cache without a word.
      if (input) copyFileSync(join(dir, input), join(inputs, `${basename(fixture)}${extname(input)}`));
      else console.warn(`scripts/bundle.mjs: the code cache's training fixture ${dir} has no input; the cache is trained without it`);
    }
    const configFile = join(work, 'policy-parse.config.json');
    if (config) writeFileSync(configFile, JSON.stringify(config));
    const run = spawnSync(process.execPath, ['dist/bundle/policy-parse.js', inputs, '--out', join(work, 'out'), '-f', format, ...(config ? ['--config', configFile] : ['--no-config'])], {
      env: { ...process.env, POLICY_PARSE_CODE_CACHE_OUT: resolve(caches), NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    for (const script of scripts) {
      const cache = join(caches, `${script}.cache`);
      if (run.status === 0 && existsSync(cache)) renameSync(cache, join('dist/bundle', `${script}.cache`));
      else console.warn(`scripts/bundle.mjs: no code cache for ${script} (the CLI's run over ${TRAINING_SEED} and ${fixtures.join(', ')} exited ${run.status}: ${run.stderr.trim()}); the CLI works without, starting slower`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(caches, { recursive: true, force: true });
  }
}

rmSync('dist/cjs', { recursive: true, force: true });

// Dependencies that ship CommonJS are required from node_modules, as installed; the ES-only
// ones (unified, vfile, rehype-parse and what they import) are bundled in.
// tests/package.test.ts loads the result with require(esm) turned off.
const COMMONJS_DEPENDENCIES = ['chardet', 'diff', 'yaml', 'zod'];

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/cjs/index.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: [...COMMONJS_DEPENDENCIES, ...LOADED_ON_DEMAND],
  logLevel: 'warning',
});

/** Every file under dir, as paths relative to it. */
const filesUnder = (dir, prefix = '') =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : e.isFile() ? [join(prefix, e.name)] : [],
  );

// The ES-only packages the declarations import (vfile, unified, unist) are imported for
// their types only, resolved as ES modules: `resolution-mode` says so, which TypeScript
// requires of a CommonJS declaration file under module node16. An augmentation of such a
// package (unified's CompileResultMap, which only types the vfile's `result`) cannot say
// so, and is left out of the CommonJS declarations.
const esOnly = (specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !COMMONJS_DEPENDENCIES.includes(specifier);
const asCommonJsDeclarations = (text) =>
  text
    .replace(/(['"])(\.\.?\/[^'"]*)\.js\1/g, '$1$2.cjs$1')
    .replace(/^import (?:type )?(\{[^}]*\}) from '([^']+)';$/gm, (line, names, from) =>
      esOnly(from) ? `import type ${names} from '${from}' with { 'resolution-mode': 'import' };` : line,
    )
    .replace(/\bimport\((['"])([^'"]+)\1\)/g, (call, quote, from) =>
      esOnly(from) ? `import('${from}', { with: { 'resolution-mode': 'import' } })` : call,
    )
    .replace(/^declare module '([^']+)' \{\n[\s\S]*?^\}\n/gm, (block, name) => (esOnly(name) ? '' : block));

for (const file of filesUnder('dist/src').filter((f) => f.endsWith('.d.ts'))) {
  const text = asCommonJsDeclarations(readFileSync(join('dist/src', file), 'utf8'));
  const target = join('dist/cjs', file.replace(/\.d\.ts$/, '.d.cts'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
