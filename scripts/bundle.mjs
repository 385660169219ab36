// Bundles the CLI and its worker into dist/bundle/ (esbuild): one file to load instead of
// hundreds of small modules, which is most of a short run's start-up time. Commands load
// their code lazily (split chunks), so `--help` never loads the parser. The library
// (dist/src, for `import 'policy-parse'`) stays unbundled; this is the CLI's fast path.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { 'policy-parse': 'bin/policy-parse.ts', worker: 'bin/lib/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // Some dependencies are CommonJS that call require(); give the bundle a require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
