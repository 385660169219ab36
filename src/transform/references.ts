// References: documents the text cites by number.
// Input: the body lines (furniture excluded). Output: `tree.data.references` in order of
// first mention, one per document number, e.g. 《国务院办公厅关于印发…的通知》（国办发〔2016〕68号）
// → title 国务院办公厅关于印发…的通知, docNumber 国办发〔2016〕68号. The document's own number is
// not a reference.
import type { LineNode, PolicyRoot, ReferenceDraft } from '../tree.js';
import { DOC_NUMBER, canonicalDocNumber } from '../lexicon/doc-numbers.js';

const NUMBER_ANYWHERE = new RegExp(DOC_NUMBER.source, 'g');
// 《title》 right before the number, allowing （ and a few words like 印发的 between.
const TITLE_BEFORE = /《([^《》]{2,120})》\s*[（(]?\s*$/;

export function extractReferences(lines: readonly LineNode[], ownNumber: string | null): ReferenceDraft[] {
  const found = new Map<string, ReferenceDraft>();
  for (const line of lines) {
    // Every document number ends in 号: most lines are skipped before the regex runs.
    if ((line.role !== 'paragraph' && line.role !== 'heading') || !line.value.includes('号')) continue;
    for (const m of line.value.matchAll(NUMBER_ANYWHERE)) {
      const docNumber = canonicalDocNumber(m[0]);
      if (!docNumber || docNumber === ownNumber || found.has(docNumber)) continue;
      // Issuer codes are short (国办发, 京政办发): trim a longer Han run to the code.
      const index = (m.index ?? 0) + trimmedPrefix(m[1] ?? '');
      const before = line.value.slice(Math.max(0, index - 130), index);
      const title = TITLE_BEFORE.exec(before)?.[1] ?? null;
      const titleStart = title ? line.value.lastIndexOf(`《${title}》`, index) : -1;
      const start = line.start + (titleStart >= 0 ? titleStart : index);
      const end = line.start + (m.index ?? 0) + m[0].length;
      found.set(codeOnly(docNumber), { title, docNumber: codeOnly(docNumber), start, end });
    }
  }
  return [...found.values()];
}

// The code before 〔 is the issuer's abbreviation: at most 8 chars, after any 《》 or verb.
function trimmedPrefix(han: string): number {
  return Math.max(0, han.length - codeLength(han));
}
function codeLength(han: string): number {
  const m = /(?:[\u4e00-\u9fff]{0,8})$/.exec(han.replace(/^.*?(?:印发|简称|文件|通知|意见|规划|方案)/, ''));
  return Math.min(8, m?.[0].length ?? han.length);
}
function codeOnly(docNumber: string): string {
  const i = docNumber.indexOf('〔');
  const code = docNumber.slice(0, i);
  return code.slice(code.length - codeLength(code)) + docNumber.slice(i);
}

export function policyReferences() {
  return (tree: PolicyRoot): void => {
    tree.data.references = extractReferences(tree.children, tree.data.meta.docNumber);
  };
}
