// A short word-level diff of a changed section's own text, for reports.
// Words come from ICU's Chinese word segmenter (Intl.Segmenter), so 92→96 is one edit,
// not 9[2→6]; the diff itself is jsdiff's Myers diff. Long unchanged runs are cut to
// their ends around "…", keeping the report short.
import { diffWords } from 'diff';
import type { TextEdit } from '../schema/plan-diff.js';

/** Characters of unchanged text kept on each side of an edit. */
const CONTEXT = 12;
/** Above this many edited words the texts are treated as rewritten: delete + insert. */
const MAX_EDIT_LENGTH = 400;

let segmenter: Intl.Segmenter | undefined;

export function textDiff(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const changes = diffWords(before, after, { intlSegmenter: segmenter, maxEditLength: MAX_EDIT_LENGTH });
  const edits: TextEdit[] = changes
    ? changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }))
    : [
        { op: 'delete', text: before },
        { op: 'insert', text: after },
      ];
  return edits
    .filter((e) => e.text !== '')
    .map((e, i, all) => (e.op === 'equal' ? { op: 'equal', text: shorten(e.text, i > 0, i < all.length - 1) } : e));
}

/** Keeps CONTEXT characters next to each neighbouring edit. */
function shorten(text: string, editBefore: boolean, editAfter: boolean): string {
  const chars = [...text];
  const keep = (editBefore ? CONTEXT : 0) + (editAfter ? CONTEXT : 0);
  if (chars.length <= keep + 1) return text;
  const head = editBefore ? chars.slice(0, CONTEXT).join('') : '';
  const tail = editAfter ? chars.slice(-CONTEXT).join('') : '';
  return `${head}…${tail}`;
}
