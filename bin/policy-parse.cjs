#!/usr/bin/env node
// Runs the CLI: the bundled build when there is one (fast start-up), else tsc's output.
// `npm install` builds both through the `prepare` script.
// CommonJS, as is the bundle's entry (dist/bundle/package.json): an ES module here would set
// up Node's ES module loader before anything else ran (~8 ms of every start-up).
// bin/policy-parse runs this file too.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Answered here: nothing else needs loading.
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')).version}\n`);
} else {
  const bundled = join(__dirname, '../dist/bundle/policy-parse.js');
  const compiled = join(__dirname, '../dist/bin/policy-parse.js');
  if (existsSync(bundled)) {
    require(bundled);
  } else if (existsSync(compiled)) {
    // tsc's output is ES modules.
    import(pathToFileURL(compiled).href);
  } else {
    process.stderr.write('policy-parse: not built yet; run `npm install` (or `npm run build`) first\n');
    process.exit(2);
  }
}
