// The command line: read files → parse → write JSON/YAML → report. Commander only; all
// parsing lives in src/. One bad file never stops a batch; output files are written to a
// temporary name and renamed, so an interrupted run leaves nothing half-written.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { PolicyDocument } from '../src/index.js';

const INPUT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);
/** Larger inputs are refused: the biggest real law in the 3,472-file corpus is 0.3 MB. */
const DEFAULT_MAX_MB = 10;
const FORMATS = ['json', 'yaml'] as const;
type Format = (typeof FORMATS)[number];

interface Options {
  out: string;
  format: Format[];
  quiet: boolean;
  encoding?: string;
  maxSize: number;
}

/** One document to parse: where it is, and the output stem relative to --out. */
interface Input {
  path: string;
  stem: string;
}

const EXAMPLES = `
Examples:
  $ policy-parse seeds/                      parse every .txt/.md under seeds/ into out/
  $ policy-parse seeds/ --out data -f json   JSON only, into data/
  $ policy-parse plan.txt -f yaml            one file, YAML only
  $ cat plan.txt | policy-parse - | jq .tasks   read stdin, JSON to stdout

Exit status: 0 all parsed, 1 some documents failed (the others are written), 2 usage error.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new CommanderError(2, 'policy-parse.usage', `--max-size needs a positive number of MB, not "${value}"`);
  return n;
}

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase());
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new CommanderError(2, 'policy-parse.usage', `unknown format "${f}" (choose from ${FORMATS.join(', ')})`);
    }
  }
  return [...new Set(formats)] as Format[];
}

/** Files to parse, in a stable order; folders are searched recursively. */
export function collectInputs(args: readonly string[], problems: string[]): Input[] {
  const inputs: Input[] = [];
  for (const arg of args) {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(arg);
    } catch {
      problems.push(`${arg}: no such file or folder`);
      continue;
    }
    if (stats.isDirectory()) {
      const found = walk(arg).filter((p) => INPUT_EXTENSIONS.has(extname(p).toLowerCase()));
      if (!found.length) problems.push(`${arg}: folder holds no documents (.txt, .md, .markdown, .html, .htm)`);
      for (const path of found) inputs.push({ path, stem: stripExtension(relative(arg, path)) });
    } else inputs.push({ path: arg, stem: stripExtension(basename(arg)) });
  }
  return inputs;
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return e.isFile() ? [path] : [];
  });
}

function stripExtension(path: string): string {
  return path.slice(0, path.length - extname(path).length);
}

function serialise(doc: PolicyDocument, format: Format, stringifyYaml: (v: unknown) => string): string {
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringifyYaml(doc);
}

/** Writes via a temporary file in the same folder, then renames: never half-written. */
function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.policy-parse-${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}

function formatMessage(path: string, m: PolicyDocument['messages'][number]): string {
  const p = m.position;
  const place = p ? `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}` : '1:1';
  return `${path}:${place}: ${m.severity}: ${m.message} [${m.code}]`;
}

/** Terminal columns of a string: CJK characters take two. */
function columns(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

async function run(args: string[], options: Options): Promise<number> {
  const { parseWithFile, canonicalEncoding } = await import('../src/index.js');
  const { stringify } = await import('yaml');
  if (options.encoding) {
    try {
      canonicalEncoding(options.encoding);
    } catch (error) {
      process.stderr.write(`policy-parse: ${reason(error)}\n`);
      return 2;
    }
  }
  const stringifyYaml = (v: unknown) => stringify(v, { lineWidth: 0, aliasDuplicateObjects: false });

  if (args.length === 1 && args[0] === '-') {
    let result: ReturnType<typeof parseWithFile>;
    try {
      result = parseWithFile(readFileSync(0), { path: '-', encoding: options.encoding });
    } catch (error) {
      process.stderr.write(`policy-parse: -: ${reason(error)}\n`);
      return 1;
    }
    const { document, file } = result;
    if (!options.quiet) for (const m of document.messages) process.stderr.write(`${formatMessage(String(file.path), m)}\n`);
    process.stdout.write(serialise(document, options.format[0] ?? 'json', stringifyYaml));
    return 0;
  }

  const problems: string[] = [];
  const inputs = collectInputs(args, problems);
  const outDir = resolve(options.out);
  const inputPaths = new Set(inputs.map((i) => resolve(i.path)));
  const rows: string[][] = [];
  let failed = problems.length;
  for (const p of problems) process.stderr.write(`policy-parse: ${p}\n`);

  for (const input of inputs) {
    try {
      const targets = options.format.map((f) => join(outDir, `${input.stem}.${f}`));
      const clash = targets.find((t) => inputPaths.has(t));
      if (clash) throw new Error(`output ${clash} would overwrite an input; choose another --out`);
      const size = statSync(input.path).size;
      if (size > options.maxSize * 1024 * 1024) {
        throw new Error(`file too large: ${(size / 1024 / 1024).toFixed(1)} MB, above the ${options.maxSize} MB limit (raise it with --max-size)`);
      }
      const bytes = readFileSync(input.path);
      const displayPath = input.path.split(sep).join('/');
      const { document } = parseWithFile(bytes, { path: displayPath, encoding: options.encoding });
      options.format.forEach((f, i) => writeAtomic(targets[i] as string, serialise(document, f, stringifyYaml)));
      if (!options.quiet) for (const m of document.messages) process.stderr.write(`${formatMessage(displayPath, m)}\n`);
      rows.push([
        input.stem,
        truncate(document.meta.title ?? '—', 24),
        String(countSections(document.sections)),
        String(document.tasks.length),
        String(document.targets.length),
        String(document.references.length),
        String(document.messages.length),
      ]);
    } catch (error) {
      failed++;
      process.stderr.write(`policy-parse: ${input.path}: ${reason(error)}\n`);
    }
  }

  if (!options.quiet && rows.length) {
    const header = ['document', 'title', 'sections', 'tasks', 'targets', 'refs', 'messages'];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => columns(r[c] ?? ''))));
    for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, c) => pad(cell, widths[c] ?? 0)).join('  ').trimEnd()}\n`);
    process.stdout.write(`${rows.length} parsed, ${failed} failed → ${relative(process.cwd(), outDir) || '.'}/\n`);
  }
  return failed ? 1 : 0;
}

function countSections(sections: PolicyDocument['sections']): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

const DIFF_FORMATS = ['terminal', 'json', 'md'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

interface DiffOptions {
  format: DiffFormat;
  exitCode: boolean;
  all: boolean;
  color?: boolean;
  encoding?: string;
}

const DIFF_EXAMPLES = `
Examples:
  $ policy-parse diff plan-2016.txt plan-2023.txt           coloured report of what changed
  $ policy-parse diff out/a.json out/b.json --format md     Markdown, for a pull request
  $ policy-parse diff a.txt b.txt --format json | jq '.targets[] | select(.change == "changed")'

Each side is a source document or a JSON/YAML file written by policy-parse.
Exit status: 0 (with --exit-code: no differences), 1 differences (with --exit-code only),
2 trouble, such as an unreadable input.`;

const STRUCTURED_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** The data in a JSON or YAML file; a syntax error becomes a one-line reason. */
async function readStructured(path: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  try {
    return ext === '.json' ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (error) {
    throw new Error(`not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  }
}

/** A side of a diff: a policy-parse JSON/YAML output, or a source document parsed now. */
async function loadDocument(path: string, encoding?: string): Promise<PolicyDocument> {
  const { parseWithFile, validate } = await import('../src/index.js');
  if (STRUCTURED_EXTENSIONS.has(extname(path).toLowerCase())) {
    const data = await readStructured(path);
    const { schema, issues } = validate(data);
    const issue = issues[0];
    if (schema !== 'policy-document' || issue) {
      throw new Error(`not a policy-parse document: ${issue ? `${issue.path}: ${issue.message}` : 'a diff, not a document'}`);
    }
    return data as PolicyDocument;
  }
  return parseWithFile(readFileSync(path), { path: path.split(sep).join('/'), encoding }).document;
}

/** Issues printed per file before "… and N more". */
const MAX_ISSUES = 20;

async function runValidate(args: string[], options: { quiet: boolean }): Promise<number> {
  const { validate } = await import('../src/index.js');
  const files: string[] = [];
  let invalid = 0;
  for (const arg of args) {
    let isFolder: boolean;
    try {
      isFolder = statSync(arg).isDirectory();
    } catch {
      process.stderr.write(`policy-parse: ${arg}: no such file or folder\n`);
      invalid++;
      continue;
    }
    const found = isFolder ? walk(arg).filter((p) => STRUCTURED_EXTENSIONS.has(extname(p).toLowerCase())) : [arg];
    if (!found.length) {
      process.stderr.write(`policy-parse: ${arg}: folder holds no .json, .yaml or .yml files\n`);
      invalid++;
    }
    files.push(...found);
  }
  let valid = 0;
  for (const path of files) {
    try {
      const { issues } = validate(await readStructured(path));
      for (const issue of issues.slice(0, MAX_ISSUES)) process.stderr.write(`${path}: ${issue.path}: ${issue.message}\n`);
      if (issues.length > MAX_ISSUES) process.stderr.write(`${path}: … and ${issues.length - MAX_ISSUES} more\n`);
      if (issues.length) invalid++;
      else valid++;
    } catch (error) {
      process.stderr.write(`${path}: ${reason(error)}\n`);
      invalid++;
    }
  }
  if (!options.quiet) process.stdout.write(`${valid} valid, ${invalid} invalid\n`);
  return invalid ? 1 : 0;
}

/** Colour when asked, else when stdout is a terminal and NO_COLOR is unset (FORCE_COLOR wins). */
function useColor(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const { NO_COLOR, FORCE_COLOR } = process.env;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '0') return true;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  return Boolean(process.stdout.isTTY);
}

async function runDiff(oldPath: string, newPath: string, options: DiffOptions): Promise<number> {
  const sides: PolicyDocument[] = [];
  for (const path of [oldPath, newPath]) {
    try {
      sides.push(await loadDocument(path, options.encoding));
    } catch (error) {
      process.stderr.write(`policy-parse: ${path}: ${reason(error)}\n`);
      return 2;
    }
  }
  const { diff, hasDifferences, formatDiffMarkdown, formatDiffTerminal } = await import('../src/index.js');
  const result = diff(sides[0] as PolicyDocument, sides[1] as PolicyDocument);
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (options.format === 'md') process.stdout.write(formatDiffMarkdown(result, { all: options.all }));
  else process.stdout.write(formatDiffTerminal(result, { all: options.all, color: useColor(options.color) }));
  return options.exitCode && hasDifferences(result) ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('policy-parse')
    .description('Parse Chinese government policy documents into structured, validated JSON and YAML.')
    .version(version(), '-v, --version')
    .addHelpText('after', EXAMPLES.replace('\n\nExit', '\n  $ policy-parse diff old.txt new.txt        compare two versions (policy-parse diff --help)\n\nExit'))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('parse', { isDefault: true })
    .description('parse documents into JSON and YAML (the default command: `policy-parse seeds/`)')
    .argument('<inputs...>', 'files or folders (.txt, .md, .markdown); - reads one document from stdin')
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(new Option('-f, --format <formats>', 'comma-separated output formats: json, yaml').default(['json', 'yaml'], 'json,yaml').argParser(parseFormats))
    .option('-q, --quiet', 'print only errors', false)
    .option('--encoding <name>', 'read inputs as this encoding (utf-8, utf-16le, utf-16be, gb18030, gbk, big5 …) instead of detecting it')
    .addOption(new Option('--max-size <MB>', 'refuse inputs larger than this').default(DEFAULT_MAX_MB).argParser(parsePositive))
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], options: Options) => {
      code = await run(inputs, options);
    });

  program
    .command('validate')
    .description('check policy-parse JSON/YAML files against the schema, printing each problem with its place')
    .argument('<paths...>', 'JSON/YAML files, or folders searched for them')
    .option('-q, --quiet', 'print only the problems', false)
    .addHelpText('after', '\nPrints `file: $.sections[2].title: expected string` per problem.\nExit status: 0 all valid, 1 some invalid or unreadable, 2 usage error.')
    .action(async (paths: string[], options: { quiet: boolean }) => {
      code = await runValidate(paths, options);
    });

  program
    .command('diff')
    .description('compare two versions of a document by meaning: sections, tasks and targets')
    .argument('<old>', 'the old version: a source document or a policy-parse JSON/YAML file')
    .argument('<new>', 'the new version, likewise')
    .addOption(new Option('-f, --format <format>', 'report format').choices(DIFF_FORMATS).default('terminal'))
    .option('--exit-code', 'exit 1 when the documents differ, 0 when they do not (like diff(1))', false)
    .option('-a, --all', 'also list unchanged sections, tasks and targets', false)
    .option('--encoding <name>', 'read source documents as this encoding instead of detecting it')
    .option('--color', 'colour the terminal report even when not a terminal')
    .option('--no-color', 'never colour the terminal report (NO_COLOR is honoured too)')
    .addHelpText('after', DIFF_EXAMPLES)
    .action(async (oldPath: string, newPath: string, options: DiffOptions) => {
      code = await runDiff(oldPath, newPath, options);
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      if (error.code.startsWith('policy-parse.')) process.stderr.write(`policy-parse: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return code;
}

process.exitCode = await main(process.argv);
