// Every shell command the README shows runs as written: its ```sh blocks run in a scratch
// folder holding what they name (seeds/, out/, plan.txt, old.txt, new.txt, corpus/), with
// `npx policy-parse` and `policy-parse` resolving to this checkout. A block the README marks
// `<!-- readme-test: skip (reason) -->` cannot run here, and says why.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at } from './helpers.js';

interface Block {
  line: number;
  script: string;
  skip: string | null;
}

function shellBlocks(readme: string): Block[] {
  const lines = readme.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```sh') continue;
    const skip = /^<!-- readme-test: skip \((.+)\) -->$/.exec(lines[i - 1]?.trim() ?? '')?.[1] ?? null;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]?.trim() !== '```'; j++) body.push(lines[j] as string);
    blocks.push({ line: i + 1, script: body.join('\n'), skip });
    i = j;
  }
  return blocks;
}

/** A folder with what the README's commands name. */
function scratch(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'policy-parse-readme-'));
  const bin = join(dir, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  // As npm links the package's bin.
  symlinkSync(at(JSON.parse(readFileSync(at('package.json'), 'utf8')).bin['policy-parse']), join(bin, 'policy-parse'));
  writeFileSync(join(dir, 'package.json'), '{"name": "readme-scratch", "private": true}\n');
  cpSync(at('seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(at('seeds'), join(dir, 'corpus'), { recursive: true });
  cpSync(at('seeds/002_03db1d08565b47d2.txt'), join(dir, 'plan.txt'));
  cpSync(at('fixtures/diff/changed-target-value/old.txt'), join(dir, 'old.txt'));
  cpSync(at('fixtures/diff/changed-target-value/new.txt'), join(dir, 'new.txt'));
  const env = { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}`, npm_config_offline: 'true', npm_config_yes: 'false' };
  const run = (args: string[]) => spawnSync(process.execPath, [at('bin/policy-parse'), ...args], { cwd: dir, encoding: 'utf8', env });
  expect(run(['seeds/', '--out', 'out', '-f', 'json', '-q']).status).toBe(0);
  for (const [side, name] of [['old.txt', 'a.json'], ['new.txt', 'b.json']] as const) {
    const r = run([side, '-o', '-', '-q']);
    expect(r.status).toBe(0);
    writeFileSync(join(dir, 'out', name), r.stdout);
  }
  return { dir, env };
}

const blocks = shellBlocks(readFileSync(at('README.md'), 'utf8'));

describe('the README', () => {
  it('has shell blocks, each run here or marked with the reason it cannot be', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const b of blocks.filter((b) => b.skip)) expect(b.skip, `README line ${b.line}`).toMatch(/\w{3,}/);
  });

  const runnable = blocks.filter((b) => !b.skip);
  const needs = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  it.each(runnable.map((b) => [b.line, b] as const))('runs the block at line %i as written', (_line, block) => {
    for (const tool of ['jq', 'parallel']) if (block.script.includes(`${tool} `) && !needs(tool)) return; // not installed here
    const { dir, env } = scratch();
    const r = spawnSync('bash', ['-eo', 'pipefail', '-c', block.script], { cwd: dir, encoding: 'utf8', env, maxBuffer: 1 << 26 });
    expect(r.stderr, block.script).not.toMatch(/error|cannot|not valid/i);
    expect(r.status, `${block.script}\n${r.stderr}`).toBe(0);
    // A JSON Lines recipe: every line it makes, and every line the filter writes, is one record.
    for (const file of ['corpus.jsonl', 'parsed.jsonl']) {
      if (!existsSync(join(dir, file))) continue;
      const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean);
      expect(lines).toHaveLength(5);
      for (const line of lines) expect(() => JSON.parse(line), `${file}: ${line.slice(0, 80)}`).not.toThrow();
    }
  }, 60_000);
});
