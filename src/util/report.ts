// Located warnings: stages never throw on odd content, they leave a vfile message with a
// place in the ORIGINAL source, a rule id and the source name.
import type { VFile } from 'vfile';
import type { PolicyData } from '../tree.js';

export function warn(file: VFile | undefined, data: Pick<PolicyData, 'locate'>, reason: string, ruleId: string, start: number, end: number): void {
  if (!file) return;
  const message = file.message(reason, { place: data.locate(start, end), ruleId, source: 'policy-parse' });
  message.fatal = false;
}
