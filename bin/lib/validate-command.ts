// `policy-parse validate`: checks JSON/YAML outputs against the schema, one located line
// per problem (`file: $.sections[2].title: expected string`), then `N valid, M invalid`.
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { validate } from '../../src/index.js';
import { walk } from './batch.js';
import { reason } from './job.js';
import { STDIN } from './stdin.js';
import { STRUCTURED_EXTENSIONS, type StdinSource, readStructured } from './structured.js';
import { stdout } from './stdout.js';

/** Problems printed per file before "… and N more". */
const MAX_ISSUES = 20;

export function runValidate(args: readonly string[], options: { quiet: boolean; stdin?: StdinSource }): number {
  const files: string[] = [];
  let invalid = 0;
  for (const arg of args) {
    if (arg === STDIN) {
      files.push(arg);
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = statSync(arg).isDirectory();
    } catch {
      process.stderr.write(`policy-parse: ${arg}: no such file or folder\n`);
      invalid++;
      continue;
    }
    const found = isFolder ? walk(arg, (message) => process.stderr.write(`policy-parse: ${message}\n`)).filter((p) => STRUCTURED_EXTENSIONS.has(extname(p).toLowerCase())) : [arg];
    if (!found.length) {
      process.stderr.write(`policy-parse: ${arg}: folder holds no .json, .yaml or .yml files\n`);
      invalid++;
    }
    files.push(...found);
  }
  let valid = 0;
  for (const path of files) {
    try {
      const { issues } = validate(readStructured(path, options.stdin));
      for (const issue of issues.slice(0, MAX_ISSUES)) process.stderr.write(`${path}: ${issue.path}: ${issue.message}\n`);
      if (issues.length > MAX_ISSUES) process.stderr.write(`${path}: … and ${issues.length - MAX_ISSUES} more\n`);
      if (issues.length) invalid++;
      else valid++;
    } catch (error) {
      process.stderr.write(`${path}: ${reason(error)}\n`);
      invalid++;
    }
  }
  if (!options.quiet) stdout().write(`${valid} valid, ${invalid} invalid\n`);
  return invalid ? 1 : 0;
}
