// Reading policy-parse's own JSON/YAML back: for `diff` (either side) and `validate`.
import { extname, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type PolicyDocument, parseWithFileAsync, validate } from '../../src/index.js';
import { readBounded } from './job.js';
import { STDIN } from './stdin.js';

export const STRUCTURED_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** What `-` reads: stdin, already read (or the reason it could not be). */
export type StdinSource = Buffer | Error | undefined;

/** policy-parse's own outputs can be larger than their sources (--explain): this much, and no more, is read of a file. */
const MAX_READ_BYTES = 256 * 1024 * 1024;

/** The bytes of a path (a device such as /dev/zero only up to MAX_READ_BYTES), or of stdin for `-`. */
export function readSource(path: string, stdin?: StdinSource): Buffer {
  if (path !== STDIN) return readBounded(path, MAX_READ_BYTES, '');
  if (stdin instanceof Error) throw stdin;
  if (stdin === undefined) throw new Error('stdin was not read');
  return stdin;
}

/** Whether a path holds policy-parse's own JSON/YAML: by extension, or for stdin by its first character. */
function isStructured(path: string, stdin?: StdinSource): boolean {
  if (path === STDIN) return Buffer.isBuffer(stdin) && /^\s*[{[]/.test(stdin.subarray(0, 64).toString('utf8'));
  return STRUCTURED_EXTENSIONS.has(extname(path).toLowerCase());
}

/** The data in a JSON or YAML file (stdin: JSON, else YAML); a syntax error becomes a one-line reason. */
export function readStructured(path: string, stdin?: StdinSource): unknown {
  const ext = path === STDIN ? (isStructured(path, stdin) ? '.json' : '.yaml') : extname(path).toLowerCase();
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readSource(path, stdin));
  try {
    return ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  }
}

/** A side of a diff: a policy-parse JSON/YAML output, or a source document parsed now. */
export async function loadDocument(path: string, encoding?: string, explain = false, stdin?: StdinSource): Promise<PolicyDocument> {
  if (isStructured(path, stdin)) {
    const data = readStructured(path, stdin);
    const { schema, issues } = validate(data);
    const issue = issues[0];
    if (schema !== 'policy-document' || issue) {
      throw new Error(`not a policy-parse document: ${issue ? `${issue.path}: ${issue.message}` : 'a diff, not a document'}`);
    }
    return data as PolicyDocument;
  }
  return (await parseWithFileAsync(readSource(path, stdin), { path: path.split(sep).join('/'), encoding, explain })).document;
}
