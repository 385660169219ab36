// Output formats of the parse command, serialised the same way everywhere (files, stdout,
// --check, the JSON Lines filter) so that re-runs are byte-identical. The YAML library is
// loaded only when YAML is asked for (prepareFormats), which keeps JSON runs' start-up short.
import type { PolicyDocument } from '../../src/index.js';
import { prettyJsonParts } from './pretty-json.js';
import { yamlWriter } from './yaml-text.js';

/** json and yaml write a file per document; csv and jsonl write run-wide files. */
export const FORMATS = ['json', 'yaml', 'csv', 'jsonl'] as const;
export type Format = (typeof FORMATS)[number];
export type FileFormat = 'json' | 'yaml';

export const isFileFormat = (format: Format): format is FileFormat => format === 'json' || format === 'yaml';

let toYaml: ((value: unknown) => string[]) | undefined;

/** Loads what `formats` need; call (and await) before serialise(). */
export async function prepareFormats(formats: readonly Format[]): Promise<void> {
  if (formats.includes('yaml') && !toYaml) {
    // Bundled, the package may arrive as a CommonJS namespace under `default`.
    type Yaml = typeof import('yaml');
    const yaml = (await import('yaml')) as Yaml & { default?: Yaml };
    // The yaml package's text, written without its node tree (yaml-text.ts).
    toYaml = yamlWriter((yaml.Document ? yaml : yaml.default) as Yaml);
  }
}

export function serialise(doc: PolicyDocument, format: FileFormat): string {
  return serialisedParts(doc, format).join('');
}

/**
 * A document's file as the parts it is written in, one after another, never joined: joining
 * copies the whole text once more (on the laws corpus, 205 MB of JSON, that copy cost about
 * as much as writing it). JSON and YAML come in pieces of a few thousand characters
 * (pretty-json.ts, yaml-text.ts).
 */
export function serialisedParts(doc: PolicyDocument, format: FileFormat): string[] {
  if (format === 'json') {
    const parts = prettyJsonParts(doc);
    parts.push('\n');
    return parts;
  }
  if (!toYaml) throw new Error('YAML output was not prepared (prepareFormats)');
  return toYaml(doc);
}
