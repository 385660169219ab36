/**
 * Which Taiwan phrases to rewrite to mainland wording, decided by counts in mainland text
 * (tw-phrases-generated.ts, from scripts/generate-tw-phrases.mjs), not by hand.
 *
 *  - `taiwan-only`: the Taiwan form (folded to Simplified characters) all but never occurs
 *    in mainland text (at most TAIWAN_ONLY_PER_MB per MB, or TAIWAN_ONLY_SHARE of its
 *    mainland phrase's count: 網路, 軟體, 資訊, 透過, 釋出). Rewritten in
 *    every Traditional or mixed document — a mainland text in Traditional characters does not
 *    contain it, not even across a word boundary, since the count is of raw substrings.
 *  - `prefers-mainland`: mainland text uses the form too, but the mainland phrase at least
 *    MAINLAND_PREFERENCE times as often (智慧/智能, 資料/数据, 裝置/设备). Rewritten only in a
 *    document that shows itself Taiwan-phrased: TAIWAN_DOCUMENT_HITS taiwan-only phrases.
 *  - the rest (建立/创建, 執行/运行, 整合/集成): good mainland wording; never rewritten.
 */
import { TW_PHRASE_COUNTS, MAINLAND_TEXT_MB } from './tw-phrases-generated.js';

export const TAIWAN_ONLY_PER_MB = 0.05;
export const MAINLAND_PREFERENCE = 1;
export const TAIWAN_DOCUMENT_HITS = 3;

export type PhraseClass = 'taiwan-only' | 'prefers-mainland' | 'mainland';

/** A Taiwan form at most this share of its mainland phrase's count is Taiwan-only too (软体 9 : 软件 1,148). */
export const TAIWAN_ONLY_SHARE = 0;

export function phraseClass(taiwanCount: number, mainlandCount: number): PhraseClass {
  if (taiwanCount <= Math.max(TAIWAN_ONLY_PER_MB * MAINLAND_TEXT_MB, TAIWAN_ONLY_SHARE * mainlandCount)) return 'taiwan-only';
  if (mainlandCount >= MAINLAND_PREFERENCE * taiwanCount) return 'prefers-mainland';
  return 'mainland';
}

/**
 * Taiwan-leaning pairs whose mainland form mainland text prefers by less than this factor
 * (資料/数据, 整合/集成, 檔案/文件): a Taiwan-phrased document that also prints the mainland
 * form keeps the Taiwan one, since it was chosen there, not translated.
 */
export const WEAK_PREFERENCE = 2;

/** Taiwan-leaning [taiwan, mainland] pairs with only a weak mainland preference. */
export function weaklyPreferred(): Array<readonly [string, string]> {
  return TW_PHRASE_COUNTS.filter(([, , t, m]) => phraseClass(t, m) === 'prefers-mainland' && m < WEAK_PREFERENCE * t).map(([taiwan, mainland]) => [taiwan, mainland] as const);
}

/** [taiwan, mainland] pairs of one class. */
export function phrasesOf(cls: PhraseClass): Array<readonly [string, string]> {
  return TW_PHRASE_COUNTS.filter(([, , t, m]) => phraseClass(t, m) === cls).map(([taiwan, mainland]) => [taiwan, mainland] as const);
}
