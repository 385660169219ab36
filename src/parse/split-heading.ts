// Splits the rest of a heading line (after its marker) into title and inline body.
// `（一）加强组织领导。充分发挥…` → title 加强组织领导, body 充分发挥…
// Titles end at the first 。；？！ or an early ：, outside quotes and brackets; a long first
// sentence is cut at its first ， (policy headings are short phrases); a 一是 point is
// named by its first clause.
import { BRACKET_KIND } from '../lexicon/brackets.js';

const STOPS = '。；？！';
const LONG_TITLE = 30;
const COMMA = '，'.charCodeAt(0);
const COLON = '：'.charCodeAt(0);

/** Per UTF-16 unit: 1 for a character of STOPS. */
const IS_STOP = new Uint8Array(0x10000);
for (const c of STOPS) IS_STOP[c.charCodeAt(0)] = 1;

export interface TitleSplit {
  title: string;
  /** Offset within `rest` where the body starts. */
  bodyIndex: number;
}

/**
 * `firstClause`: 一是/二是 points have no heading of their own; their first clause
 * (to the first ，) names them.
 *
 * One pass over `rest`, outside brackets and quotes: it ends at the first stop (with
 * `firstClause`, a ， too), or at a ： within LONG_TITLE characters (which comes before any
 * stop, so it ends the title), and remembers the first ，, where a long first sentence is cut.
 */
export function splitTitle(rest: string, firstClause = false): TitleSplit {
  let depth = 0;
  let stop = -1;
  let comma = -1;
  for (let i = 0; i < rest.length; i++) {
    const code = rest.charCodeAt(i);
    if (depth === 0) {
      if (IS_STOP[code] === 1 || (firstClause && code === COMMA)) {
        stop = i;
        break;
      }
      if (code === COLON && i <= LONG_TITLE) return { title: rest.slice(0, i), bodyIndex: i + 1 };
      if (code === COMMA && comma < 0) comma = i;
    }
    const kind = BRACKET_KIND[code];
    if (kind === 1) depth++;
    else if (kind === 2 && depth > 0) depth--;
  }
  const sentenceEnd = stop < 0 ? rest.length : stop;
  if (sentenceEnd > LONG_TITLE && comma > 0) return { title: rest.slice(0, comma), bodyIndex: comma + 1 };
  return { title: rest.slice(0, sentenceEnd), bodyIndex: stop < 0 ? rest.length : stop + 1 };
}
