// The config file's schema (strict zod), and its first problem as one line. Loaded by
// config.ts only when a config file is found, so that a run without one never loads zod.
import { z } from 'zod';
import { furniturePatterns } from '../../src/transform/furniture.js';
import { FORMATS, type Format } from './output.js';

/** -f's values: a list (["json", "csv"]) or a comma-separated string ("json,csv"). */
const formatList = z.unknown().transform((value, ctx) => {
  const problem = (message: string, path: PropertyKey[] = []) => {
    ctx.addIssue({ code: 'custom', path, message });
    return z.NEVER;
  };
  if (typeof value !== 'string' && !Array.isArray(value)) return problem(`expected a list of formats or a comma-separated string, received ${typeof value}`);
  const list: unknown[] = typeof value === 'string' ? value.split(',') : value;
  const formats: Format[] = [];
  for (const [i, f] of list.entries()) {
    const path = Array.isArray(value) ? [i] : [];
    if (typeof f !== 'string') return problem(`expected string, received ${f === null ? 'null' : typeof f}`, path);
    const name = f.trim().toLowerCase();
    if (!(FORMATS as readonly string[]).includes(name)) return problem(`unknown format "${f}" (choose from ${FORMATS.join(', ')})`, path);
    if (!formats.includes(name as Format)) formats.push(name as Format);
  }
  return formats.length ? formats : problem(`names no format (choose from ${FORMATS.join(', ')})`);
});

export const Config = z.strictObject({
  /** The name as lead/support/responsible give it → the name to use. */
  departmentAliases: z.record(z.string().min(1, 'an empty name'), z.string().min(1, 'expected a name, not an empty string')).optional(),
  /** Regular expressions, each matched against a whole line. */
  furniture: z
    .array(z.string().min(1, 'expected a regular expression, not an empty string'))
    .superRefine((patterns, ctx) => {
      patterns.forEach((p, i) => {
        try {
          furniturePatterns([p]);
        } catch (error) {
          // V8 names the anchored pattern (/^(?:…)$/: …); name the one in the file instead.
          const why = (error as Error).message.replace(/^furniture\[\d+\]: invalid regular expression: (?:\/.*\/: )?/s, '');
          ctx.addIssue({ code: 'custom', path: [i], message: `invalid regular expression ${JSON.stringify(p)}: ${why}` });
        }
      });
    })
    .optional(),
  /** More extensions read from folders: .text, .htm5. */
  extensions: z
    .array(z.string().regex(/^\.[^./\\\s]+$/, 'expected an extension like ".text"').transform((e) => e.toLowerCase()))
    .transform((list) => [...new Set(list)])
    .optional(),
  /** The default of -f: json, yaml, csv, jsonl (a list, or comma-separated). */
  format: formatList.optional(),
  /** The default of -o, relative to the config file's folder. */
  out: z.string().min(1, 'expected a folder, not an empty string').optional(),
  /** The default of -j. */
  jobs: z.number().int('expected a positive whole number').positive('expected a positive whole number').optional(),
});

export type Config = z.infer<typeof Config>;
export const CONFIG_KEYS = Object.keys(Config.shape);

/** The first problem as `key.path: what is wrong`, with a count of any others. */
export function issueLine(issues: readonly z.core.$ZodIssue[], prefix: readonly string[]): string {
  const first = issues[0] as z.core.$ZodIssue;
  const place = (path: readonly PropertyKey[]) =>
    [...prefix, ...path].reduce<string>((s, key) => (typeof key === 'number' ? `${s}[${key}]` : s ? `${s}.${String(key)}` : String(key)), '');
  let message: string;
  if (first.code === 'unrecognized_keys') {
    const keys = first.keys.map((k) => `"${k}"`).join(', ');
    message = `unknown key${first.keys.length > 1 ? 's' : ''} ${keys} (known: ${CONFIG_KEYS.join(', ')})`;
  } else if (first.code === 'invalid_type' && first.path.length === 0) {
    message = `${first.message.replace(/^Invalid input: /, '')}: a config is an object of settings (${CONFIG_KEYS.join(', ')})`;
  } else {
    message = first.message.replace(/^Invalid (?:input|option): /, '');
  }
  const where = place(first.path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${where ? `${where}: ` : ''}${message}${more}`;
}
