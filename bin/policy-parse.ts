// The command line: commander only. Each command's work lives in bin/lib/ and is loaded
// when the command runs; all parsing lives in src/.
import { DEFAULT_MAX_MB, THREAD_MB } from './lib/limits.js';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { FORMATS, type Format } from './lib/output.js';
import { stdout } from './lib/stdout.js';

const EXAMPLES = `
Examples:
  $ policy-parse seeds/                      parse every document under seeds/ into out/
  $ policy-parse seeds/ --out data -f json   JSON only, into data/
  $ policy-parse plan.txt -f yaml            one file, YAML only
  $ cat plan.txt | policy-parse - | jq .tasks   read stdin, JSON to stdout
  $ policy-parse corpus/ -o data --check     CI: exit 1 if data/ is not what corpus/ gives
  $ policy-parse corpus/ -o data --shard 2/8 this machine's eighth of the corpus
  $ policy-parse --stdin-jsonl < docs.jsonl  streaming filter: JSON Lines in and out
  $ policy-parse diff old.txt new.txt        compare two versions (policy-parse diff --help)
  $ policy-parse show plan.txt --depth 2     the outline as a tree in the terminal
  $ policy-parse report out/ --html r.html   one HTML page over a run: outlines, targets table

Exit status: 0 all parsed, 1 some documents failed (the others are written), 2 usage error.`;

const DIFF_EXAMPLES = `
Examples:
  $ policy-parse diff plan-2016.txt plan-2023.txt           coloured report of what changed
  $ policy-parse diff out/a.json out/b.json --format md     Markdown, for a pull request
  $ policy-parse diff a.txt b.txt --format json | jq '.targets[] | select(.change == "changed")'

Each side is a source document or a JSON/YAML file written by policy-parse.
Exit status: 0 (with --exit-code: no differences), 1 differences (with --exit-code only),
2 trouble, such as an unreadable input.`;

/** Larger inputs are refused: the biggest real law in the 3,472-file corpus is 0.3 MB. */

interface ParseCommandOptions {
  out: string;
  format: Format[];
  quiet: boolean;
  warnings: boolean;
  summary: 'auto' | 'full';
  encoding?: string;
  maxSize: number;
  jobs?: number;
  check: boolean;
  shard?: { index: number; count: number };
  stdinJsonl: boolean;
  explain?: boolean;
  /** --config FILE, or false with --no-config. */
  config?: string | false;
  printConfig?: boolean;
}

/** Where a setting of the run came from. */
type Source = 'cli' | 'config' | 'default';

function usage(message: string): never {
  throw new CommanderError(2, 'policy-parse.usage', message);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parseFormats(value: string): ParseCommandOptions['format'] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase());
  for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) usage(`unknown format "${f}" (choose from ${FORMATS.join(', ')})`);
  return [...new Set(formats)] as ParseCommandOptions['format'];
}

function parsePositive(flag: string, integer: boolean) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0) || (integer && !Number.isInteger(n))) usage(`${flag} needs a positive ${integer ? 'whole ' : ''}number, not "${value}"`);
    return n;
  };
}

function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) usage(`--shard needs i/n with 1 ≤ i ≤ n, like 2/8, not "${value}"`);
  return { index, count };
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program: Command = new Command()
    .name('policy-parse')
    .description('Parse Chinese government policy documents into structured, validated JSON and YAML.')
    .version(version(), '-v, --version')
    // The default command's options, which users reach without naming it, then the examples.
    .addHelpText('after', (): string => parseOptionsHelp(program) + EXAMPLES)
    .exitOverride()
    // Help and version through stdout(), which stops quietly on a closed pipe.
    .configureOutput({ writeOut: (s) => stdout().write(s), writeErr: (s) => process.stderr.write(s) });

  program
    .command('parse', { isDefault: true })
    .description('parse documents into JSON and YAML (the default command: `policy-parse seeds/`)')
    .argument('[inputs...]', 'files or folders (.txt, .md, .markdown, .html, .htm, .shtml, .xhtml); - reads one document from stdin')
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(new Option('-f, --format <formats>', 'comma-separated: json, yaml (a file per document), csv (tasks.csv, targets.csv, sections.csv), jsonl (documents.jsonl)').default(['json', 'yaml'], 'json,yaml').argParser(parseFormats))
    .option('-q, --quiet', 'print only errors', false)
    .option('--no-warnings', "print the summary but not each document's warnings")
    .addOption(new Option('--summary <rows>', `the summary table: auto lists every document up to 50, beyond that those with messages; full lists every one`).choices(['auto', 'full']).default('auto'))
    .option('--encoding <name>', 'read inputs as this encoding (utf-8, utf-16le, utf-16be, gb18030, gbk, big5 …) instead of detecting it')
    .addOption(new Option('--max-size <MB>', 'refuse inputs larger than this').default(DEFAULT_MAX_MB).argParser(parsePositive('--max-size', false)))
    .addOption(new Option('-j, --jobs <n>', `at most n threads parse: this one and n-1 workers (default: the machine's cores, ${availableParallelism()} here); one more than the first per ${THREAD_MB} MB of input`).argParser(parsePositive('--jobs', true)))
    .option('--check', 'write nothing; exit 1 listing outputs in --out that are stale, missing or extra', false)
    .addOption(new Option('--shard <i/n>', 'parse only the i-th of n deterministic shares of the inputs').argParser(parseShard))
    .option('--stdin-jsonl', 'filter: read {"path","text"|"base64"} JSON Lines on stdin, write one document (or {"path","error"}) per line', false)
    .option('--explain', 'also write `explain`: every quantity found and the rule that made it a target or not', false)
    .option('--config <file>', 'read settings from this config file (default: the nearest policy-parse.config.{json,yaml,yml,js,mjs,cjs}, .policy-parserc or "policy-parse" key of package.json, from here up)')
    .option('--no-config', 'read no config file')
    .option('--print-config', 'print the settings this run would use, and where each came from, as JSON; parse nothing', false)
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], options: ParseCommandOptions, command: Command) => {
      code = await runParse(inputs, options, (name) => (command.getOptionValueSource(name) === 'cli' ? 'cli' : 'default'));
    });

  program
    .command('diff')
    .description('compare two versions of a document by meaning: sections, tasks and targets')
    .argument('<old>', 'the old version: a source document or a policy-parse JSON/YAML file')
    .argument('<new>', 'the new version, likewise')
    .addOption(new Option('-f, --format <format>', 'report format (html: a self-contained page, side by side)').choices(['terminal', 'json', 'md', 'html']).default('terminal'))
    .option('--exit-code', 'exit 1 when the documents differ, 0 when they do not (like diff(1))', false)
    .option('-a, --all', 'also list unchanged sections, tasks and targets', false)
    .option('--encoding <name>', 'read source documents as this encoding instead of detecting it')
    .option('--color', 'colour the terminal report even when not a terminal')
    .option('--no-color', 'never colour the terminal report (NO_COLOR is honoured too)')
    .addHelpText('after', DIFF_EXAMPLES)
    .action(async (oldPath: string, newPath: string, options) => {
      const { runDiff } = await import('./lib/diff-command.js');
      code = await runDiff(oldPath, newPath, { ...options, stdin: await stdinFor([oldPath, newPath]) });
    });

  program
    .command('show')
    .description('print a document\'s outline as an indented tree: markers, titles, task units, targets')
    .argument('<file>', 'a source document or a policy-parse JSON/YAML file')
    .addOption(new Option('-d, --depth <n>', 'show this many levels (deeper ones are counted)').argParser(parsePositive('--depth', true)))
    .option('--encoding <name>', 'read a source document as this encoding instead of detecting it')
    .option('--color', 'colour even when not a terminal')
    .option('--no-color', 'never colour (NO_COLOR is honoured too)')
    .option('--explain', 'under each section, every quantity and the rule that made it a target (✓) or not (✗)', false)
    .action(async (file: string, options: { depth?: number; color?: boolean; encoding?: string; explain?: boolean }) => {
      const { runShow } = await import('./lib/show-command.js');
      code = await runShow(file, { ...options, stdin: await stdinFor([file]) });
    });

  program
    .command('report')
    .description('write one self-contained HTML page over a folder of policy-parse JSON: documents, outlines, a sortable targets table')
    .argument('<out-dir>', 'a folder written by policy-parse (its .json documents are read)')
    .requiredOption('--html <file>', 'the page to write')
    .action(async (outDir: string, options: { html: string }) => {
      const { runReport } = await import('./lib/report-command.js');
      code = runReport(outDir, options);
    });

  program
    .command('validate')
    .description('check policy-parse JSON/YAML files against the schema, printing each problem with its place')
    .argument('<paths...>', 'JSON/YAML files, or folders searched for them')
    .option('-q, --quiet', 'print only the problems', false)
    .addHelpText('after', '\nPrints `file: $.sections[2].title: expected string` per problem.\nExit status: 0 all valid, 1 some invalid or unreadable, 2 usage error.')
    .action(async (paths: string[], options: { quiet: boolean }) => {
      const { runValidate } = await import('./lib/validate-command.js');
      code = runValidate(paths, { ...options, stdin: await stdinFor(paths) });
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      if (error.code.startsWith('policy-parse.')) process.stderr.write(`policy-parse: ${error.message}\n`);
      return 2;
    }
    // Anything else (a disk that filled up while the run files were put in place): one line,
    // never a stack trace; the command has removed its temporary files on the way out.
    const { reason } = await import('./lib/job.js');
    process.stderr.write(`policy-parse: ${reason(error)}\n`);
    return 1;
  }
  return code;
}

async function runParse(inputs: string[], options: ParseCommandOptions, sourceOf: (option: string) => Source): Promise<number> {
  // The config file: its settings are defaults, which flags on the command line override.
  const { ConfigError, configFolder, loadConfig } = await import('./lib/config.js');
  let loaded: Awaited<ReturnType<typeof loadConfig>>;
  try {
    loaded = await loadConfig(options.config);
  } catch (error) {
    if (error instanceof ConfigError) return usageError(error.message);
    throw error;
  }
  const config = loaded?.config ?? {};
  const from: Record<'format' | 'out' | 'jobs', Source> = { format: sourceOf('format'), out: sourceOf('out'), jobs: sourceOf('jobs') };
  // -f from the config is the default of runs that write a folder; `-` and `-o -` keep their own (JSON).
  const toStdout = options.stdinJsonl || options.out === '-' || (inputs.length === 1 && inputs[0] === '-');
  if (from.format === 'default' && config.format && !toStdout) [options.format, from.format] = [config.format, 'config'];
  if (from.out === 'default' && loaded && config.out !== undefined) {
    const out = config.out === '-' ? '-' : relative(process.cwd(), resolve(configFolder(loaded), config.out)) || '.';
    [options.out, from.out] = [out, 'config'];
  }
  if (from.jobs === 'default' && config.jobs !== undefined) [options.jobs, from.jobs] = [config.jobs, 'config'];
  const settings = {
    ...(config.departmentAliases ? { aliases: config.departmentAliases } : {}),
    ...(config.furniture?.length ? { furniture: config.furniture } : {}),
    ...(config.extensions?.length ? { extensions: config.extensions } : {}),
    // The file, recorded in index.json and named in the summary (replacing --config's own value).
    config: loaded?.shown,
  };
  if (options.printConfig) {
    const resolved = {
      file: loaded?.shown ?? null,
      departmentAliases: config.departmentAliases ?? {},
      furniture: config.furniture ?? [],
      extensions: config.extensions ?? [],
      format: options.format,
      out: options.out,
      jobs: options.jobs ?? null,
      from,
    };
    stdout().write(`${JSON.stringify(resolved, null, 2)}\n`);
    return 0;
  }
  if (options.encoding) {
    const { canonicalEncoding } = await import('../src/read/decode.js');
    try {
      canonicalEncoding(options.encoding);
    } catch (error) {
      process.stderr.write(`policy-parse: ${error instanceof Error ? error.message : error}\n`);
      return 2;
    }
  }
  // The modes that write to stdout refuse a folder asked for on the command line, which they
  // would otherwise leave unwritten without a word (a config file's `out` is only a default).
  const folderAsked = from.out === 'cli' && options.out !== '-';
  if (options.stdinJsonl) {
    if (inputs.length) return usageError('--stdin-jsonl reads stdin: give no inputs');
    if (folderAsked) return usageError(`--stdin-jsonl writes JSON Lines to stdout, not into a folder: drop -o ${options.out}`);
    // JSON Lines are JSON: -f json (or jsonl) says what it writes; any other format it would not write.
    const unwritten = from.format === 'cli' ? options.format.filter((f) => f !== 'json' && f !== 'jsonl') : [];
    if (unwritten.length) return usageError(`--stdin-jsonl writes JSON Lines, not ${unwritten.join(' or ')}: drop -f ${options.format.join(',')}`);
    const { runJsonl } = await import('./lib/jsonl.js');
    return runJsonl({ ...options, ...settings });
  }
  if (!inputs.length) return usageError("missing required argument 'inputs'");
  const batch = await import('./lib/batch.js');
  if (inputs.length === 1 && inputs[0] === '-') {
    if (folderAsked) return usageError(`-: stdin's document goes to stdout, not into a folder: drop -o ${options.out}, or save the document to a file and parse that`);
    return batch.runStdinDocument({ ...options, ...settings }, from.format === 'cli');
  }
  if (options.out === '-') return batch.runToStdout(inputs, { ...options, ...settings, version: version() }, from.format === 'cli');
  return batch.runBatch(inputs, { ...options, ...settings, version: version() });
}

/** The parse command's options, laid out as Commander lays out a command's own. */
function parseOptionsHelp(program: Command): string {
  const parse = program.commands.find((c) => c.name() === 'parse');
  if (!parse) return '';
  const help = parse.createHelp();
  const options = help.visibleOptions(parse).filter((o) => o.long !== '--help');
  const width = Math.max(...options.map((o) => help.optionTerm(o).length));
  const lines = options.map((o) => `  ${help.optionTerm(o).padEnd(width)}  ${help.optionDescription(o)}`);
  return `\nOptions of parse, the default command (policy-parse [options] [inputs...]):\n${lines.join('\n')}\n`;
}

/**
 * Standard input, read once when one of `paths` is `-`; a read that fails is left for the
 * command to report against `-`.
 */
async function stdinFor(paths: readonly string[]): Promise<Buffer | Error | undefined> {
  const { STDIN, readStdin } = await import('./lib/stdin.js');
  if (!paths.includes(STDIN)) return undefined;
  return readStdin().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

function usageError(message: string): number {
  process.stderr.write(`policy-parse: ${message}\n`);
  return 2;
}

// No top-level await: the bundle is a CommonJS script (bin/lib/load-bundle.ts).
void main(process.argv).then((code) => {
  process.exitCode = code;
  // When the event loop is empty, everything is written (a write still pending would keep
  // it busy): exit then, as process.exit() does, without first freeing the heap piece by
  // piece -- 6-15 ms of a short run.
  process.once('beforeExit', () => process.exit());
});
