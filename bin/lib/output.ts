// Output formats of the parse command, serialised the same way everywhere (files, stdout,
// --check, the JSON Lines filter) so that re-runs are byte-identical.
import { stringify } from 'yaml';
import type { PolicyDocument } from '../../src/index.js';

export const FORMATS = ['json', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

export function serialise(doc: PolicyDocument, format: Format): string {
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
