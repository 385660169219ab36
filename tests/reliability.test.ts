// Reliability, tried as a careless or hostile user would (issue 13): each case asserts the
// files left behind and the one-line message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyDocument } from '../src/index.js';
import { at, root } from './helpers.js';

const bin = at('bin/policy-parse');
const seed = at('seeds/002_03db1d08565b47d2.txt');
const tmp = () => mkdtempSync(join(tmpdir(), 'policy-parse-reliability-'));
/** Runs a shell pipeline in which `pp` is the CLI. */
const shell = (script: string) =>
  spawnSync('sh', ['-c', `pp() { "$NODE" "$BIN" "$@"; }; ${script}`], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', NODE: process.execPath, BIN: bin } });

describe('stdin is read as a stream: pipes, slow writers, closed pipes', () => {
  it('parses a document piped in, also from a writer slower than the reader', () => {
    // A big document through a pipe: reading fd 0 in one call failed with EAGAIN.
    const dir = tmp();
    const big = join(dir, 'big.md');
    writeFileSync(big, readFileSync(seed, 'utf8').repeat(40));
    for (let i = 0; i < 5; i++) {
      const r = shell(`cat "${big}" | pp - -q`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(PolicyDocument.safeParse(JSON.parse(r.stdout)).success).toBe(true);
    }
    const slow = shell(`(sleep 0.3; cat "${seed}") | pp - -q`);
    expect(slow.status).toBe(0);
    expect(JSON.parse(slow.stdout).source.path).toBe('-');
  });

  it('refuses an empty or closed stdin, and one above --max-size, with one line naming -', () => {
    const empty = shell('pp - -q < /dev/null');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe('policy-parse: -: empty file\n');
    const big = shell('head -c 2200000 /dev/zero | tr "\\0" "a" | pp - -q --max-size 2');
    expect(big.status).toBe(1);
    expect(big.stderr).toBe('policy-parse: -: stdin too large: above the 2 MB limit (raise it with --max-size)\n');
    expect(big.stdout).toBe('');
  });

  it('reads - in show, diff and validate, as a source document or as policy-parse JSON/YAML', () => {
    const out = tmp();
    expect(shell(`pp "${seed}" -o "${out}" -f json,yaml -q`).status).toBe(0);
    const json = join(out, '002_03db1d08565b47d2.json');
    const yaml = join(out, '002_03db1d08565b47d2.yaml');
    const show = shell(`(sleep 0.2; cat "${seed}") | pp show - --depth 1`);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('一、总体要求');
    const diff = shell(`cat "${json}" | pp diff - "${seed}" --exit-code`);
    expect(diff.stderr).toBe('');
    expect(diff.status).toBe(0);
    expect(shell(`cat "${json}" | pp validate -`).stdout).toBe('1 valid, 0 invalid\n');
    expect(shell(`cat "${yaml}" | pp validate -`).stdout).toBe('1 valid, 0 invalid\n');
    const broken = shell(`printf '{"a":' | pp validate -`);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe('-: not valid JSON (Unexpected end of JSON input)\n');
  });
});
