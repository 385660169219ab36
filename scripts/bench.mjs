// npm run bench: speed figures with the machine's core count (medians of several runs).
// Nothing here passes or fails; the figures go into issues and the README.
//   - start-up: `node -e 0`, `policy-parse --version`, one seed of each script parsed to JSON;
//   - the laws corpus (../shared/corpus/laws, Simplified) through the whole CLI, JSON
//     output, default workers: MB/s, documents/s, peak RSS; a Traditional corpus generated
//     from seed 000, likewise; the laws again with JSON and YAML, what a run writes by default;
//   - scale and cores side by side: laws 1× and 8× in one thread, one thread against the
//     default workers and against every core's thread forced (POLICY_PARSE_THREAD_MB=0),
//     MB/s per core, and the floor script (scripts/bench/floor.mjs);
//   - time per pipeline stage, in one thread;
//   - an HTML page of 3 MB to text and parsed;
//   - diff: two seed-sized documents and two 5,000-section versions.
// Set BENCH_RUNS (default 3) for more runs, POLICY_PARSE_LAWS for another corpus.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusSentences, planPair } from './bench/diff.mjs';
import { stageTimes } from './bench/stages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parse, diff, processor } = await import(`${root}dist/src/index.js`);
const LAWS = process.env.POLICY_PARSE_LAWS ?? join(root, '../shared/corpus/laws');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// The command as npx and an installed package run it (package.json's bin).
const bin = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin['policy-parse']);
const measure = join(root, 'scripts/bench/measure-cli.mjs');
const work = mkdtempSync(join(tmpdir(), 'policy-parse-bench-'));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => bytes / 1024 / 1024;

function time(fn, runs) {
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    ms.push(performance.now() - start);
  }
  return { ms: median(ms), result };
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

function bytesIn(paths) {
  return paths.reduce((n, p) => n + statSync(p).size, 0);
}

/** The CLI over `inputs` into a fresh folder, `runs` times: median seconds, peak RSS and the most threads a run parsed on. */
function cli(inputs, runs, extra = [], env = {}) {
  const seconds = [];
  const rss = [];
  let threads = 1;
  for (let i = 0; i < runs; i++) {
    const out = join(work, `out-${i}`);
    rmSync(out, { recursive: true, force: true });
    const start = performance.now();
    const r = spawnSync(process.execPath, [measure, ...inputs, '--out', out, '-f', 'json', '-q', ...extra], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
    seconds.push((performance.now() - start) / 1000);
    if (r.status !== 0) throw new Error(`policy-parse exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    rss.push(Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024);
    threads = Math.max(threads, Number(/threads (\d+)/.exec(r.stderr)?.[1] ?? 1));
    rmSync(out, { recursive: true, force: true });
  }
  return { seconds: median(seconds), rss: Math.max(...rss), threads };
}

/**
 * Each configuration (inputs, extra arguments, environment) through the CLI once a round, in
 * turn, for `rounds` rounds: per configuration its median seconds, peak RSS and each round's
 * seconds. Ratios between two configurations are taken round by round (ratio()): a machine
 * whose speed drifts moves both runs of a round alike, where medians of separate series of
 * runs can differ by the drift alone. A configuration may also be a function that makes one run
 * of something else (the floor script) and returns its seconds, peak RSS and threads.
 */
function takingTurns(configs, rounds) {
  const runs = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, config] of Object.entries(configs)) {
      if (typeof config === 'function') runs[name].push(config());
      else runs[name].push(cli(config[0], 1, config[1] ?? [], config[2] ?? {}));
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [name, { seconds: median(list.map((r) => r.seconds)), rss: Math.max(...list.map((r) => r.rss)), threads: Math.max(...list.map((r) => r.threads)), each: list.map((r) => r.seconds) }]),
  );
}

/** How many times as fast `b` ran as `a`: the median over rounds of a's time over b's. */
const ratio = (a, b) => median(a.each.map((seconds, i) => seconds / b.each[i]));

function countSections(sections) {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`policy-parse bench — node ${process.version}, ${availableParallelism()} cores (${cpu}), medians of ${RUNS} runs\n`);

// Start-up. The commands take turns, 15 rounds, so that other work on the machine weighs on
// each alike; medians. Each round starts one command later in the list, so that each command
// runs in each place as often: where a command runs in the round moves its time by a few
// percent on this machine (one seed's run, twice in a row for 41 rounds: the second took 0.97
// of the first's time), and a fixed order would favour the same commands every round.
// One seed of each script: a Traditional document also reads the conversion's phrase tables,
// which a Simplified one never needs. And the seed as a user's run writes it: the default
// formats (JSON and YAML) and the summary table on stdout.
{
  const seed = join(root, 'seeds/002_03db1d08565b47d2.txt');
  const traditionalSeed = join(root, 'seeds/000_1cb452063da1e329.txt');
  const commands = [
    ['-e', '0'],
    [bin, '--version'],
    [bin, seed, '--out', join(work, 'one'), '-f', 'json', '-q'],
    [bin, traditionalSeed, '--out', join(work, 'one'), '-f', 'json', '-q'],
    [bin, seed, '--out', join(work, 'one')],
  ];
  const times = commands.map(() => []);
  const load = loadavg()[0];
  for (let round = 0; round < 15; round++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (k + round) % commands.length;
      const start = performance.now();
      spawnSync(process.execPath, commands[i]);
      times[i].push(performance.now() - start);
    }
  }
  const [node0, version, one, oneTraditional, oneDefault] = times.map(median);
  console.log(`start-up (load average ${load.toFixed(2)} -> ${loadavg()[0].toFixed(2)})`);
  console.log(`  node -e 0                     ${node0.toFixed(0)} ms`);
  console.log(`  policy-parse --version        ${version.toFixed(0)} ms  (${(version / node0).toFixed(2)}× node -e 0; bar 1.5×)`);
  console.log(`  one seed to JSON              ${one.toFixed(0)} ms  (${(one / node0).toFixed(2)}× node -e 0; bar 2×)`);
  console.log(`  one Traditional seed to JSON  ${oneTraditional.toFixed(0)} ms  (${(oneTraditional / node0).toFixed(2)}× node -e 0; bar 2×)`);
  console.log(`  one seed, default run         ${oneDefault.toFixed(0)} ms  (${(oneDefault / node0).toFixed(2)}× node -e 0: JSON, YAML and the summary)\n`);
}

// Corpora through the whole CLI.
const traditionalDir = join(work, 'traditional');
{
  const seed = readFileSync(join(root, 'seeds/000_1cb452063da1e329.txt'), 'utf8');
  mkdirSync(traditionalDir);
  // 400 copies, each made distinct so nothing could be cached: about 6 MB.
  for (let i = 0; i < 400; i++) writeFileSync(join(traditionalDir, `plan-${String(i).padStart(3, '0')}.txt`), seed.replace('北京市', `北京市第${i}號`));
}
function corpusLine(name, inputs, paths, extra = []) {
  const bytes = bytesIn(paths);
  const r = cli(inputs, RUNS, extra);
  console.log(
    `  ${name.padEnd(28)} ${mb(bytes).toFixed(1).padStart(6)} MB  ${String(paths.length).padStart(5)} docs  ${r.seconds.toFixed(2).padStart(6)} s  ` +
      `${(mb(bytes) / r.seconds).toFixed(1).padStart(5)} MB/s  ${(paths.length / r.seconds).toFixed(0).padStart(5)} docs/s  peak RSS ${r.rss.toFixed(0)} MB`,
  );
  return r;
}
// Issue 5's bars, for the default workers; issue 15's per core (18 MB/s on the laws, -j 1) is measured against the floor below.
console.log('whole CLI, JSON output, default workers (issue 5 bars: laws ≥ 20 MB/s, Traditional ≥ 8 MB/s, RSS < 300 MB; per core below)');
const lawsFiles = files(LAWS).filter((p) => p.endsWith('.md'));
corpusLine('laws corpus', [LAWS], lawsFiles);
corpusLine('Traditional (seed 000 × 400)', [traditionalDir], files(traditionalDir));
// What a run writes by default: a JSON and a YAML file per document.
corpusLine('laws corpus, JSON and YAML', [LAWS], lawsFiles, ['-f', 'json,yaml']);
console.log();

// Scale and cores (issue 15), side by side: the laws corpus once and eight times over (its
// folders linked eight times), in one thread and on the default workers, and the floor — a
// script that only reads, scans lines, serialises and writes (scripts/bench/floor.mjs).
{
  const lawsMb = mb(bytesIn(lawsFiles));
  const eightDir = join(work, 'eight');
  mkdirSync(eightDir);
  const eight = Array.from({ length: 8 }, (_, i) => {
    symlinkSync(LAWS, join(eightDir, `copy-${i + 1}`));
    return join(eightDir, `copy-${i + 1}`);
  });
  const cores = availableParallelism();
  const all = ['--jobs', String(cores)];
  // Every core's thread started whatever the input's size (the default starts one more only
  // per THREAD_MB of input, bin/lib/limits.ts): what a worker costs where it does not pay.
  const forced = { POLICY_PARSE_THREAD_MB: '0' };
  const seedsDir = join(root, 'seeds');
  // One thread, the default, an explicit --jobs of every core and every core forced take turns
  // on each corpus, so that their ratios are taken round by round.
  // The floor takes its turn with the laws' runs: the per-core bar is read as their ratio, round by round.
  const floorOut = join(work, 'floor');
  const floorRun = () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/bench/floor.mjs'), LAWS, floorOut], { encoding: 'utf8' });
    rmSync(floorOut, { recursive: true, force: true });
    const seconds = Number(/\(([\d.]+) s\)/.exec(r.stdout)?.[1] ?? Number.NaN);
    if (!(seconds > 0)) throw new Error(`floor script failed: ${r.stderr.slice(0, 200)}`);
    return { seconds, rss: 0, threads: 1 };
  };
  // The laws twice over in one run, one thread, in turn with the once-over run: the second
  // copy (the difference) is what the documents cost once V8 has optimised the parser, and the
  // rest of a once-over run is V8 warming up to it (see the warm-up line below).
  const lawsRuns = takingTurns(
    { one: [[LAWS], ['--jobs', '1']], default: [[LAWS]], forced: [[LAWS], all, forced], floor: floorRun, twice: [eight.slice(0, 2), ['--jobs', '1']] },
    RUNS,
  );
  const traditionalRuns = takingTurns(
    { one: [[traditionalDir], ['--jobs', '1']], default: [[traditionalDir]], all: [[traditionalDir], all], forced: [[traditionalDir], all, forced] },
    RUNS,
  );
  const seedsRuns = takingTurns({ one: [[seedsDir], ['--jobs', '1']], all: [[seedsDir], all] }, RUNS + 2);
  const { one: oneThread, default: lawsDefault, forced: lawsForced, floor, twice: lawsTwice } = lawsRuns;
  const { one: traditionalOne, default: traditionalDefault, all: traditionalAll, forced: traditionalForced } = traditionalRuns;
  const { one: seedsOne, all: seedsAll } = seedsRuns;
  // The 8× run lasts half a minute, and this machine's speed drifts over minutes: it is read
  // against 1× runs taken just before and just after it, not against the turns above.
  const oneBefore = cli([LAWS], 1, ['--jobs', '1']);
  const eightOne = cli(eight, 1, ['--jobs', '1']);
  const oneAfter = cli([LAWS], 1, ['--jobs', '1']);
  const oneAround = { seconds: (oneBefore.seconds + oneAfter.seconds) / 2, rss: Math.max(oneBefore.rss, oneAfter.rss) };
  // Per core: per thread the run parsed on (a default run below the threads' share starts no worker).
  const row = (name, r, mbIn) =>
    console.log(
      `  ${name.padEnd(30)} ${r.seconds.toFixed(2).padStart(7)} s ${(mbIn / r.seconds).toFixed(1).padStart(6)} MB/s ${(mbIn / r.seconds / r.threads).toFixed(1).padStart(6)} MB/s per core (${r.threads} ${r.threads === 1 ? 'thread' : 'threads'})  peak RSS ${r.rss.toFixed(0).padStart(4)} MB`,
    );
  console.log('scale and cores (bars: 8× ≤ 8.4× the time and ≤ 1.1× the memory of 1×; -j never slower than -j 1)');
  row('laws 1×, --jobs 1', oneThread, lawsMb);
  row(`laws 1×, default (${cores} cores)`, lawsDefault, lawsMb);
  row(`laws 1×, ${cores} threads forced`, lawsForced, lawsMb);
  row('laws 8×, --jobs 1', eightOne, lawsMb * 8);
  const traditionalMb = mb(bytesIn(files(traditionalDir)));
  row('Traditional, --jobs 1', traditionalOne, traditionalMb);
  row(`Traditional, default (${cores} cores)`, traditionalDefault, traditionalMb);
  row(`Traditional, --jobs ${cores}`, traditionalAll, traditionalMb);
  row(`Traditional, ${cores} threads forced`, traditionalForced, traditionalMb);
  row('seeds (5 files), --jobs 1', seedsOne, mb(bytesIn(files(seedsDir))));
  row(`seeds (5 files), --jobs ${cores}`, seedsAll, mb(bytesIn(files(seedsDir))));
  console.log(
    `  8× / 1× (one thread, 1× run just before and after the 8×: ${oneBefore.seconds.toFixed(2)} and ${oneAfter.seconds.toFixed(2)} s): time ${(eightOne.seconds / oneAround.seconds).toFixed(2)}×, peak RSS ${(eightOne.rss / oneAround.rss).toFixed(2)}× (the larger 1× peak)`,
  );
  console.log(`  (ratios below: medians over ${RUNS} rounds, ${RUNS + 2} for the seeds, of each round's pair of runs)`);
  // Two runs that parsed on one thread each ran the same work: their ratio is the machine's noise, and says so.
  const versus = (a, b) => `${ratio(a, b).toFixed(2)}×${a.threads === 1 && b.threads === 1 ? ' (one thread in both: noise)' : ''}`;
  console.log(`  default / --jobs 1: laws ${versus(oneThread, lawsDefault)} as fast, Traditional ${versus(traditionalOne, traditionalDefault)} as fast; --jobs ${cores} / --jobs 1: Traditional ${versus(traditionalOne, traditionalAll)}, seeds ${versus(seedsOne, seedsAll)} as fast`);
  console.log(`  ${cores} threads forced / --jobs 1: laws ${ratio(oneThread, lawsForced).toFixed(2)}× as fast, Traditional ${ratio(traditionalOne, traditionalForced).toFixed(2)}× as fast`);
  console.log(`  floor ${(lawsMb / floor.seconds).toFixed(1)} MB/s (${floor.seconds.toFixed(2)} s) (read + 12-regex line pass + pretty JSON + write, one thread; median of ${RUNS}, in turn with the laws' runs)`);
  // The per-core bar against this machine's floor: 18 MB/s was 0.72 of the floor's 25 MB/s when issue 15 was filed.
  const overFloor = ratio(oneThread, floor);
  console.log(`  laws, --jobs 1: ${overFloor.toFixed(2)}× the floor's time, round by round (${(1 / overFloor).toFixed(2)} of its MB/s; the bar, 18 MB/s against 25 when filed, is 0.72)`);
  // Round by round: the second copy's time, and what the once-over run spends beyond it.
  const warm = lawsTwice.each.map((seconds, i) => seconds - oneThread.each[i]);
  const warmSeconds = median(warm);
  const warmUp = median(oneThread.each.map((seconds, i) => seconds - warm[i]));
  const warmOverFloor = median(warm.map((seconds, i) => seconds / floor.each[i]));
  console.log(
    `  warm-up: the laws twice over in one run (--jobs 1) ${lawsTwice.seconds.toFixed(2)} s; the second copy ${warmSeconds.toFixed(2)} s (${(lawsMb / warmSeconds).toFixed(1)} MB/s, ${warmOverFloor.toFixed(2)}× the floor's time), so ${warmUp.toFixed(2)} s of a once-over run is V8 warming up (medians, round by round)\n`,
  );
}

// Hostile inputs (issue 13): each ends in seconds and bounded memory, whatever its exit code.
{
  console.log('hostile inputs, one run each (bar: seconds, peak RSS < 1 GB)');
  const dir = join(work, 'hostile');
  mkdirSync(dir);
  const fill = (name, line) => {
    const lines = [];
    let size = 0;
    for (let i = 0; size < 9.8e6; i++) {
      const l = line(i);
      lines.push(l);
      size += Buffer.byteLength(l);
    }
    writeFileSync(join(dir, name), lines.join(''));
    return join(dir, name);
  };
  const cases = [
    ['9.8 MB of one-character numbered lines', [fill('short-lines.txt', (i) => `${(i % 9) + 1}.甲\n`)]],
    ['9.8 MB of numbered target lines', [fill('target-lines.txt', (i) => `${i + 1}.推进第${i + 1}项工作，到2025年达到${i % 100}%。\n`)]],
    ['/dev/zero named as an input', ['/dev/zero']],
    ['the seeds with --jobs 200', [join(root, 'seeds'), '--jobs', '200']],
  ];
  for (const [name, args] of cases) {
    const out = join(work, 'hostile-out');
    rmSync(out, { recursive: true, force: true });
    const start = performance.now();
    const r = spawnSync(process.execPath, [measure, ...args, '--out', out, '-f', 'json', '-q'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = (performance.now() - start) / 1000;
    const rss = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
    console.log(`  ${name.padEnd(40)} ${seconds.toFixed(2).padStart(6)} s  peak RSS ${rss.toFixed(0).padStart(5)} MB  exit ${r.status}`);
    rmSync(out, { recursive: true, force: true });
  }
  console.log();
}

// Stages, one thread.
{
  console.log('pipeline stages, one thread (ms; MB/s of input)');
  for (const [name, paths] of [
    ['laws', lawsFiles],
    ['Traditional', files(traditionalDir)],
  ]) {
    const texts = paths.map((p) => readFileSync(p, 'utf8'));
    const bytes = bytesIn(paths);
    const times = stageTimes(processor, texts);
    const total = [...times.values()].reduce((a, b) => a + b, 0);
    const cells = [...times].map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`);
    console.log(`  ${name.padEnd(12)} ${cells.join(' · ')} · total ${total.toFixed(0)} (${(mb(bytes) / (total / 1000)).toFixed(1)} MB/s)`);
  }
  console.log();
}

// HTML: a 3 MB page (a government-style fixture page repeated) to text, and parsed whole.
{
  const { htmlToText } = await import(`${root}dist/src/index.js`);
  const page = readFileSync(join(root, 'fixtures/html/page-furniture-dropped/input.html'), 'utf8');
  const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
  const big = `<html><body>${body.repeat(Math.ceil(3_000_000 / body.length))}</body></html>`;
  const toText = time(() => htmlToText(big), 3);
  const whole = time(() => parse(big, { path: 'page.html' }), 3);
  console.log('HTML');
  console.log(`  ${mb(Buffer.byteLength(big)).toFixed(1)} MB page: to text ${toText.ms.toFixed(0)} ms, parsed whole ${whole.ms.toFixed(0)} ms\n`);
}

// diff: seed-sized documents, then two 5,000-section versions.
{
  console.log('diff');
  const a = parse(readFileSync(join(root, 'seeds/002_03db1d08565b47d2.txt')), { path: 'a' });
  const b = parse(readFileSync(join(root, 'fixtures/diff/renumber-inserted-part/new.txt')), { path: 'b' });
  const small = time(() => diff(a, b), 9);
  console.log(`  seed-sized (${countSections(a.sections)} sections): ${small.ms.toFixed(1)} ms`);
  const pair = planPair(corpusSentences(LAWS, 6000));
  const big = { old: parse(pair.old, { path: 'old' }), new: parse(pair.new, { path: 'new' }) };
  const large = time(() => diff(big.old, big.new), 5);
  const s = large.result.summary.sections;
  console.log(
    `  ${countSections(big.old.sections)} vs ${countSections(big.new.sections)} sections: ${large.ms.toFixed(0)} ms (bar 2,000 ms)` +
      ` — added ${s.added}, removed ${s.removed}, changed ${s.changed}, moved ${s.moved}, unchanged ${s.unchanged}`,
  );
}

rmSync(work, { recursive: true, force: true });
