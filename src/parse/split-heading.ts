// Splits the rest of a heading line (after its marker) into title and inline body.
// `（一）加强组织领导。充分发挥…` → title 加强组织领导, body 充分发挥…
// Titles end at the first 。；？！ or an early ：, outside quotes and brackets; a long first
// sentence is cut at its first ， (policy headings are short phrases); a 一是 point is
// named by its first clause.
import { indexOutside } from '../lexicon/brackets.js';

const STOPS = '。；？！';
const LONG_TITLE = 30;
/** What splitTitle looks for outside brackets and quotes: a stop, a ： and a ， (a point's first clause ends at its ，). */
const MARKS = `${STOPS}：，`;

export interface TitleSplit {
  title: string;
  /** Offset within `rest` where the body starts. */
  bodyIndex: number;
}

/**
 * `firstClause`: 一是/二是 points have no heading of their own; their first clause
 * (to the first ，) names them.
 *
 * One pass over `rest`, outside brackets and quotes (indexOutside, resumed after each ： or ，
 * it meets, where the depth is 0): it ends at the first stop (with `firstClause`, a ， too), or
 * at a ： within LONG_TITLE characters (which comes before any stop, so it ends the title), and
 * remembers the first ，, where a long first sentence is cut.
 */
export function splitTitle(rest: string, firstClause = false): TitleSplit {
  let stop = -1;
  let comma = -1;
  for (let i = indexOutside(rest, MARKS); i >= 0; i = indexOutside(rest, MARKS, i + 1)) {
    const mark = rest.charAt(i);
    if (mark === '：') {
      if (i <= LONG_TITLE) return { title: rest.slice(0, i), bodyIndex: i + 1 };
    } else if (mark !== '，' || firstClause) {
      stop = i;
      break;
    } else if (comma < 0) comma = i;
  }
  const sentenceEnd = stop < 0 ? rest.length : stop;
  if (sentenceEnd > LONG_TITLE && comma > 0) return { title: rest.slice(0, comma), bodyIndex: comma + 1 };
  return { title: rest.slice(0, sentenceEnd), bodyIndex: stop < 0 ? rest.length : stop + 1 };
}
