// unified parser plugin: source text → PolicyRoot of classified lines.
// A thin adapter over htmlToText() (for HTML input), normalise() and fromPolicyText(),
// which also work alone. Positions always point into the ORIGINAL source: for HTML the
// normalised text maps to the extracted text, and that to the HTML.
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { SourceInfo } from '../compile/to-policy-document.js';
import { htmlToText } from '../html/html-to-text.js';
import { normalise } from '../normalise/index.js';
import type { PolicyRoot } from '../tree.js';
import { createPositioner } from '../util/position.js';
import { fromPolicyText } from './from-policy-text.js';

export function policyParse(this: Processor) {
  this.parser = (document: string, file: VFile): PolicyRoot => {
    const format = (file.data as { source?: SourceInfo }).source?.format;
    const html = format === 'html' ? htmlToText(document) : undefined;
    const normalised = normalise(html ? html.text : document);
    const tree = fromPolicyText(normalised);
    const toSource = html
      ? (offset: number) => html.toSource(normalised.map.toSource(offset))
      : (offset: number) => normalised.map.toSource(offset);
    tree.data.locate = createPositioner(document, toSource);
    return tree;
  };
}
