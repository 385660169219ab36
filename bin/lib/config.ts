// The config file: department aliases, extra page-furniture patterns, extra input
// extensions and defaults for -f, -o and -j, for the parse command. Found by lilconfig from
// the working folder upward (to the home folder), in the places of SEARCH_PLACES; `--config
// FILE` loads that file, `--no-config` none. Checked by a strict zod schema: anything wrong
// (an unknown key, a wrong type, a bad regular expression, a syntax error) is one line naming
// the file and the key or line — a ConfigError, which the CLI prints and exits 2 on.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'lilconfig';
import { importModule } from '../../src/read/import-module.js';
import type { Config } from './config-schema.js';

/** The key in package.json, and the stem of the file names. */
const NAME = 'policy-parse';

/** Where a folder's config is looked for, in this order; the first found wins, and a nearer folder wins over a farther one. */
export const SEARCH_PLACES = [
  'package.json',
  `${NAME}.config.json`,
  `${NAME}.config.yaml`,
  `${NAME}.config.yml`,
  `${NAME}.config.js`,
  `${NAME}.config.mjs`,
  `${NAME}.config.cjs`,
  `.${NAME}rc`,
] as const;

export class ConfigError extends Error {}

export interface LoadedConfig {
  /** Absolute path of the file. */
  path: string;
  /** As shown in messages and recorded in index.json: relative to the working folder, forward slashes. */
  shown: string;
  config: Config;
}

/**
 * The config for this run: the file named by `--config` (`file`), none with `--no-config`
 * (`file` false), else the first found from `cwd` upward; undefined when there is none.
 * Throws a ConfigError (one line) when the file cannot be read or is not a valid config.
 */
export async function loadConfig(file: string | false | undefined, cwd = process.cwd()): Promise<LoadedConfig | undefined> {
  if (file === false) return undefined;
  // Most runs have no config file: then lilconfig is not even loaded.
  if (file === undefined && !mayFindConfig(cwd)) return undefined;
  const lilconfigModule = await importModule<typeof import('lilconfig') & { default?: typeof import('lilconfig') }>('lilconfig');
  const lilconfig = lilconfigModule.lilconfig ?? lilconfigModule.default?.lilconfig;
  const explorer = lilconfig(NAME, { searchPlaces: [...SEARCH_PLACES], loaders: LOADERS, cache: false });
  let found: Awaited<ReturnType<typeof explorer.search>>;
  if (file !== undefined) {
    const path = resolve(cwd, file);
    if (!existsSync(path)) throw new ConfigError(`--config ${file}: no such file`);
    if (statSync(path).isDirectory()) throw new ConfigError(`--config ${file}: is a folder, not a config file`);
    const ext = extname(path).toLowerCase();
    if (basename(path) !== 'package.json' && ext !== '' && !(ext in LOADERS)) {
      throw new ConfigError(`--config ${file}: not a config file type policy-parse reads (${Object.keys(LOADERS).filter((e) => e !== 'noExt').join(', ')}, or JSON/YAML without an extension)`);
    }
    found = await guard(path, cwd, () => explorer.load(path));
    if (basename(path) === 'package.json' && found?.config == null) throw new ConfigError(`${shownPath(path, cwd)}: has no "${NAME}" key`);
  } else {
    found = await guard(cwd, cwd, () => explorer.search(cwd));
  }
  if (!found) return undefined;
  const shown = shownPath(found.filepath, cwd);
  // zod is loaded only when there is a config to check: most runs have none.
  const { Config, issueLine } = await import('./config-schema.js');
  const result = Config.safeParse(found.isEmpty ? {} : found.config);
  if (!result.success) {
    const prefix = basename(found.filepath) === 'package.json' ? [NAME] : [];
    throw new ConfigError(`${shown}: ${issueLine(result.error.issues, prefix)}`);
  }
  return { path: found.filepath, shown, config: result.data };
}

/**
 * Whether lilconfig's search from `cwd` could find anything: false only when no search place
 * exists in any folder it would look in (from `cwd` up to the home folder or the root),
 * other than package.json files without a "policy-parse" key. Anything else — a search
 * place that exists, a package.json that cannot be read or parsed, or has the key — is
 * left to lilconfig, which finds it or says what is wrong, as it always did.
 */
function mayFindConfig(cwd: string): boolean {
  const stop = resolve(homedir());
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const place of SEARCH_PLACES) {
      const path = join(dir, place);
      // lilconfig asks fs.access (exists, of any kind).
      if (!existsSync(path)) continue;
      if (place !== 'package.json') return true;
      try {
        const pkg: unknown = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
        if (pkg === null || typeof pkg !== 'object' || (pkg as Record<string, unknown>)[NAME] !== undefined) return true;
      } catch {
        return true;
      }
    }
    if (dir === stop || dir === dirname(dir)) return false;
  }
}

function shownPath(path: string, cwd: string): string {
  return (relative(cwd, path) || path).split(sep).join('/');
}

/** Runs a lilconfig call, turning whatever it throws into one line naming the file. */
async function guard<T>(path: string, cwd: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${shownPath(path, cwd)}: ${why}`);
  }
}

// ───────────────────────────── loaders ─────────────────────────────

/** JSON, with a syntax error as `file:line:column: not valid JSON: …`. */
const loadJson: Loader = (path, content) => {
  const text = content.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const why = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    throw new ConfigError(`${shownPath(path, process.cwd())}${at ? lineColumn(text, Number(at[1])) : ''}: not valid JSON: ${why}`);
  }
};

/** YAML (and JSON, which YAML reads too), with a syntax error as `file:line:column: not valid YAML: …`. */
const loadYaml: Loader = async (path, content) => {
  const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const parse = yaml.parse ?? yaml.default?.parse;
  try {
    return parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    const e = error as Error & { linePos?: Array<{ line: number; col: number }> };
    const pos = e.linePos?.[0];
    const why = (e.message.split('\n')[0] ?? '').replace(/\s*at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${shownPath(path, process.cwd())}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${why}`);
  }
};

/** A JavaScript module whose default export (or module.exports) is the config. */
const loadModule: Loader = async (path) => {
  const url = pathToFileURL(path).href;
  try {
    const module = await importModule<{ default?: unknown }>(url);
    return module.default ?? module;
  } catch (error) {
    const e = error as Error;
    // A syntax error's line, where Node gives one, is in the stack: /…/policy-parse.config.cjs:3
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const line = e instanceof SyntaxError ? new RegExp(`(?:${escape(url)}|${escape(path)}):(\\d+)`).exec(e.stack ?? '')?.[1] : undefined;
    throw new ConfigError(`${shownPath(path, process.cwd())}${line ? `:${line}` : ''}: ${e.name === 'SyntaxError' ? 'not valid JavaScript: ' : ''}${e.message.split('\n')[0]}`);
  }
};

const LOADERS: Record<string, Loader> = {
  '.json': loadJson,
  '.yaml': loadYaml,
  '.yml': loadYaml,
  '.js': loadModule,
  '.mjs': loadModule,
  '.cjs': loadModule,
  noExt: loadYaml,
};

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `:${line}:${offset - before.lastIndexOf('\n')}`;
}

/** The folder a config's relative paths (`out`) are taken from. */
export const configFolder = (loaded: LoadedConfig): string => dirname(loaded.path);
