// The one place that builds unist Position objects.
// Input: the ORIGINAL source text and a function from normalised offsets to source
// offsets. Output: positions whose line/column/offset point into the original file.
import type { Point, Position } from '../schema/policy-document.js';

export type Positioner = (start: number, end: number) => Position;

/** Builds positions for normalised [start, end) ranges, mapped back into `source`. */
export function createPositioner(source: string, toSource: (offset: number) => number): Positioner {
  // Found on the first position asked for: a positioner replaced before it is used (the
  // parser's own, until the caller knows the source) never reads the text.
  let lineStarts: number[] | null = null;
  const point = (offset: number): Point => {
    lineStarts ??= lineStartsOf(source);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1, offset };
  };
  return (start, end) => {
    const s = toSource(start);
    return { start: point(s), end: point(Math.max(s, toSource(end))) };
  };
}

/** The offset where each line of `source` starts. */
function lineStartsOf(source: string): number[] {
  const lineStarts = [0];
  if (!source.includes('\r')) {
    // Only LF ends a line: indexOf finds them far faster than a loop over every character.
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    return lineStarts;
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    // CR alone and CRLF both end a line; the LF of a CRLF does not start another one.
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  return lineStarts;
}
