/**
 * Script detection: is a text Simplified, Traditional or a mix?
 *
 * Expects: any string. Guarantees: counts only characters that are evidence for one
 * script (Traditional-only vs Simplified-only, see opencc-tables.ts); shared
 * characters (人, 民, 后, 著 …) and non-Han text count for neither. No Han evidence
 * at all means `simplified`, the project's canonical script.
 */
import { NEEDS_WORK_RANGES } from './normalise-characters.js';
import { charClasses, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './opencc-tables.js';

export type Script = 'simplified' | 'traditional' | 'mixed';

export interface ScriptCounts {
  /** Characters that only occur in Traditional text. */
  traditional: number;
  /** Characters that only occur in Simplified text. */
  simplified: number;
}

export function countScriptCharacters(text: string): ScriptCounts {
  const { traditional, simplified } = readSource(text);
  return { traditional, simplified };
}

/** ScriptCounts, and where normaliseCharacters has its first work (firstWork): what normalise() reads a source for. */
export interface SourceReading extends ScriptCounts {
  firstWork: number;
}

/** charClass with NEEDS_WORK (its ranges) as a third bit: one read per code unit serves both. */
const WORK = 4;
let classAndWork: Uint8Array | undefined;

/** countScriptCharacters and firstWork in one pass over the text. */
export function readSource(text: string): SourceReading {
  if (!classAndWork) {
    classAndWork = charClasses().slice();
    // Over the ranges, not the whole table: a one-document run makes it in its first, slow moments.
    for (const [from, to] of NEEDS_WORK_RANGES) for (let code = from; code <= to; code++) classAndWork[code] = (classAndWork[code] as number) | WORK;
  }
  const table = classAndWork;
  let traditional = 0;
  let simplified = 0;
  let firstWork = text.length;
  // Counted without a branch (mixed text would keep mispredicting one): TRADITIONAL_ONLY is 1
  // and SIMPLIFIED_ONLY 2, so a class adds its low bit to one count and its high bit to the other.
  // Characters below CJK Extension A (ASCII, punctuation, other scripts) are NEUTRAL in
  // charClass (a test holds the tables to that), so they add nothing. Work is rare: its
  // branch is seldom taken.
  for (let i = 0; i < text.length; i++) {
    const cls = table[text.charCodeAt(i)] as number;
    traditional += cls & TRADITIONAL_ONLY;
    simplified += (cls & SIMPLIFIED_ONLY) >> 1;
    if (cls >= WORK && firstWork === text.length) firstWork = i;
  }
  return { traditional, simplified, firstWork };
}

export function scriptFromCounts({ traditional, simplified }: ScriptCounts): Script {
  if (traditional === 0) return 'simplified';
  if (simplified === 0) return 'traditional';
  const share = traditional / (traditional + simplified);
  if (share >= 0.9) return 'traditional';
  // A Simplified page with a couple of stray Traditional characters (a quoted
  // name, an OCR slip) is still Simplified.
  if (share <= 0.1 || (traditional <= 2 && share < 0.25)) return 'simplified';
  return 'mixed';
}

export function detectScript(text: string): Script {
  return scriptFromCounts(countScriptCharacters(text));
}
