/**
 * Which Taiwan phrases to rewrite to mainland wording, decided by counts in mainland text
 * (tw-phrases-generated.ts, from scripts/generate-tw-phrases.mjs), not by hand.
 *
 *  - `taiwan-only`: the Taiwan form (folded to Simplified characters) all but never occurs
 *    in mainland text (at most TAIWAN_ONLY_PER_MB per MB: 網路, 透過, 釋出, 智慧財產權).
 *    Rewritten in every Traditional or mixed document — a mainland text in Traditional
 *    characters does not contain it, not even across a word boundary, since the count is of
 *    raw substrings.
 *  - `prefers-mainland`: mainland text uses the form too, but its own phrase more often
 *    (MAINLAND_PREFERENCE): 智慧/智能, 資訊/信息, 軟體/软件, 資料/数据. Rewritten only in a
 *    document that shows itself Taiwan-phrased (TAIWAN_DOCUMENT_HITS taiwan-only phrases);
 *    below WEAK_PREFERENCE only where that document does not print the mainland form itself.
 *  - `mainland`: mainland text writes the Taiwan form more (建立/创建, 執行/运行); never rewritten.
 */
import { TW_PHRASE_COUNTS, MAINLAND_TEXT_MB } from './tw-phrases-generated.js';

export const TAIWAN_ONLY_PER_MB = 0.05;
export const MAINLAND_PREFERENCE = 1;
export const TAIWAN_DOCUMENT_HITS = 3;

export type PhraseClass = 'taiwan-only' | 'prefers-mainland' | 'mainland';

export function phraseClass(taiwanCount: number, mainlandCount: number): PhraseClass {
  if (taiwanCount <= TAIWAN_ONLY_PER_MB * MAINLAND_TEXT_MB) return 'taiwan-only';
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
