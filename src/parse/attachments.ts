// Attachments (附件1, 附表2) printed after the body, and the list of them that a notice
// prints before its signature (附件：1.郊野公园建设项目表 / 2.…).
// Input: classified lines. Output: each attachment's marker line becomes a heading of style
// `attachment` titled by the rest of its line or by the next short line (which becomes
// `meta`); the lines of an attachment list become `meta`. Where a document prints no
// 附件1 / 附件 marker line, a 附件：TITLE line after the body starts the one attachment.
import type { LineNode } from '../tree.js';
import { readNumeral } from '../lexicon/numerals.js';

/** 附件, 附件1, 附件 2, 附表一, 附件1：TITLE — a marker that opens an attachment. */
const MARKER = /^(附件|附表)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:([：:])\s*)?(.*)$/;
/** Every marker starts with 附: other lines are not tried (a test holds MARKER to that). */
const MARKER_FIRST = '附';
const ATTACHED = MARKER_FIRST.charCodeAt(0);
/** The marker's pattern and the character its every match starts with, for that test. */
export const ATTACHMENT_MARKER_START = { pattern: MARKER, first: MARKER_FIRST } as const;
/** A line of the list after 附件：: 2.公园绿地重点建设计划表. */
const LIST_ITEM = /^\d{1,2}\s*[.．、]/;

export function markAttachments(lines: LineNode[]): void {
  const markers: Array<{ index: number; numeral: string | undefined; numbered: boolean; colon: boolean; rest: string }> = [];
  lines.forEach((line, index) => {
    // MARKER starts with MARKER_FIRST: other lines are not tried.
    if (line.role === 'blank' || line.value.length > 80 || line.value.charCodeAt(0) !== ATTACHED) return;
    const m = MARKER.exec(line.value);
    if (!m) return;
    const rest = (m[4] ?? '').trim();
    const colon = m[3] !== undefined;
    // 附件名称 / 附件下载 and other words that only begin with 附件 are no markers.
    if (!colon && m[2] === undefined && rest !== '') return;
    markers.push({ index, numeral: m[2], numbered: m[2] !== undefined, colon, rest });
  });
  if (markers.length === 0) return;
  const firstHeading = lines.findIndex((l) => l.role === 'heading');
  const opening = markers.filter((m) => !m.colon || m.numbered);
  for (const m of markers) {
    const line = lines[m.index] as LineNode;
    // 附件：1.A 2.B, or 附件：A when attachments are marked again later: a list of titles.
    const isList = m.colon && !m.numbered && (opening.some((o) => o.index > m.index) || LIST_ITEM.test(m.rest));
    if (isList) {
      line.role = 'meta';
      for (let j = m.index + 1; j < lines.length; j++) {
        const next = lines[j] as LineNode;
        if (next.role === 'blank') continue;
        if (!LIST_ITEM.test(next.value) || next.value.length > 60) break;
        next.role = 'meta';
      }
      continue;
    }
    // 附件：TITLE in the notice, before the body it attaches, names it; after the body it opens it.
    if (m.colon && !m.numbered && (firstHeading < 0 || m.index < firstHeading)) continue;
    openAttachment(lines, m.index, m.numeral, m.rest);
  }
}

function openAttachment(lines: LineNode[], index: number, numeral: string | undefined, rest: string): void {
  const line = lines[index] as LineNode;
  let title: string | null = rest || null;
  if (!title) {
    // The title is the next short line: 附件1 ↵ 青浦区建筑垃圾管理细则.
    for (let j = index + 1; j < lines.length; j++) {
      const next = lines[j] as LineNode;
      if (next.role === 'blank') continue;
      if (next.value.length <= 60 && !/[。；]/.test(next.value) && !MARKER.test(next.value) && next.role !== 'heading') {
        title = next.value;
        next.role = 'meta';
      }
      break;
    }
  }
  const marker = line.value.slice(0, line.value.length - rest.length).trim().replace(/[：:]$/, '');
  line.role = 'heading';
  line.heading = {
    style: 'attachment',
    kind: 'attachment',
    marker,
    number: numeral === undefined ? null : readNumeral(numeral),
    title,
    body: '',
    bodyStart: line.end,
  };
}
