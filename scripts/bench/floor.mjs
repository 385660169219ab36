// The floor the CLI is compared with (issue 15): per file, what any parser of this kind must
// do at least — read it, one pass of 12 regular expressions over its lines, build an object
// about the output's size (a node per line with a position), pretty-print it as JSON and
// write it via a temporary file and a rename — and nothing else.
// Usage: node scripts/bench/floor.mjs <folder> <out-folder>; prints `floor <MB/s>`.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const [dir, out] = process.argv.slice(2);
const files = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.isFile() ? [join(d, e.name)] : []));
const PATTERNS = [
  /^第[一二三四五六七八九十百千零〇]+[编章节条]/, /^[一二三四五六七八九十]+、/, /^（[一二三四五六七八九十]+）/, /^\d+[.．]/,
  /^（\d+）/, /^[①-⑳]/, /\d{4}年\d{1,2}月\d{1,2}日/, /〔\d{4}〕\d+号/, /牵头|配合|负责/, /\d+(?:\.\d+)?%/,
  /到\d{4}年/, /附件/,
];
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let bytes = 0;
const start = performance.now();
for (const [i, path] of files(dir).entries()) {
  const text = readFileSync(path, 'utf8');
  bytes += statSync(path).size;
  let offset = 0;
  const lines = text.split('\n').map((line, n) => {
    const hits = PATTERNS.map((re) => re.test(line));
    const node = { line: n + 1, kind: hits.indexOf(true), text: line, position: { start: { line: n + 1, column: 1, offset }, end: { line: n + 1, column: line.length + 1, offset: offset + line.length } } };
    offset += line.length + 1;
    return node;
  });
  const target = join(out, `${i}-${basename(path)}.json`);
  writeFileSync(`${target}.tmp`, `${JSON.stringify({ source: path, lines }, null, 2)}\n`);
  renameSync(`${target}.tmp`, target);
}
const seconds = (performance.now() - start) / 1000;
console.log(`floor ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s (${seconds.toFixed(2)} s)`);
