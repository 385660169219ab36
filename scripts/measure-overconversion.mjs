#!/usr/bin/env node
// Measures the Traditional->Simplified step of src/normalise on Simplified text,
// where it must change nothing, and on a Traditional seed, where it must convert.
//
// Usage (compile first; src/ is built into dist/):
//   npx tsc -p tsconfig.build.json && node scripts/measure-overconversion.mjs \
//     [laws-dir=/work/shared/corpus/laws] [traditional-seed=/work/shared/seeds/000_1cb452063da1e329.txt]
//
// Exit code 1 when a valid Simplified character changed (over-conversion), when more
// than a handful of characters changed at all, or when the seed checks fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import { detectScript, normalise, toSimplified } from '../dist/src/normalise/index.js';

const lawsDir = process.argv[2] ?? new URL('../../shared/corpus/laws', import.meta.url).pathname;
const seedPath = process.argv[3] ?? new URL('../seeds/000_1cb452063da1e329.txt', import.meta.url).pathname;

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

function mbPerSecond(bytes, ms) {
  return (bytes / 1e6 / (ms / 1000)).toFixed(1);
}

let failed = false;

// Independent oracle for "valid Simplified": every character on the Simplified
// (source) side of opencc's S->T dictionaries. Changing one of these is
// over-conversion; changing anything else is converting a stray Traditional character.
const simplifiedSide = new Set();
for (const dictionary of [STCharacters, STPhrases]) {
  for (const entry of dictionary.split('|')) for (const ch of entry.split(' ')[0]) simplifiedSide.add(ch);
}

// --- 1. Simplified corpus: the script-conversion step only -----------------------
const texts = [];
let bytes = 0;
for (const path of walk(lawsDir)) {
  const buffer = readFileSync(path);
  bytes += buffer.length;
  texts.push([path, buffer.toString('utf8')]);
}

// Warm-up builds the opencc tables, so the timing below is steady-state throughput.
toSimplified('發展', 'simplified');

let changedChars = 0;
let overConverted = 0;
let changedFiles = 0;
const scripts = { simplified: 0, traditional: 0, mixed: 0 };
const examples = [];
const started = performance.now();
for (const [path, text] of texts) {
  const script = detectScript(text);
  scripts[script]++;
  const { text: converted, changed } = toSimplified(text, script);
  if (changed === 0) continue;
  changedChars += changed;
  changedFiles++;
  // Both strings have equal length here unless the file was not detected as Simplified.
  for (let i = 0; i < text.length && examples.length < 20; i++) {
    if (text[i] !== converted[i]) {
      if (simplifiedSide.has(text[i])) overConverted++;
      examples.push(`${path.slice(lawsDir.length + 1)}: …${text.slice(Math.max(0, i - 8), i + 8)}… ${text[i]}→${converted[i]} (file detected as ${script})`);
      if (converted.length !== text.length) break;
    }
  }
}
const elapsed = performance.now() - started;

console.log(`Simplified corpus: ${texts.length} files, ${(bytes / 1e6).toFixed(1)} MB (${lawsDir})`);
console.log(`  detected scripts: ${JSON.stringify(scripts)}`);
console.log(`  characters changed by T→S conversion: ${changedChars} in ${changedFiles} files`);
for (const example of examples) console.log(`    ${example}`);
console.log(`  of which valid Simplified characters (over-conversion): ${overConverted}${examples.length >= 20 ? ' (first 20 examples checked)' : ''}`);
console.log(`  detect + convert: ${elapsed.toFixed(0)} ms, ${mbPerSecond(bytes, elapsed)} MB/s`);
if (overConverted > 0 || changedChars > 20) failed = true;

// Whole stage, for reference (punctuation and width changes are intended here).
const fullStarted = performance.now();
for (const [, text] of texts) normalise(text);
const fullElapsed = performance.now() - fullStarted;
console.log(`  full normalise(): ${fullElapsed.toFixed(0)} ms, ${mbPerSecond(bytes, fullElapsed)} MB/s`);

// --- 2. Traditional seed ------------------------------------------------------------
const seed = readFileSync(seedPath, 'utf8');
const result = normalise(seed);
const mustContain = ['知识产权', '优化消费品市场环境', '人民群众', '网络消费品', '智能化发展', '著名商标'];
const mustNotContain = ['智慧财产权', '最佳化', '網', '質', '標準', '创建健全', '指针体系', '着名'];
console.log(`\nTraditional seed ${seedPath}: detected ${result.script}`);
for (const phrase of mustContain) {
  const ok = result.text.includes(phrase);
  failed ||= !ok;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} contains ${phrase}`);
}
for (const phrase of mustNotContain) {
  const ok = !result.text.includes(phrase);
  failed ||= !ok;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} does not contain ${phrase}`);
}

// Throughput on Traditional text: the seed repeated to about 5 MB.
const copies = Math.ceil(5e6 / Buffer.byteLength(seed));
const big = Array.from({ length: copies }, () => seed).join('\n');
const bigBytes = Buffer.byteLength(big);
const tradStarted = performance.now();
toSimplified(big, detectScript(big));
const tradElapsed = performance.now() - tradStarted;
const fullTradStarted = performance.now();
normalise(big);
const fullTradElapsed = performance.now() - fullTradStarted;
console.log(`  ${(bigBytes / 1e6).toFixed(1)} MB Traditional: detect + convert ${mbPerSecond(bigBytes, tradElapsed)} MB/s, full normalise() ${mbPerSecond(bigBytes, fullTradElapsed)} MB/s`);

process.exitCode = failed ? 1 : 0;
