// The package as a user gets it: `npm pack` (of the build `npm test` has just made), installed
// into an empty project, then used as a CLI, as an ES module, as CommonJS and from TypeScript.
//
// Offline and deterministic: the project's lockfile is this repository's, less its
// devDependencies, with the tarball as its one dependency; `npm ci --offline` then takes every
// package from the npm cache, which `npm ci` in this checkout has filled (run it first if
// this fails with ENOTCACHED). A runtime dependency listed as a devDependency is missing there.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocument } from '../src/index.js';
import { at, root } from './helpers.js';

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  integrity: string;
  files: { path: string; size: number }[];
}

const SEED = 'seeds/000_1cb452063da1e329.txt';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// npm's lifecycle variables (when run by `npm test`) describe this repository; the project's
// npm must not see them. The cache and registry settings it keeps.
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_(package|lifecycle)_|^npm_config_(local_prefix|global_prefix|prefix)$|^INIT_CWD$/i.test(k)),
);
Object.assign(env, { NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' });

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  return r;
}
const ok = (r: SpawnSyncReturns<string>, what: string): string => {
  expect(r.status, `${what}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
};
// Node 20.19+ would load the ES module build through require(); turn that off, so that the
// CommonJS build is what is tested, as on Node 20.0–20.18.
const noRequireEsm = process.allowedNodeEnvironmentFlags.has('--experimental-require-module') ? ['--no-experimental-require-module'] : [];

let work = '';
let project = '';
let pack: PackResult;
let installed = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'policy-parse-package-'));
  try {
    // --ignore-scripts: no `prepare` rebuild while other test files run the CLI from dist/.
    const packed = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
    if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    pack = (JSON.parse(packed.stdout) as PackResult[])[0] as PackResult;

    project = join(work, 'project');
    mkdirSync(project);
    const spec = `file:../${pack.filename}`;
    const manifest = JSON.parse(readFileSync(at('package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(at('package-lock.json'), 'utf8'));
    const packages: Record<string, unknown> = {
      '': { name: 'consumer', dependencies: { 'policy-parse': spec } },
      'node_modules/policy-parse': {
        version: manifest.version,
        resolved: spec,
        integrity: pack.integrity,
        license: manifest.license,
        dependencies: manifest.dependencies,
        bin: manifest.bin,
        engines: manifest.engines,
      },
    };
    for (const [path, entry] of Object.entries(lock.packages as Record<string, { dev?: boolean }>)) {
      if (path.startsWith('node_modules/') && !entry.dev) packages[path] = entry;
    }
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, dependencies: { 'policy-parse': spec } }, null, 2)}\n`);
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
    const install = run(npm, ['ci', '--offline', '--no-audit', '--no-fund'], project);
    if (install.status !== 0) throw new Error(`npm ci --offline failed (is the npm cache warm? run npm ci here):\n${install.stderr}`);
    installed = join(project, 'node_modules', 'policy-parse');
    cpSync(at(SEED), join(project, 'plan.txt'));
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the build, the schemas, README and licences: no sources, tests or fixtures', () => {
    const paths = pack.files.map((f) => f.path);
    const allowed = /^(package\.json|README\.md|LICENSE|LICENSES\/[^/]+\.txt|bin\/policy-parse(\.cjs)?|schemas\/[^/]+\.schema\.json|dist\/(bundle|cjs|src)\/.+)$/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    expect(paths.filter((p) => /\.(ts|mts|cts)$/.test(p) && !/\.d\.c?ts$/.test(p))).toEqual([]);
    expect(paths.filter((p) => /(^|\/)(tests?|fixtures|seeds|__snapshots__)\//.test(p))).toEqual([]);
    for (const p of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/cjs/index.cjs', 'dist/cjs/index.d.cts', 'bin/policy-parse.cjs', 'dist/bundle/package.json', 'dist/bundle/html.cjs', 'dist/bundle/yaml.cjs', 'dist/bundle/zod.cjs', 'dist/bundle/policy-parse.js', 'dist/bundle/worker.js', 'dist/bundle/phrase-tables.bin']) {
      expect(paths).toContain(p);
    }
    expect(paths.filter((p) => p.startsWith('schemas/')).sort()).toEqual(
      ['plan-diff', 'policy-document', 'run-index'].map((n) => `schemas/${n}.schema.json`),
    );
    // Nothing stray in the build: the library's files mirror the modules of src/ (tsc's ES
    // modules and declarations; the CommonJS entry and its declarations), and the CLI's folder
    // holds its scripts, their code caches and the phrase tables, and nothing else.
    const sourceOf = (p: string, ext: RegExp): string | null => {
      const m = ext.exec(p);
      return m ? `src/${m[1]}.ts` : null;
    };
    const orphans = (under: string, ext: RegExp, except: readonly string[] = []): string[] =>
      paths.filter((p) => p.startsWith(under) && !except.includes(p)).filter((p) => {
        const source = sourceOf(p, ext);
        return source === null || !existsSync(at(source));
      });
    expect(orphans('dist/src/', /^dist\/src\/(.+?)\.(?:js|d\.ts)$/)).toEqual([]);
    expect(orphans('dist/cjs/', /^dist\/cjs\/(.+?)\.d\.cts$/, ['dist/cjs/index.cjs'])).toEqual([]);
    const bundle = ['package.json', 'policy-parse.js', 'worker.js', 'phrase-tables.bin', ...['policy-parse', 'html', 'yaml', 'zod'].flatMap((s) => [`${s}.cjs`, `${s}.cjs.cache`])];
    expect(paths.filter((p) => p.startsWith('dist/bundle/')).sort()).toEqual(bundle.map((f) => `dist/bundle/${f}`).sort());
    // No one file is out of scale (a dictionary or a data folder inlined into a script): the
    // largest today is the CLI's code cache, about 0.85 MB (2.0 MB packed and 6.1 MB unpacked in all).
    expect(pack.files.filter((f) => f.size > 1_500_000).map((f) => f.path)).toEqual([]);
  });

  it('installs without opencc-js: nothing needs it at run time', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).not.toContain('opencc-js');
    expect(existsSync(join(project, 'node_modules', 'opencc-js'))).toBe(false);
  });

  it('has a README whose links all resolve inside the package', () => {
    const readme = readFileSync(join(installed, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/\]\(\.\.\//);
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string).filter((t) => !/^(https?:|#|mailto:)/.test(t));
    expect(targets.filter((t) => !existsSync(join(installed, t.split('#')[0] as string)))).toEqual([]);
  });
});

describe('the installed package', () => {
  it('runs as a CLI: npx policy-parse parses a document and validates the output', () => {
    ok(run(npm, ['exec', '--offline', '--no', '--', 'policy-parse', 'plan.txt', '-o', 'out', '-f', 'json', '-q'], project), 'npx policy-parse');
    const doc = JSON.parse(readFileSync(join(project, 'out', 'plan.json'), 'utf8'));
    expect(PolicyDocument.safeParse(doc).success).toBe(true);
    expect(doc.meta.title).toBe('北京市消费品标准升级和质量提升规划（2016—2020年）');
    // The bin link npx ran, directly (npm exec costs a second or two each time).
    const bin = join(project, 'node_modules', '.bin', 'policy-parse');
    expect(ok(run(bin, ['validate', 'out'], project), 'policy-parse validate')).toMatch(/2 valid, 0 invalid/);
    expect(ok(run(bin, ['--version'], project), 'policy-parse --version').trim()).toBe(
      JSON.parse(readFileSync(at('package.json'), 'utf8')).version,
    );
  });

  it('imports as an ES module and as CommonJS, with the same result, and exports its schemas', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { parse, validate } from 'policy-parse';",
        "import schema from 'policy-parse/schemas/policy-document.schema.json' with { type: 'json' };",
        "const doc = parse(readFileSync('plan.txt'), { path: 'plan.txt' });",
        'process.stdout.write(JSON.stringify({ doc, issues: validate(doc).issues, schema: schema.$id }));',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'cjs.cjs'),
      [
        "const { readFileSync } = require('node:fs');",
        "const { parse, PolicyDocument } = require('policy-parse');",
        "const schema = require('policy-parse/schemas/policy-document.schema.json');",
        "const { version } = require('policy-parse/package.json');",
        "const doc = parse(readFileSync('plan.txt'), { path: 'plan.txt' });",
        'process.stdout.write(JSON.stringify({ doc, valid: PolicyDocument.safeParse(doc).success, schema: schema.$id, version }));',
      ].join('\n'),
    );
    const esm = JSON.parse(ok(run(process.execPath, ['esm.mjs'], project), 'node esm.mjs'));
    const cjs = JSON.parse(ok(run(process.execPath, [...noRequireEsm, 'cjs.cjs'], project), 'node cjs.cjs'));
    expect(esm.issues).toEqual([]);
    expect(esm.schema).toBe('policy-document.schema.json');
    expect(cjs).toMatchObject({ valid: true, schema: 'policy-document.schema.json', version: JSON.parse(readFileSync(at('package.json'), 'utf8')).version });
    expect(cjs.doc).toEqual(esm.doc);
    expect(esm.doc).toEqual(JSON.parse(readFileSync(join(project, 'out', 'plan.json'), 'utf8')));
    expect(esm.doc.tasks.length).toBeGreaterThan(0);
  });

  it('type-checks from TypeScript: an .mts and a .cts file, under module nodenext and node16', () => {
    const consumer = join(project, 'ts');
    mkdirSync(consumer);
    writeFileSync(
      join(consumer, 'esm.mts'),
      [
        "import { diff, parse, PolicyDocument, type Target } from 'policy-parse';",
        "const doc: PolicyDocument = parse('一、总体目标\\n到2025年，覆盖率达到90%以上。\\n', { path: 'a.txt' });",
        'export const targets: Target[] = doc.targets;',
        'export const valid: boolean = PolicyDocument.safeParse(doc).success;',
        "export const changed: number = diff(doc, doc).summary.targets.changed;",
        '// @ts-expect-error: a title is string | null',
        'export const wrong: number = doc.meta.title;',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'cjs.cts'),
      [
        "import policyParse = require('policy-parse');",
        "const doc: policyParse.PolicyDocument = policyParse.parse('一、总体目标\\n', { path: 'a.txt' });",
        'export const tasks: policyParse.Task[] = doc.tasks;',
        'export const valid: boolean = policyParse.PolicyDocument.safeParse(doc).success;',
        '// @ts-expect-error: a title is string | null',
        'export const wrong: number = doc.meta.title;',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'schema.mts'),
      [
        "import schema from 'policy-parse/schemas/policy-document.schema.json' with { type: 'json' };",
        'export const id: string = schema.$id;',
      ].join('\n'),
    );
    const tsconfig = (module: string, files: string[], skipLibCheck: boolean) => ({
      // A Node project's types (zod's declarations name URL), from this repository's @types/node.
      compilerOptions: { module, moduleResolution: module, target: 'es2022', lib: ['es2022'], typeRoots: [at('node_modules/@types')], types: ['node'], strict: true, noEmit: true, skipLibCheck, resolveJsonModule: true },
      files,
    });
    // nodenext as most projects set it up (skipLibCheck), with the JSON import (import
    // attributes need nodenext); node16, the strictest about CommonJS importing ES modules,
    // also checking every declaration file (the package's .d.cts files included).
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig('nodenext', ['esm.mts', 'cjs.cts', 'schema.mts'], true)));
    writeFileSync(join(consumer, 'tsconfig.node16.json'), JSON.stringify(tsconfig('node16', ['esm.mts', 'cjs.cts'], false)));
    const tsc = at('node_modules/typescript/bin/tsc');
    ok(run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer), 'tsc, module nodenext');
    ok(run(process.execPath, [tsc, '-p', 'tsconfig.node16.json'], consumer), 'tsc, module node16');
  });
});
