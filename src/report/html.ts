// What both HTML reports share: escaping, the page shell and the base stylesheet.
// Input: already-escaped body markup. Output: one self-contained page — inline CSS and
// script only, no URL that leaves the file, and no dates or random ids, so the same input
// always gives the same bytes.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

// System fonts only: a web font would be a network request. The CJK names cover
// Windows, macOS and Linux (Noto/WenQuanYi) readers.
const BASE_CSS = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --added: #dafbe1; --added-fg: #116329; --removed: #ffebe9; --removed-fg: #a40e26;
  --changed: #fff8c5; --changed-fg: #7d4e00; --moved: #ddf4ff; --moved-fg: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 80rem; padding: 1.5rem; color: var(--fg); line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .925rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted, .id { color: var(--muted); }
.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
.badge { display: inline-block; border: 1px solid var(--line); border-radius: 1em; padding: 0 .5em;
  font-size: .75rem; color: var(--muted); background: #fff; vertical-align: .1em; }
`;

export interface PageParts {
  title: string;
  css?: string;
  body: string;
  script?: string;
}

/** Every page policy-parse writes carries this in its head: how a file is known to be ours. */
export const GENERATOR_META = '<meta name="generator" content="policy-parse">';

export function htmlPage(parts: PageParts): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    GENERATOR_META,
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${BASE_CSS}${parts.css ?? ''}</style>`,
    '</head>',
    '<body>',
    parts.body,
    parts.script ? `<script>${parts.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}
