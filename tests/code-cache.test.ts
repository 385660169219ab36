// The CLI's bundle and its V8 code cache (bin/lib/load-bundle.ts, scripts/bundle.mjs): the
// cache the build made is one V8 takes, and a cache that does not fit — damaged, another
// build's, cut short, missing — changes nothing but the time a run takes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_V8_FLAGS } from '../bin/lib/v8-flags.js';
import { at, copyOfBuild } from './helpers.js';

const SEED = at('seeds/004_d5cd5e8c6d7fb42d.txt');
/** A page: the HTML parser's script is loaded, with its cache, as YAML's is for -f yaml. */
const PAGE = at('fixtures/html/layout-table-article/input.html');
/** The scripts of the bundle's folder with a cache: the bundle, and those it loads when first needed. */
const SCRIPTS = ['policy-parse.cjs', 'html.cjs', 'yaml.cjs', 'zod.cjs'];
const BUNDLE = at('dist/bundle');
const work = mkdtempSync(join(tmpdir(), 'policy-parse-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** A config file: zod's script is loaded, with its cache, to check it. */
const CONFIG = join(work, 'policy-parse.config.json');
writeFileSync(CONFIG, JSON.stringify({ departmentAliases: { 市质监局: '市场监督管理局' } }));

// A plain node: V8 takes a cache only under the flags it was made with.
const env = { ...process.env, NODE_OPTIONS: '' };

/** A copy of the package's build, with every cache file as `damage` leaves it. */
function copyWith(name: string, damage: (cache: Buffer) => Buffer | undefined): string {
  const root = copyOfBuild(work, name);
  for (const script of SCRIPTS) {
    const cache = join(root, 'dist/bundle', `${script}.cache`);
    const damaged = damage(readFileSync(cache));
    if (damaged) writeFileSync(cache, damaged);
    else rmSync(cache);
  }
  return root;
}

/** Every file a run writes, with stdout and stderr. */
function runIn(root: string, out: string): Record<string, string> {
  // Run from `work`: the summary names the output folder relative to the working folder.
  const r = spawnSync(process.execPath, [join(root, 'dist/bundle/policy-parse.js'), SEED, PAGE, '-o', out, '-f', 'json,yaml', '--config', CONFIG], { cwd: work, env, encoding: 'utf8' });
  const files = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  return { ...files, status: String(r.status), stdout: r.stdout.replaceAll(`→ ${relative(work, out)}/`, '→ OUT/'), stderr: r.stderr };
}

const dataStart = (cache: Buffer) => cache.indexOf(0x0a) + 1;

describe('the code cache', () => {
  it('is there for the bundle and each script it loads when first needed, and V8 takes each', () => {
    expect(readdirSync(BUNDLE).filter((f) => f.endsWith('.cache')).sort()).toEqual(SCRIPTS.map((s) => `${s}.cache`).sort());
    for (const script of SCRIPTS) {
      const file = join(BUNDLE, script);
      const probe = `
        const { readFileSync } = require('node:fs');
        const { Script } = require('node:vm');
        require('node:v8').setFlagsFromString(${JSON.stringify(CLI_V8_FLAGS)});
        const cache = readFileSync(${JSON.stringify(`${file}.cache`)});
        const script = new Script(readFileSync(${JSON.stringify(file)}, 'utf8'), { filename: ${JSON.stringify(file)}, cachedData: cache.subarray(cache.indexOf(10) + 1) });
        process.stdout.write(String(script.cachedDataRejected));`;
      const r = spawnSync(process.execPath, ['-e', probe], { env, encoding: 'utf8' });
      expect(r.stderr, script).toBe('');
      expect(r.stdout, script).toBe('false');
    }
  });

  it('is what a run loads each script with: no script is compiled without its cache', () => {
    // The loader's compiles, as V8 reports them: each script given its cache, and taking it.
    const probe = `
      const vm = require('node:vm');
      const Script = vm.Script;
      const seen = [];
      vm.Script = class extends Script {
        constructor(source, options) {
          super(source, options);
          seen.push([require('node:path').basename(options.filename), Boolean(options.cachedData), this.cachedDataRejected]);
        }
      };
      process.on('exit', () => process.stderr.write(JSON.stringify(seen)));
      process.argv.splice(1, 0, 'policy-parse');
      require(${JSON.stringify(join(BUNDLE, 'policy-parse.js'))});`;
    const out = join(work, 'out-loaded');
    // (One thread: the tests' setting puts documents through a worker, whose compiles this does not see.)
    const r = spawnSync(process.execPath, ['-e', probe, SEED, PAGE, '-o', out, '-f', 'json,yaml', '-q', '-j', '1', '--config', CONFIG], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stderr).sort()).toEqual(SCRIPTS.map((s) => [s, true, false]).sort());
  });

  it('is what each thread of a batch on several threads loads its scripts with', () => {
    // Every compile, in this thread and the worker, as V8 reports it. The batch raises V8's
    // tiering budget before its worker starts (bin/lib/v8-flags.ts, THREADS_V8_FLAGS), and V8
    // takes a cache only under the flags it was made with: the loader puts V8's budget back
    // for each compile.
    const preload = join(work, 'compiles.cjs');
    writeFileSync(
      preload,
      `const vm = require('node:vm');
      const { isMainThread } = require('node:worker_threads');
      const Script = vm.Script;
      vm.Script = class extends Script {
        constructor(source, options) {
          super(source, options);
          process.stderr.write(JSON.stringify([isMainThread ? 'main' : 'worker', require('node:path').basename(options.filename), Boolean(options.cachedData), this.cachedDataRejected]) + '\\n');
        }
      };`,
    );
    const out = join(work, 'out-threads');
    // Every thread --jobs allows, whatever the input's size, and the worker given jobs first.
    const threads = { ...env, NODE_OPTIONS: `--require ${preload}`, POLICY_PARSE_THREAD_MB: '0', POLICY_PARSE_TEST_WORKERS: '1' };
    const r = spawnSync(process.execPath, [join(BUNDLE, 'policy-parse.js'), SEED, PAGE, '-o', out, '-f', 'json,yaml', '-q', '-j', '2'], { env: threads, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const compiles = r.stderr.split('\n').filter((line) => line.startsWith('[')).map((line) => JSON.parse(line) as [string, string, boolean, boolean]);
    // The worker compiled the bundle, and YAML's script once the budget was raised.
    expect(compiles).toContainEqual(['worker', 'policy-parse.cjs', true, false]);
    expect(compiles).toContainEqual(['worker', 'yaml.cjs', true, false]);
    for (const [thread, script, given, rejected] of compiles) expect({ thread, script, given, rejected }).toEqual({ thread, script, given: true, rejected: false });
  });

  it('changes no output when it does not fit', () => {
    const expected = runIn(copyWith('whole', (c) => c), join(work, 'out-whole'));
    expect(expected.status).toBe('0');
    const damages: Record<string, (cache: Buffer) => Buffer | undefined> = {
      // One byte of V8's data changed: V8 would take it, and could crash.
      flipped: (c) => {
        const d = Buffer.from(c);
        const i = dataStart(d) + Math.floor((d.length - dataStart(d)) / 2);
        d[i] = (d[i] as number) ^ 0x55;
        return d;
      },
      'another build': (c) => Buffer.concat([Buffer.from(c.subarray(0, dataStart(c)).toString('latin1').replace(/cache [0-9a-f]+ /, 'cache 0123456789abcdef ')), c.subarray(dataStart(c))]),
      'cut short': (c) => c.subarray(0, Math.floor(c.length / 2)),
      'not a cache': () => Buffer.from('policy-parse code cache\n'),
      missing: () => undefined,
    };
    for (const [name, damage] of Object.entries(damages)) {
      expect(runIn(copyWith(name, damage), join(work, `out-${name}`)), name).toEqual(expected);
    }
  }, 60_000);
});
