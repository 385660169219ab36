// Counts how often each Taiwan phrase — and the mainland phrase it stands for — occurs in
// mainland text, and writes the table with its counts to src/normalise/tw-phrases-generated.ts.
// The candidates are opencc's TWPhrases (mainland → Taiwan, reversed here), the curated
// policy list in src/normalise/tw-phrases.ts, and those of opencc's STPhrases its own reverse
// table does not take back; the counts decide what each entry may do
// (src/normalise/tw-vocabulary.ts). The mainland text is ../shared/corpus (laws, pkulaw,
// jiangxi, gov.cn, work reports), Simplified files only, minus the 40 documents the
// round-trip evaluation uses. `npm run build && npm run generate:tw-phrases` rewrites it.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import STPhrases from 'opencc-js/dict/STPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import { detectScript } from '../dist/src/normalise/detect-script.js';
import { foldCharacters } from '../dist/src/normalise/to-simplified.js';
import { TW_PHRASES } from '../dist/src/normalise/tw-phrases.js';
import { TAIWAN_ONLY_PER_MB, phraseClass } from '../dist/src/normalise/tw-vocabulary.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const corpus = join(root, '../shared/corpus');
const roundtrip = join(root, '../shared/eval/roundtrip');
const out = join(root, 'src/normalise/tw-phrases-generated.ts');

const toMainland = OpenCC.Converter({ from: 't', to: 'cn' });

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(md|txt|html)$/.test(name)) yield path;
  }
}

const held = new Set(readdirSync(roundtrip).filter((f) => f.endsWith('.orig.txt')).map((f) => f.replace('.orig.txt', '.txt')));
const texts = [];
for (const path of files(corpus)) {
  if (path.includes('taiwan-laws') || held.has(path.split('/').pop())) continue;
  let text = readFileSync(path, 'utf8');
  if (path.endsWith('.html')) text = text.replace(/<[^>]*>/g, '');
  if (detectScript(text) === 'simplified') texts.push(text);
}
const mainland = texts.join('\n');

// Taiwan text (the statutes), folded to Simplified characters: how often Taiwan writes the
// mainland form itself (程序, 对象 yes; 信息, 软件 all but never).
const taiwanTexts = [];
for (const path of files(join(corpus, 'taiwan-laws'))) taiwanTexts.push(foldCharacters(readFileSync(path, 'utf8')));
const taiwanText = taiwanTexts.join('\n');

function countIn(text, phrase) {
  let n = 0;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) n++;
  return n;
}
const count = (phrase) => countIn(mainland, phrase);

// Taiwan phrase (folded to Simplified characters) → its mainland phrase. Where several
// mainland phrases map to one Taiwan phrase (编程 and 程序设计 → 程式設計), the one mainland
// text uses most wins; on a tie, the curated entry.
const candidates = new Map();
const offer = (taiwan, mainlandPhrase, source) => {
  const key = foldCharacters(taiwan);
  // (The converter looks phrases up from a Han character on: A型肝炎 could never match.)
  if (!key || key === mainlandPhrase || key.length < 2 || key.charCodeAt(0) < 0x3400) return;
  const mainlandCount = count(mainlandPhrase);
  const prior = candidates.get(key);
  if (prior && prior.mainlandCount >= mainlandCount) return;
  candidates.set(key, { taiwan, mainland: mainlandPhrase, mainlandCount, source });
};
for (const [taiwan, mainlandPhrase] of TW_PHRASES) offer(taiwan, mainlandPhrase, 'curated');
for (const line of TWPhrases.split('|')) {
  const [cn, ...tws] = line.split(' ');
  if (!cn || /[A-Za-z0-9]/.test(cn)) continue;
  for (const tw of tws) offer(tw, toMainland(cn), 'opencc');
}
// opencc's own Traditional phrases whose characters fold to something other than the mainland
// phrase they were made from (坐标 → 座標, 复函 → 覆函, 浚县 → 濬縣): its reverse table does not
// take them back. Offered where mainland text uses the phrase; the counts decide as for the rest.
const ST_MIN = 3;
for (const line of STPhrases.split('|')) {
  const [cn, traditional] = line.split(' ');
  if (!cn || !traditional || /[A-Za-z0-9]/.test(cn) || foldCharacters(traditional) === cn || candidates.has(foldCharacters(traditional))) continue;
  if (count(cn) >= ST_MIN) offer(traditional, cn, 'opencc-st');
}

// A Taiwan form inside its own mainland phrase (再生能源 in 可再生能源) is no Taiwan usage.
const inside = (key, phrase) => {
  let n = 0;
  for (let i = phrase.indexOf(key); i >= 0; i = phrase.indexOf(key, i + 1)) n++;
  return n;
};
const rowsOf = (entries) =>
  entries
    .map(([key, c]) => [c.taiwan, c.mainland, Math.max(0, count(key) - inside(key, c.mainland) * c.mainlandCount), c.mainlandCount, countIn(taiwanText, c.mainland)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
// opencc's own Traditional forms are script, not Taiwan wording: a table of their own.
const rows = rowsOf([...candidates.entries()].filter(([, c]) => c.source !== 'opencc-st'));
const scriptRows = rowsOf([...candidates.entries()].filter(([, c]) => c.source === 'opencc-st'));
const megabytes = Math.round((Buffer.byteLength(mainland) / 1e6) * 10) / 10;
const taiwanMegabytes = Math.round((Buffer.byteLength(taiwanText) / 1e6) * 10) / 10;

// Contexts where mainland text keeps a phrase that it otherwise prefers in its own form:
// 智慧 is mostly 智能 in mainland text, but 智慧林业, 智慧城市, 智慧教育 are mainland usage.
// For each such phrase, a neighbouring character with which mainland text writes the Taiwan
// form at least as often as the mainland one (智慧林 vs 智能林) makes a guard.
const CONTEXT_MIN = 3;
// ... and writes it there at least this many times as often as the mainland phrase: a context
// that barely tips the balance (资料的 647 against 数据的 580) says nothing about the word.
const CONTEXT_SHIFT = 2;
const isHan = (c) => c >= '\u4e00' && c <= '\u9fff';
/** How often each Han character stands right after and right before `phrase` in mainland text. */
function neighbours(phrase) {
  const after = new Map();
  const before = new Map();
  for (let i = mainland.indexOf(phrase); i >= 0; i = mainland.indexOf(phrase, i + phrase.length)) {
    const next = mainland[i + phrase.length];
    const prev = mainland[i - 1];
    if (next && isHan(next)) after.set(next, (after.get(next) ?? 0) + 1);
    if (prev && isHan(prev)) before.set(prev, (before.get(prev) ?? 0) + 1);
  }
  return { after, before };
}
const guards = new Set();
for (const [taiwan, mainlandPhrase, taiwanCount, mainlandCount] of rows) {
  const key = foldCharacters(taiwan);
  // A Taiwan-only phrase that mainland text still shows a few times: each such context is
  // mainland usage (大数据机制 holds 数据机), so even one occurrence makes a guard.
  const cls = phraseClass(taiwanCount, mainlandCount);
  if (cls === 'mainland' || (cls === 'taiwan-only' && taiwanCount === 0)) continue;
  const minimum = cls === 'taiwan-only' ? 1 : CONTEXT_MIN;
  const shift = cls === 'taiwan-only' ? 1 : CONTEXT_SHIFT;
  const { after, before } = neighbours(key);
  for (const [c, n] of after) if (n >= minimum && n >= shift * count(mainlandPhrase + c)) guards.add(key + c);
  for (const [c, n] of before) if (n >= minimum && n >= shift * count(c + mainlandPhrase)) guards.add(c + key);
}

// The other way round: contexts where mainland text writes its own phrase and all but never
// the Taiwan form it otherwise prefers (运行稳定, never 执行稳定, though 执行 is mainland usage
// far more than 运行), nor Taiwan text either: the context is a converter's, and a
// Taiwan-phrased document's is rewritten.
const rewrites = new Map();
const STRADDLE = 10;
// A context that is mostly a word of its own across the phrase's edge (运|行为 in 营运行为,
// 行李 in 托运行李) says nothing about the phrase.
const straddles = (word, n) => count(word) > STRADDLE * n;
// Taiwan's own usage of the context (置執行長, 未宣告緩刑 in the statutes) is no converted phrase.
const taiwanUsage = (context) => countIn(taiwanText, context) > TAIWAN_ONLY_PER_MB * taiwanMegabytes;
function addRewrites(key, mainlandPhrase) {
  const { after, before } = neighbours(mainlandPhrase);
  const rare = (context, n) => phraseClass(count(context), n) === 'taiwan-only' && !taiwanUsage(context);
  for (const [c, n] of after) {
    if (n >= CONTEXT_MIN && rare(key + c, n) && !straddles(mainlandPhrase.at(-1) + c, n)) rewrites.set(key + c, mainlandPhrase + c);
  }
  for (const [c, n] of before) {
    if (n >= CONTEXT_MIN && rare(c + key, n) && !straddles(c + mainlandPhrase[0], n)) rewrites.set(c + key, c + mainlandPhrase);
  }
}
for (const [taiwan, mainlandPhrase, taiwanCount, mainlandCount] of rows) {
  if (phraseClass(taiwanCount, mainlandCount) === 'mainland') addRewrites(foldCharacters(taiwan), mainlandPhrase);
}
writeFileSync(
  out,
  `// Generated by scripts/generate-tw-phrases.mjs — do not edit by hand.
// Taiwan phrase, its mainland phrase, and how often each occurs in ${megabytes} MB of mainland
// text (../shared/corpus, Simplified files only, round-trip evaluation documents left out).
// The last count is of the mainland phrase in ${taiwanMegabytes} MB of Taiwan text (the statutes in
// ../shared/corpus/taiwan-laws, folded to Simplified characters).
/** Size of the mainland text the counts come from, in MB. */
export const MAINLAND_TEXT_MB = ${megabytes};
/** Size of the Taiwan text the last count comes from, in MB. */
export const TAIWAN_TEXT_MB = ${taiwanMegabytes};

/**
 * Contexts in which mainland text writes a Taiwan form at least as
 * often as the mainland phrase (智慧林, 智慧城, 数据机制): kept as they are, in any document.
 */
export const TW_CONTEXT_GUARDS: readonly string[] = ${JSON.stringify([...guards].sort())};

/**
 * Contexts in which mainland text writes its own phrase and neither mainland text nor the
 * Taiwan statutes write a Taiwan form it otherwise keeps (执行稳 → 运行稳): rewritten in a
 * Taiwan-phrased document.
 */
export const TW_CONTEXT_REWRITES: ReadonlyArray<readonly [taiwan: string, mainland: string]> = ${JSON.stringify([...rewrites].sort((a, b) => (a[0] < b[0] ? -1 : 1)))};

export const TW_PHRASE_COUNTS: ReadonlyArray<readonly [taiwan: string, mainland: string, taiwanCount: number, mainlandCount: number, mainlandInTaiwanText: number]> = [
${rows.map((r) => `  ${JSON.stringify(r)},`).join('\n')}
];

/**
 * opencc's own Traditional phrases that its reverse table does not take back to the mainland
 * phrase they were made from (座標 from 坐标, 覆函 from 复函), counted likewise: script, not
 * Taiwan wording, so never evidence of a Taiwan-phrased document.
 */
export const TW_SCRIPT_PHRASE_COUNTS: ReadonlyArray<readonly [traditional: string, mainland: string, traditionalCount: number, mainlandCount: number, mainlandInTaiwanText: number]> = [
${scriptRows.map((r) => `  ${JSON.stringify(r)},`).join('\n')}
];
`,
);
console.log(`${guards.size} context guards, ${rewrites.size} context rewrites`);
console.log(`wrote ${rows.length} Taiwan phrases and ${scriptRows.length} script phrases counted over ${megabytes} MB to ${out}`);
