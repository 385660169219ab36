// `policy-parse diff OLD NEW`: loads both sides, diffs them, prints the chosen report.
import { type PolicyDocument, diff, formatDiffHtml, formatDiffMarkdown, formatDiffTerminal, hasDifferences } from '../../src/index.js';
import { reason } from './job.js';
import { type StdinSource, loadDocument } from './structured.js';
import { useColor } from './terminal.js';
import { stdout } from './stdout.js';

export const DIFF_FORMATS = ['terminal', 'json', 'md', 'html'] as const;

export interface DiffOptions {
  format: (typeof DIFF_FORMATS)[number];
  exitCode: boolean;
  all: boolean;
  color?: boolean;
  encoding?: string;
  /** Standard input, read for `-`. */
  stdin?: StdinSource;
}

export async function runDiff(oldPath: string, newPath: string, options: DiffOptions): Promise<number> {
  const sides: PolicyDocument[] = [];
  for (const path of [oldPath, newPath]) {
    try {
      sides.push(await loadDocument(path, options.encoding, false, options.stdin));
    } catch (error) {
      process.stderr.write(`policy-parse: ${path}: ${reason(error)}\n`);
      return 2;
    }
  }
  const result = diff(sides[0] as PolicyDocument, sides[1] as PolicyDocument);
  if (options.format === 'json') stdout().write(`${JSON.stringify(result, null, 2)}\n`);
  else if (options.format === 'md') stdout().write(formatDiffMarkdown(result, { all: options.all }));
  else if (options.format === 'html') stdout().write(formatDiffHtml(result));
  else stdout().write(formatDiffTerminal(result, { all: options.all, color: useColor(options.color) }));
  return options.exitCode && hasDifferences(result) ? 1 : 0;
}
