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
 *
 * A document's phrasing decides which classes apply (to-simplified.ts):
 *  - `mainland` (fewer than TAIWAN_DOCUMENT_HITS Taiwan-only phrases): Taiwan-only phrases.
 *  - `taiwan` (that many, and its Taiwan-only phrases and strongly preferred Taiwan forms
 *    (資訊, 軟體) at least as many as its mainland markers — mainland phrases of rewritten
 *    pairs that Taiwan text all but never writes, MAINLAND_MARKER_RATIO: 信息, 软件, 产品质量):
 *    Taiwan-only and prefers-mainland phrases.
 *  - `mixed` (enough Taiwan-only phrases, but more mainland markers: a converter took some
 *    Taiwan phrases, 智慧財產權 beside fourteen 信息): Taiwan-only phrases and those whose
 *    mainland form mainland text prefers STRONG_PREFERENCE times over (智慧型 → 智能); the
 *    weaker pairs (資料, 整合) were written so.
 */
import { TW_PHRASE_COUNTS, TW_SCRIPT_PHRASE_COUNTS, MAINLAND_TEXT_MB, TAIWAN_TEXT_MB } from './tw-phrases-generated.js';

export const TAIWAN_ONLY_PER_MB = 0.05;
export const MAINLAND_PREFERENCE = 1;
export const TAIWAN_DOCUMENT_HITS = 3;
export const STRONG_PREFERENCE = 10;
/** A mainland marker is written at least this many times less often (per MB) in Taiwan text than in mainland text. */
export const MAINLAND_MARKER_RATIO = 100;

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
/**
 * How often the document must print the mainland form for that: once can be a converter's
 * longer phrase read across a word boundary (平臺數據 from 台数 + 据).
 */
export const WEAK_PRINTS = 2;

type Pairs = ReadonlyArray<readonly [string, string]>;

/** The lists below, made in one pass over the counts when first asked for. */
interface Vocabulary {
  byClass: Record<PhraseClass, Pairs>;
  weak: Pairs;
  strong: Pairs;
  markers: readonly string[];
  script: Pairs;
}
let vocabulary: Vocabulary | undefined;

function classified(): Vocabulary {
  if (vocabulary) return vocabulary;
  const byClass: Record<PhraseClass, Array<readonly [string, string]>> = { 'taiwan-only': [], 'prefers-mainland': [], mainland: [] };
  const weak: Array<readonly [string, string]> = [];
  const strong: Array<readonly [string, string]> = [];
  const markers = new Set<string>();
  for (const [taiwan, mainland, t, m, inTaiwan] of TW_PHRASE_COUNTS) {
    const cls = phraseClass(t, m);
    byClass[cls].push([taiwan, mainland]);
    if (cls === 'prefers-mainland' && m < WEAK_PREFERENCE * t) weak.push([taiwan, mainland]);
    if (cls === 'prefers-mainland' && m >= STRONG_PREFERENCE * t) strong.push([taiwan, mainland]);
    // A mainland marker: of a pair that is rewritten, two characters or more, rare in Taiwan text against mainland text.
    if (mainland.length >= 2 && cls !== 'mainland' && (inTaiwan / TAIWAN_TEXT_MB) * MAINLAND_MARKER_RATIO <= m / MAINLAND_TEXT_MB) markers.add(mainland);
  }
  const script = TW_SCRIPT_PHRASE_COUNTS.filter(([, , t, m]) => phraseClass(t, m) === 'taiwan-only').map(([traditional, mainland]) => [traditional, mainland] as const);
  vocabulary = { byClass, weak, strong, markers: [...markers].sort(), script };
  return vocabulary;
}

/** Taiwan-leaning [taiwan, mainland] pairs with only a weak mainland preference. */
export function weaklyPreferred(): Pairs {
  return classified().weak;
}

/**
 * Mainland phrases that mark a document as mainland-worded: of pairs that are rewritten
 * (not `mainland`), two characters or more, rare in Taiwan text against mainland text.
 */
export function mainlandMarkers(): readonly string[] {
  return classified().markers;
}

/** Prefers-mainland pairs whose mainland form mainland text writes STRONG_PREFERENCE times as often. */
export function stronglyPreferred(): Pairs {
  return classified().strong;
}

/**
 * opencc's Traditional forms its reverse table does not take back (座標 → 坐标, 覆函 → 复函),
 * where mainland text all but never writes them: rewritten in every Traditional document, as
 * script, never counted as Taiwan wording.
 */
export function scriptPhrases(): Pairs {
  return classified().script;
}

/** [taiwan, mainland] pairs of one class. */
export function phrasesOf(cls: PhraseClass): Pairs {
  return classified().byClass[cls];
}
