// An HTML report over parsed documents, for people who will not read JSON.
// Input: PolicyDocuments (in the order to show them). Output: ONE self-contained page —
// a document list, each document's outline as nested <details> (works without JS), and
// one targets table across all documents that a small inline script sorts by column.
// Deterministic: no dates, no random ids; ids derive from document order and section ids.
import { targetValue } from '../diff/format-diff.js';
import type { PolicyDocument, Section, Target, Task } from '../schema/policy-document.js';
import { escapeHtml as esc, htmlPage } from './html.js';
import { countSections, rootSections } from '../util/sections.js';

export interface ReportOptions {
  /** The page's <title> and heading. */
  title?: string;
}

const CSS = `
nav.docs td:first-child a { font-weight: 600; }
.doc { margin-top: 2.5rem; }
.doc-meta { color: var(--muted); margin: .25rem 0 .75rem; }
.outline details { margin: .15rem 0 .15rem 0; }
.outline details details { margin-left: 1.25rem; }
.outline summary { cursor: pointer; padding: .1rem .25rem; border-radius: .25rem; }
.outline summary:hover { background: var(--head); }
.outline .marker { font-weight: 600; margin-right: .15em; }
.outline .body { margin: .25rem 0 .5rem 1.25rem; padding-left: .75rem; border-left: 2px solid var(--line); }
.outline .text { white-space: pre-wrap; margin: .25rem 0; color: #333; font-size: .925rem; }
.outline ul { margin: .25rem 0; padding-left: 1.25rem; font-size: .925rem; }
.outline li.task::marker { content: "▸ "; }
.outline li.target::marker { content: "◎ "; }
.role { color: var(--muted); font-size: .85em; margin-left: .5em; }
.target-value { color: var(--moved-fg); font-weight: 600; }
.toolbar button, th button { font: inherit; }
.toolbar { margin: .5rem 0; }
#targets th button { all: unset; cursor: pointer; display: block; width: 100%; }
#targets th[aria-sort="ascending"] button::after { content: " ▲"; }
#targets th[aria-sort="descending"] button::after { content: " ▼"; }
`;

// Sorting for #targets: numeric columns (data-type="number") compare numbers, others use a
// natural Chinese-aware order; empty numbers go last either way. Also opens the <details>
// around a #fragment target, so links from the table into an outline land on open text.
const SCRIPT = `
(function () {
  var table = document.getElementById('targets');
  if (table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var collator = new Intl.Collator('zh-CN', { numeric: true });
    heads.forEach(function (th, col) {
      th.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        var sign = dir === 'ascending' ? 1 : -1;
        var numeric = th.getAttribute('data-type') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
          var cell = row.cells[col];
          var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
          return { row: row, i: i, key: numeric ? (raw === '' ? NaN : Number(raw)) : raw };
        });
        rows.sort(function (a, b) {
          if (numeric) {
            var an = isNaN(a.key), bn = isNaN(b.key);
            if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
            return (a.key - b.key) * sign || a.i - b.i;
          }
          return collator.compare(a.key, b.key) * sign || a.i - b.i;
        });
        rows.forEach(function (r) { body.appendChild(r.row); });
      });
    });
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var node = id && document.getElementById(id);
    for (; node; node = node.parentElement) if (node.tagName === 'DETAILS') node.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  document.querySelectorAll('[data-outline-toggle]').forEach(function (button) {
    button.addEventListener('click', function () {
      var open = button.getAttribute('data-outline-toggle') === 'open';
      var outline = document.getElementById(button.getAttribute('aria-controls'));
      outline.querySelectorAll('details').forEach(function (d) { d.open = open; });
    });
  });
})();
`;

function docTitle(doc: PolicyDocument): string {
  return doc.meta.title ?? doc.source.path;
}


/** The comparator as format-diff prints it (≥, ≈, ↑ …): the first word of targetValue. */
function comparatorSymbol(target: Target): string {
  return targetValue(target).split(' ')[0] ?? target.comparator;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function sectionAnchor(docIndex: number, sectionId: string): string {
  return `doc-${docIndex + 1}-s-${sectionId}`;
}

function taskItem(task: Task): string {
  const roles = (
    [
      ['lead', task.lead],
      ['support', task.support],
      ['responsible', task.responsible],
    ] as const
  )
    .filter(([, units]) => units.length)
    .map(([role, units]) => `<span class="role">${role}: ${esc(units.join('、'))}</span>`)
    .join('');
  return `<li class="task">${esc(task.title)}${roles}</li>`;
}

function targetItem(target: Target): string {
  return `<li class="target">${esc(target.indicator)} <span class="target-value">${esc(targetValue(target))}</span></li>`;
}

interface OutlineContext {
  docIndex: number;
  tasks: Map<string | null, Task[]>;
  targets: Map<string | null, Target[]>;
}

function sectionLabel(section: Section): string {
  if (section.marker === null && section.title === null) return `<span class="muted">(${esc(section.kind)} ${esc(section.id)})</span>`;
  return `${section.marker ? `<span class="marker">${esc(section.marker)}</span>` : ''}${esc(section.title ?? '')}`;
}

function outlineSection(section: Section, ctx: OutlineContext): string {
  const tasks = ctx.tasks.get(section.id) ?? [];
  const targets = ctx.targets.get(section.id) ?? [];
  const badges = [
    `<span class="badge kind">${esc(section.kind)}</span>`,
    tasks.length ? `<span class="badge">${tasks.length} task${tasks.length === 1 ? '' : 's'}</span>` : '',
    targets.length ? `<span class="badge">${targets.length} target${targets.length === 1 ? '' : 's'}</span>` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const body = [
    section.text ? `<p class="text">${esc(section.text)}</p>` : '',
    tasks.length ? `<ul class="tasks">${tasks.map(taskItem).join('')}</ul>` : '',
    targets.length ? `<ul class="targets">${targets.map(targetItem).join('')}</ul>` : '',
    ...section.children.map((child) => outlineSection(child, ctx)),
  ].filter(Boolean);
  return [
    `<details id="${esc(sectionAnchor(ctx.docIndex, section.id))}" data-section="${esc(section.id)}">`,
    `<summary>${sectionLabel(section)} ${badges} <span class="id">${esc(section.id)}</span></summary>`,
    `<div class="body">${body.join('\n')}</div>`,
    '</details>',
  ].join('\n');
}

/** Titles shared by several documents (versions of one law): told apart by their date. */
function sharedTitles(docs: readonly PolicyDocument[]): Set<string> {
  const seen = new Map<string, number>();
  for (const doc of docs) seen.set(docTitle(doc), (seen.get(docTitle(doc)) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([title]) => title));
}

function listedTitle(doc: PolicyDocument, shared: ReadonlySet<string>): string {
  const title = docTitle(doc);
  const date = doc.meta.issuedDate ?? doc.meta.publishedDate;
  return shared.has(title) && date ? `${title}（${date}）` : title;
}

function documentList(docs: readonly PolicyDocument[]): string {
  const shared = sharedTitles(docs);
  const rows = docs.map((doc, i) => {
    const date = doc.meta.issuedDate ?? doc.meta.publishedDate ?? '';
    const cells = [
      `<td><a href="#doc-${i + 1}">${esc(listedTitle(doc, shared))}</a></td>`,
      `<td>${esc(doc.meta.docNumber ?? '')}</td>`,
      `<td>${esc(doc.meta.issuer ?? '')}</td>`,
      `<td>${esc(date)}</td>`,
      `<td class="num">${countSections(rootSections(doc))}</td>`,
      `<td class="num">${doc.tasks.length}</td>`,
      `<td class="num">${doc.targets.length}</td>`,
      `<td class="num">${doc.messages.length}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    '<nav class="docs" aria-label="Documents">',
    '<table id="documents">',
    '<thead><tr><th>title</th><th>docNumber</th><th>issuer</th><th>date</th><th class="num">sections</th><th class="num">tasks</th><th class="num">targets</th><th class="num">messages</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '</nav>',
  ].join('\n');
}

/** How many rows the lead-departments table shows. */
const LEAD_ROWS = 20;

/**
 * The departments leading the most tasks across the documents, by canonical name (市发改委 and
 * 上海市发展和改革委员会 count as one), with the names they were printed as.
 */
function leadDepartments(docs: readonly PolicyDocument[]): string {
  const rows = new Map<string, { tasks: number; documents: Set<number>; printed: Set<string> }>();
  docs.forEach((doc, i) => {
    const canonical = new Map(doc.departments.map((d) => [d.name, d.canonical]));
    for (const task of doc.tasks) {
      for (const name of task.lead) {
        const key = canonical.get(name) ?? name;
        const row = rows.get(key) ?? { tasks: 0, documents: new Set<number>(), printed: new Set<string>() };
        row.tasks++;
        row.documents.add(i);
        row.printed.add(name);
        rows.set(key, row);
      }
    }
  });
  if (!rows.size) return '<p class="muted">No task names a lead department.</p>';
  const top = [...rows].sort((a, b) => b[1].tasks - a[1].tasks || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, LEAD_ROWS);
  const body = top.map(
    ([name, row]) =>
      `<tr><td>${esc(name)}</td><td class="num">${row.tasks}</td><td class="num">${row.documents.size}</td><td>${esc([...row.printed].filter((p) => p !== name).join('、'))}</td></tr>`,
  );
  const more = rows.size > LEAD_ROWS ? `<p class="muted">${LEAD_ROWS} of ${rows.size} lead departments.</p>` : '';
  return [
    '<table id="lead-departments">',
    '<thead><tr><th>department</th><th class="num">tasks led</th><th class="num">documents</th><th>also printed as</th></tr></thead>',
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
    more,
  ].join('\n');
}

// The document's lifecycle (通过, 修正, 施行 …) and how long it is in force.
function historyList(doc: PolicyDocument): string {
  const { history, validity } = doc.meta;
  const items = history.map((h) => `<li><span class="id">${esc(h.date)}</span> ${esc(h.event)}${h.by ? ` · ${esc(h.by)}` : ''}</li>`);
  if (validity) items.push(`<li>in force ${esc(validity.from ?? '…')} – ${esc(validity.until ?? '…')}</li>`);
  return items.length ? `<ul class="history muted">${items.join('')}</ul>` : '';
}

function documentOutline(doc: PolicyDocument, docIndex: number): string {
  const ctx: OutlineContext = {
    docIndex,
    tasks: groupBy(doc.tasks, (t) => t.sectionId),
    targets: groupBy(doc.targets, (t) => t.sectionId),
  };
  const meta = [doc.meta.docNumber, doc.meta.issuer, doc.meta.issuedDate ?? doc.meta.publishedDate, doc.source.path]
    .filter((v): v is string => Boolean(v))
    .map(esc)
    .join(' · ');
  // Tasks and targets whose section is gone (or null) still show, under the outline.
  const known = new Set<string>();
  const collect = (sections: readonly Section[]) => sections.forEach((s) => (known.add(s.id), collect(s.children)));
  collect(rootSections(doc));
  const loose = [
    ...doc.tasks.filter((t) => !known.has(t.sectionId)).map(taskItem),
    ...doc.targets.filter((t) => t.sectionId === null || !known.has(t.sectionId)).map(targetItem),
  ];
  const outlineId = `doc-${docIndex + 1}-outline`;
  return [
    `<section class="doc" id="doc-${docIndex + 1}">`,
    `<h2>${esc(docTitle(doc))}</h2>`,
    `<p class="doc-meta">${meta}</p>`,
    historyList(doc),
    doc.preamble ? `<p class="text muted">${esc(doc.preamble)}</p>` : '',
    rootSections(doc).length
      ? `<div class="toolbar"><button type="button" data-outline-toggle="open" aria-controls="${outlineId}">expand all</button> <button type="button" data-outline-toggle="close" aria-controls="${outlineId}">collapse all</button></div>`
      : '<p class="muted">No sections.</p>',
    `<div class="outline" id="${outlineId}">`,
    ...rootSections(doc).map((s) => outlineSection(s, ctx)),
    loose.length ? `<h3>Outside any section</h3><ul>${loose.join('')}</ul>` : '',
    '</div>',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

const TARGET_COLUMNS = [
  { key: 'document', label: 'document', numeric: false },
  { key: 'section', label: 'section id', numeric: false },
  { key: 'indicator', label: 'indicator', numeric: false },
  { key: 'comparator', label: 'comparator', numeric: false },
  { key: 'value', label: 'value', numeric: true },
  { key: 'unit', label: 'unit', numeric: false },
  { key: 'year', label: 'year', numeric: true },
] as const;

function targetsTable(docs: readonly PolicyDocument[]): string {
  const head = TARGET_COLUMNS.map(
    (c) => `<th data-key="${c.key}"${c.numeric ? ' data-type="number" class="num"' : ''}><button type="button">${c.label}</button></th>`,
  ).join('');
  const rows = docs.flatMap((doc, d) =>
    doc.targets.map((t) => {
      const section = t.sectionId === null ? '' : `<a href="#${esc(sectionAnchor(d, t.sectionId))}">${esc(t.sectionId)}</a>`;
      const cells = [
        `<td><a href="#doc-${d + 1}">${esc(docTitle(doc))}</a></td>`,
        `<td>${section}</td>`,
        `<td title="${esc(t.text)}">${esc(t.indicator)}</td>`,
        `<td data-sort="${esc(t.comparator)}" title="${esc(t.comparator)}">${esc(comparatorSymbol(t))}</td>`,
        `<td class="num" data-sort="${t.value}">${t.value}</td>`,
        `<td>${esc(t.unit ?? '')}</td>`,
        `<td class="num" data-sort="${t.year ?? ''}">${t.year ?? ''}</td>`,
      ];
      return `<tr data-target="${esc(t.id)}">${cells.join('')}</tr>`;
    }),
  );
  return [
    '<table id="targets" class="sortable">',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

/** One self-contained HTML page over `docs`; same input → same bytes. */
export function renderReport(docs: PolicyDocument[], options: ReportOptions = {}): string {
  const title = options.title ?? 'policy-parse report';
  const targetCount = docs.reduce((n, d) => n + d.targets.length, 0);
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="muted">${docs.length} document${docs.length === 1 ? '' : 's'} · ${targetCount} target${targetCount === 1 ? '' : 's'}</p>`,
    '<h2 id="documents-heading">Documents</h2>',
    documentList(docs),
    '<h2 id="departments-heading">Lead departments</h2>',
    leadDepartments(docs),
    '<h2 id="targets-heading">Targets</h2>',
    targetCount
      ? '<p class="muted">Click a column heading to sort; click again to reverse.</p>'
      : '<p class="muted">No targets.</p>',
    targetsTable(docs),
    '<h2 id="outlines-heading">Outlines</h2>',
    ...docs.map(documentOutline),
  ].join('\n');
  return htmlPage({ title, css: CSS, body, script: SCRIPT });
}
