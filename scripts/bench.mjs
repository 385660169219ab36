// npm run bench: speed figures, printed with the machine's core count. Needs `npm run build`.
// Medians of several runs; nothing here is a pass/fail test.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { corpusSentences, planPair } from './bench/diff.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parse, diff } = await import(`${root}dist/src/index.js`);
const LAWS = process.env.POLICY_PARSE_LAWS ?? `${root}../shared/corpus/laws`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

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

function countSections(sections) {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

console.log(`policy-parse bench — node ${process.version}, ${availableParallelism()} cores`);

const startUp = time(() => spawnSync(process.execPath, ['-e', '0']), 7);
console.log(`process start-up (node -e 0): ${startUp.ms.toFixed(1)} ms`);

// diff: seed-sized documents, then two 5,000-section versions.
{
  const a = parse(readFileSync(`${root}seeds/002_03db1d08565b47d2.txt`), { path: 'a' });
  const b = parse(readFileSync(`${root}fixtures/diff/renumber-inserted-part/new.txt`), { path: 'b' });
  const small = time(() => diff(a, b), 9);
  console.log(`diff, seed-sized (${countSections(a.sections)} sections): ${small.ms.toFixed(1)} ms`);

  const pair = planPair(corpusSentences(LAWS, 6000));
  const big = { old: parse(pair.old, { path: 'old' }), new: parse(pair.new, { path: 'new' }) };
  const large = time(() => diff(big.old, big.new), 5);
  const s = large.result.summary.sections;
  console.log(
    `diff, ${countSections(big.old.sections)} vs ${countSections(big.new.sections)} sections: ${large.ms.toFixed(0)} ms` +
      ` (added ${s.added}, removed ${s.removed}, changed ${s.changed}, moved ${s.moved}, unchanged ${s.unchanged})`,
  );
}
