// `policy-parse show FILE`: loads one document (a source file, or policy-parse's own
// JSON/YAML) and prints its outline as an indented tree.
import { formatOutline } from '../../src/show/format-outline.js';
import { reason } from './job.js';
import { type StdinSource, loadDocument } from './structured.js';
import { useColor } from './terminal.js';
import { stdout } from './stdout.js';

export interface ShowOptions {
  depth?: number;
  color?: boolean;
  encoding?: string;
  /** Under each section, every quantity and the rule that decided it. */
  explain?: boolean;
  /** Standard input, read for `-`. */
  stdin?: StdinSource;
}

/** Exit code: 0 shown, 1 when the file cannot be read or is not a document. */
export async function runShow(path: string, options: ShowOptions = {}): Promise<number> {
  let text: string;
  try {
    const doc = await loadDocument(path, options.encoding, options.explain === true, options.stdin);
    text = formatOutline(doc, { depth: options.depth, color: useColor(options.color), explain: options.explain === true });
  } catch (error) {
    process.stderr.write(`policy-parse: ${path}: ${reason(error)}\n`);
    return 1;
  }
  stdout().write(text);
  return 0;
}
