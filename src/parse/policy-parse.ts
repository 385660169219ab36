// unified parser plugin: source text → PolicyRoot of classified lines.
// A thin adapter over normalise() and fromPolicyText(), which also work alone.
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { normalise } from '../normalise/index.js';
import type { PolicyRoot } from '../tree.js';
import { createPositioner } from '../util/position.js';
import { fromPolicyText } from './from-policy-text.js';

export function policyParse(this: Processor) {
  this.parser = (document: string, _file: VFile): PolicyRoot => {
    const normalised = normalise(document);
    const tree = fromPolicyText(normalised);
    tree.data.locate = createPositioner(document, (offset) => normalised.map.toSource(offset));
    return tree;
  };
}
