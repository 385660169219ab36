// `policy-parse report <out-dir> --html <file>`: one self-contained HTML page over every
// PolicyDocument written under out-dir. Reads *.json recursively in path order, names each
// file it skips (a diff, a broken or foreign file; run indexes quietly), writes the page
// atomically and prints `wrote <file> (N documents)`. It never writes over a file it did not
// write: --html onto a document is refused.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { type PolicyDocument, validate } from '../../src/index.js';
import { GENERATOR_META } from '../../src/report/html.js';
import { renderReport } from '../../src/report/html-report.js';
import { walk } from './batch.js';
import { reason, writeAtomic } from './job.js';
import { stdout } from './stdout.js';

/** `--html -` writes the page to stdout. */
const STDOUT = '-';

/**
 * The valid PolicyDocuments under `dir`, sorted by path; each other .json file but a run
 * index (truncated, foreign, a diff) is named to `skip` with the reason. Throws only when
 * `dir` cannot be read.
 */
export function readDocuments(dir: string, skip: (path: string, why: string) => void = () => {}): PolicyDocument[] {
  const paths = walk(dir, (message) => skip(dir, message))
    .filter((p) => extname(p).toLowerCase() === '.json')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const docs: PolicyDocument[] = [];
  for (const path of paths) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      skip(path, `not valid JSON (${reason(error).split('\n')[0]})`);
      continue;
    }
    const { schema, issues } = validate(data);
    if (schema === 'run-index') continue;
    if (schema === 'policy-document' && issues.length === 0) docs.push(data as PolicyDocument);
    else skip(path, schema === 'plan-diff' ? 'a diff, not a document' : `not a policy-parse document (${issues[0] ? `${issues[0].path}: ${issues[0].message}` : schema})`);
  }
  return docs;
}

/** Exit code: 0 written, 1 when a file was skipped or nothing could be written, 2 when --html names a file we did not write. */
export function runReport(outDir: string, options: { html: string }): number {
  const toStdout = options.html === STDOUT;
  if (!toStdout && existsSync(options.html)) {
    let ours = false;
    try {
      ours = readFileSync(options.html, 'utf8').slice(0, 4096).includes(GENERATOR_META);
    } catch (error) {
      process.stderr.write(`policy-parse: ${options.html}: cannot read: ${reason(error)}\n`);
      return 2;
    }
    if (!ours) {
      process.stderr.write(`policy-parse: ${options.html}: not a report policy-parse wrote; it is left alone (choose another --html)\n`);
      return 2;
    }
  }
  let docs: PolicyDocument[];
  let skipped = 0;
  try {
    docs = readDocuments(outDir, (path, why) => {
      skipped++;
      process.stderr.write(`policy-parse: ${path}: skipped: ${why}\n`);
    });
  } catch (error) {
    process.stderr.write(`policy-parse: ${outDir}: cannot read folder: ${reason(error)}\n`);
    return 1;
  }
  if (!docs.length) {
    process.stderr.write(`policy-parse: ${outDir}: no policy documents (.json) found\n`);
    return 1;
  }
  const written = `${docs.length} document${docs.length === 1 ? '' : 's'}`;
  if (toStdout) {
    stdout().write(renderReport(docs));
    process.stderr.write(`policy-parse: report of ${written} written to stdout\n`);
    return skipped ? 1 : 0;
  }
  try {
    writeAtomic(options.html, renderReport(docs));
  } catch (error) {
    process.stderr.write(`policy-parse: ${options.html}: cannot write: ${reason(error)}\n`);
    return 1;
  }
  stdout().write(`wrote ${options.html} (${written})\n`);
  return skipped ? 1 : 0;
}
