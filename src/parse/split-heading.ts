// Splits the rest of a heading line (after its marker) into title and inline body.
// `（一）加强组织领导。充分发挥…` → title 加强组织领导, body 充分发挥…
// Titles end at the first 。；？！ or an early ：, outside quotes and brackets; a long first
// sentence is cut at its first ， (policy headings are short phrases); a 一是 point is
// named by its first clause.
import { indexOutside } from '../lexicon/brackets.js';

const STOPS = '。；？！';
const LONG_TITLE = 30;

export interface TitleSplit {
  title: string;
  /** Offset within `rest` where the body starts. */
  bodyIndex: number;
}

/**
 * `firstClause`: 一是/二是 points have no heading of their own; their first clause
 * (to the first ，) names them.
 */
export function splitTitle(rest: string, firstClause = false): TitleSplit {
  let stop = indexOutside(rest, firstClause ? `${STOPS}，` : STOPS);
  const colon = indexOutside(rest, '：', 0, LONG_TITLE + 1);
  if (colon >= 0 && colon <= LONG_TITLE && (stop < 0 || colon < stop)) stop = colon;
  const sentenceEnd = stop < 0 ? rest.length : stop;
  if (sentenceEnd > LONG_TITLE) {
    const comma = indexOutside(rest, '，', 0, sentenceEnd);
    if (comma > 0 && comma < sentenceEnd) return { title: rest.slice(0, comma), bodyIndex: comma + 1 };
  }
  return { title: rest.slice(0, sentenceEnd), bodyIndex: stop < 0 ? rest.length : stop + 1 };
}
