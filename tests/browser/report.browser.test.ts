// The HTML reports in a real browser (headless Debian chromium via playwright-core), opt-in:
// `npm run test:browser`. Loads each page from a file:// URL and checks what a reader does —
// no network request at all, <details> expand, the targets table sorts, the diff shows
// side by side — and screenshots the pages (copies in /tmp/policy-parse-report*.png).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diff, parse } from '../../src/index.js';
import { formatDiffHtml } from '../../src/report/diff-html.js';
import { at, listDir, root } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const cli = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/policy-parse'), ...args], { cwd: root, encoding: 'utf8' });

/** The seeds report as a user makes it: parse seeds/ to JSON, then `report` (or runReport from dist). */
async function writeSeedsReport(dir: string): Promise<string> {
  const out = join(dir, 'out');
  const parsed = cli(['seeds/', '--out', out, '-f', 'json', '-q']);
  expect(parsed.status, parsed.stderr).toBe(0);
  const html = join(dir, 'report.html');
  const help = cli(['report', '--help']);
  if (help.status === 0 && help.stdout.includes('policy-parse report')) {
    const r = cli(['report', out, '--html', html]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*report\.html \(5 documents\)\n$/);
  } else {
    const { runReport } = (await import(pathToFileURL(join(root, 'dist/bin/lib/report-command.js')).href)) as typeof import('../../bin/lib/report-command.js');
    expect(runReport(out, { html })).toBe(0);
  }
  return html;
}

function expectPng(path: string): void {
  const bytes = readFileSync(path);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
}

describe.skipIf(!existsSync(CHROMIUM))('HTML reports in chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'policy-parse-browser-'));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `file` and records every request the page makes. */
  async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  const values = (page: Page) =>
    page.$$eval('#targets tbody tr td:nth-child(5)', (cells) => cells.map((c) => Number(c.getAttribute('data-sort'))));

  it('seeds report: offline, expandable outline, sortable targets, screenshot', async () => {
    const file = await writeSeedsReport(dir);
    const { page, requests, errors } = await open(file);

    // The only request is the page itself: no fonts, scripts, images or favicons from anywhere.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);

    const seeds = listDir('seeds').filter((f) => f.endsWith('.txt'));
    const targetCount = seeds.reduce((n, f) => n + parse(readFileSync(at(`seeds/${f}`))).targets.length, 0);
    expect(await page.locator('#targets tbody tr').count()).toBe(targetCount);

    // Expand a top-level section: its child sections' summaries become visible.
    const section = page.locator('#doc-1-outline > details').filter({ has: page.locator(':scope > .body > details') }).first();
    const child = section.locator(':scope > .body > details > summary').first();
    expect(await child.isVisible()).toBe(false);
    await section.locator(':scope > summary').click();
    expect(await child.isVisible()).toBe(true);
    expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    // Sort by value: ascending numerically (not as text), then descending.
    const before = await values(page);
    const numericAsc = [...before].sort((a, b) => a - b);
    expect([...before].map(String).sort(), 'the seeds must tell text order from numeric order').not.toEqual(numericAsc.map(String));
    const head = page.locator('#targets th[data-key="value"]');
    await head.click();
    expect(await values(page)).toEqual(numericAsc);
    expect(await head.getAttribute('aria-sort')).toBe('ascending');
    await head.click();
    expect(await values(page)).toEqual([...numericAsc].reverse());
    expect(await head.getAttribute('aria-sort')).toBe('descending');
    await head.click();
    expect(await values(page)).toEqual(numericAsc);

    // A table link into a collapsed outline opens the sections around it.
    const link = page.locator('#targets tbody tr td:nth-child(2) a').first();
    const anchor = (await link.getAttribute('href'))?.slice(1) ?? '';
    await link.click();
    expect(await page.evaluate((id) => (document.getElementById(id) as HTMLDetailsElement).open, anchor)).toBe(true);

    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: false });
    expectPng(shot);
    copyFileSync(shot, '/tmp/policy-parse-report.png');
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('diff page: offline, side by side, insertions visible, screenshot', async () => {
    const side = (which: string) => {
      const path = `fixtures/diff/reworded-title/${which}.txt`;
      return parse(readFileSync(at(path)), { path });
    };
    const file = join(dir, 'diff.html');
    writeFileSync(file, formatDiffHtml(diff(side('old'), side('new'))));
    const { page, requests, errors } = await open(file);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);

    expect(await page.locator('#summary').isVisible()).toBe(true);
    expect(await page.locator('#sections').isVisible()).toBe(true);
    expect(await page.locator('#sections thead th.side').allTextContents()).toEqual(['old', 'new']);
    // the two sides really sit next to each other
    const [oldBox, newBox] = await Promise.all([page.locator('#sections th.side').nth(0).boundingBox(), page.locator('#sections th.side').nth(1).boundingBox()]);
    expect(oldBox && newBox && newBox.x >= oldBox.x + oldBox.width - 1 && Math.abs(newBox.y - oldBox.y) < 1).toBe(true);

    const changed = page.locator('#sections tr.changed');
    expect(await changed.count()).toBe(1);
    const ins = changed.locator('td.new ins');
    await ins.scrollIntoViewIfNeeded();
    expect(await ins.isVisible()).toBe(true);
    expect(await ins.textContent()).toBe('低碳');
    // the changed row is coloured differently from an unchanged one
    const bg = (sel: string) => page.locator(sel).first().evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(await bg('#sections tr.changed td.new')).not.toBe(await bg('#sections tr.unchanged td.new'));

    // "hide unchanged rows" (CSS only) leaves the changed row
    await page.locator('#hide-unchanged').check();
    expect(await page.locator('#sections tr.unchanged').first().isVisible()).toBe(false);
    expect(await changed.isVisible()).toBe(true);

    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = join(dir, 'diff.png');
    await page.screenshot({ path: shot, fullPage: false });
    expectPng(shot);
    copyFileSync(shot, '/tmp/policy-parse-report-diff.png');
    await page.close();
  });
});
