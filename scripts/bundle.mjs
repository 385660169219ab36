// Runs after tsc (`npm run build`) and writes two esbuild bundles:
//
// dist/bundle/ — the CLI and its worker: one file to load instead of hundreds of small
// modules, which is most of a short run's start-up time. Commands load their code lazily
// (split chunks), so `--help` never loads the parser. Everything is bundled in.
//
// dist/cjs/ — the library for CommonJS, `require('policy-parse')` (Node 20 before 20.19 cannot
// require() an ES module): index.cjs, plus index.d.cts and the declarations it imports,
// tsc's dist/src/**/*.d.ts with their relative imports renamed .js → .cjs, so that a
// TypeScript consumer in CommonJS mode (module node16 / nodenext) reads CommonJS types.
// The ES module library (dist/src, for `import 'policy-parse'`) is tsc's output, unbundled.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

// The DOCX and PDF readers are loaded only when such a file comes (dynamic import), and are
// large (PDF.js alone is ~2 MB): both bundles import them from node_modules, as installed.
const LOADED_ON_DEMAND = ['mammoth', 'unpdf'];

await build({
  entryPoints: { 'policy-parse': 'bin/policy-parse.ts', worker: 'bin/lib/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: LOADED_ON_DEMAND,
  // Some dependencies are CommonJS that call require(); give the bundle a require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

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
