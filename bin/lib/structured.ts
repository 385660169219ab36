// Reading policy-parse's own JSON/YAML back: for `diff` (either side) and `validate`.
import { readFileSync } from 'node:fs';
import { extname, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type PolicyDocument, parseWithFile, validate } from '../../src/index.js';

export const STRUCTURED_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** The data in a JSON or YAML file; a syntax error becomes a one-line reason. */
export function readStructured(path: string): unknown {
  const ext = extname(path).toLowerCase();
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  try {
    return ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  }
}

/** A side of a diff: a policy-parse JSON/YAML output, or a source document parsed now. */
export function loadDocument(path: string, encoding?: string, explain = false): PolicyDocument {
  if (STRUCTURED_EXTENSIONS.has(extname(path).toLowerCase())) {
    const data = readStructured(path);
    const { schema, issues } = validate(data);
    const issue = issues[0];
    if (schema !== 'policy-document' || issue) {
      throw new Error(`not a policy-parse document: ${issue ? `${issue.path}: ${issue.message}` : 'a diff, not a document'}`);
    }
    return data as PolicyDocument;
  }
  return parseWithFile(readFileSync(path), { path: path.split(sep).join('/'), encoding, explain }).document;
}
