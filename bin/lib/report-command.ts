// `policy-parse report <out-dir> --html <file>`: one self-contained HTML page over every
// PolicyDocument written under out-dir. Reads *.json recursively in path order, skips
// index.json and anything that is not a valid PolicyDocument (a diff, a broken file),
// writes the page atomically and prints `wrote <file> (N documents)`.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { type PolicyDocument, validate } from '../../src/index.js';
import { renderReport } from '../../src/report/html-report.js';
import { walk } from './batch.js';
import { reason, writeAtomic } from './job.js';

/** The valid PolicyDocuments under `dir`, sorted by path. Throws only when `dir` cannot be read. */
export function readDocuments(dir: string): PolicyDocument[] {
  const paths = walk(dir)
    .filter((p) => extname(p).toLowerCase() === '.json' && basename(p).toLowerCase() !== 'index.json')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const docs: PolicyDocument[] = [];
  for (const path of paths) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      continue; // unreadable or not JSON: not a document
    }
    const { schema, issues } = validate(data);
    if (schema === 'policy-document' && issues.length === 0) docs.push(data as PolicyDocument);
  }
  return docs;
}

export function runReport(outDir: string, options: { html: string }): number {
  let docs: PolicyDocument[];
  try {
    docs = readDocuments(outDir);
  } catch (error) {
    process.stderr.write(`policy-parse: ${outDir}: cannot read folder: ${reason(error)}\n`);
    return 1;
  }
  if (!docs.length) {
    process.stderr.write(`policy-parse: ${outDir}: no policy documents (.json) found\n`);
    return 1;
  }
  try {
    writeAtomic(options.html, renderReport(docs));
  } catch (error) {
    process.stderr.write(`policy-parse: ${options.html}: cannot write: ${reason(error)}\n`);
    return 1;
  }
  process.stdout.write(`wrote ${options.html} (${docs.length} document${docs.length === 1 ? '' : 's'})\n`);
  return 0;
}
