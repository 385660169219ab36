// Document metadata: title, docNumber, issuer, dates, docType, period, addressees.
// Input: classified lines with furniture marked. Output: `tree.data.meta`; lines consumed
// as metadata (infobox rows, the doc-number line, addressees, signature and date, split
// title repeats) get role `meta` so they stay out of the preamble and section text.
// Sources, most specific first: labelled rows (中文名: / 发文字号: / 发布日期:), the header
// lines before the body, the signature block (issuer line + 2017年7月7日), the title.
import type { Meta } from '../schema/policy-document.js';
import type { LineNode, PolicyRoot } from '../tree.js';
import { docTypeOf } from '../lexicon/doc-types.js';
import { findPlanPeriods } from '../lexicon/deadlines.js';
import { readNumeral } from '../lexicon/numerals.js';
import { ISSUING_ORGAN_SUFFIX as ORG_SUFFIX } from '../lexicon/organs.js';
import { startsBody } from './furniture.js';

export { DOC_TYPES, docTypeOf } from '../lexicon/doc-types.js';

// An issuer or an addressee is an organ: its name ends as organs' do (lexicon/organs.ts).
const DOC_NUMBER = /([\u4e00-\u9fff]{1,16})\s*[〔[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(\d{1,5})\s*号/;
const DATE_CN = /^([\d〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/;
const DATE_ANY = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

/** 京政办发[2016]60号 → 京政办发〔2016〕60号. */
export function canonicalDocNumber(text: string): string | null {
  const m = DOC_NUMBER.exec(text);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : null;
}

export { DOC_NUMBER };

const LABELS: ReadonlyArray<readonly [keyof Meta, RegExp]> = [
  ['title', /^(?:中文名|标题|名称|文件名称|文件标题|文章标题)\s*[：:]\s*(.+)$/],
  ['issuer', /^(?:发文机构|发文机关|发文单位|发布机构|发布单位|制发机关|发布机关|颁布机关|颁布单位)\s*[：:]\s*(.+)$/],
  ['docNumber', /^(?:发文字号|文号|发文号|文件编号)\s*[：:]\s*(.+)$/],
  ['issuedDate', /^(?:成文日期|签发日期|成文时间)\s*[：:]\s*(.+)$/],
  ['publishedDate', /^(?:发布日期|发布时间|公布日期|发文日期|印发日期|公开日期)\s*[：:]\s*(.+)$/],
];
const INLINE_DATE_LABEL = /(发布日期|发布时间|公布日期|成文日期)\s*[：:]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;

function isoDate(text: string): string | null {
  const m = DATE_ANY.exec(text) ?? DATE_CN.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [m[1], m[2], m[3]].map((part) => readNumeral(part ?? ''));
  if (!y || !mo || !d || mo > 12 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function stripBullet(value: string): string {
  return value.replace(/^[-•·*]\s*/, '');
}

export function extractMeta(lines: readonly LineNode[]): Meta {
  const meta: Meta = {
    title: null,
    docNumber: null,
    issuer: null,
    issuedDate: null,
    publishedDate: null,
    docType: null,
    period: null,
    addressees: [],
  };
  const set = <K extends keyof Meta>(key: K, value: Meta[K] | null) => {
    if (meta[key] === null && value !== null) meta[key] = value;
  };

  // 1. Labelled rows (infoboxes, page metadata), anywhere; dates also inside furniture.
  for (const line of lines) {
    if (line.role === 'blank' || line.value.length > 200) continue;
    const row = stripBullet(line.value);
    for (const [key, re] of LABELS) {
      const m = re.exec(row);
      if (!m?.[1]) continue;
      const value = m[1].trim();
      if (key === 'title') set('title', value);
      else if (key === 'issuer') set('issuer', value);
      else if (key === 'docNumber') set('docNumber', canonicalDocNumber(value));
      else if (key === 'issuedDate') set('issuedDate', isoDate(value));
      else if (key === 'publishedDate') set('publishedDate', isoDate(value));
      if (line.role === 'paragraph') line.role = 'meta';
    }
    const inline = INLINE_DATE_LABEL.exec(line.value);
    if (inline?.[2]) set(inline[1] === '成文日期' ? 'issuedDate' : 'publishedDate', isoDate(inline[2]));
  }

  // 2. The header: lines before the body starts.
  const bodyStart = lines.findIndex(startsBody);
  const header = lines.slice(0, bodyStart < 0 ? lines.length : bodyStart).filter((l) => l.role === 'paragraph');
  if (meta.title === null) {
    const titleLine = header.find(isTitleLine);
    if (titleLine) {
      meta.title = titleLine.value;
      titleLine.role = 'meta';
    }
  }
  const title = meta.title;
  if (title) {
    // A title repeated, or split over several lines, in the header.
    for (const line of header) {
      if (line.role === 'paragraph' && line.value.length >= 4 && title.replace(/\s/g, '').includes(line.value.replace(/\s/g, ''))) {
        line.role = 'meta';
      }
    }
  }

  // 3. A line that is only a document number, before the first heading.
  const firstHeading = lines.findIndex((l) => l.role === 'heading');
  const beforeHeadings = lines.slice(0, firstHeading < 0 ? lines.length : firstHeading);
  for (const line of beforeHeadings) {
    if (line.role !== 'paragraph') continue;
    const m = DOC_NUMBER.exec(line.value);
    if (m && m.index === 0 && m[0].length >= line.value.length - 1) {
      set('docNumber', canonicalDocNumber(line.value));
      line.role = 'meta';
    }
  }

  // 4. Addressees (主送机关): 各市、自治州人民政府，兰州新区管委会，省政府各部门：
  for (const line of beforeHeadings) {
    if (line.role !== 'paragraph') continue;
    const units = addresseesOf(line.value);
    if (units) {
      meta.addressees = units;
      line.role = 'meta';
      break;
    }
  }

  // 5. Signature block: an issuer line followed by a date line (2017年7月7日).
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.role !== 'paragraph' || !DATE_CN.test(line.value)) continue;
    let j = i - 1;
    while (j >= 0 && lines[j]?.role === 'blank') j--;
    const signer = lines[j];
    if (signer?.role === 'paragraph' && signer.value.length <= 40 && ORG_SUFFIX.test(signer.value) && !/[，。；]/.test(signer.value)) {
      set('issuer', signer.value);
      signer.role = 'meta';
    }
    set('issuedDate', isoDate(line.value));
    line.role = 'meta';
    break;
  }
  for (const line of lines) {
    if (line.role === 'paragraph' && /^[（(]此件(公开发布|不公开|主动公开|依申请公开)[）)]$/.test(line.value)) line.role = 'meta';
  }

  // 6. What the title tells: issuer (X关于…), docType, period.
  if (title) {
    const about = title.indexOf('关于');
    const prefix = about > 0 ? title.slice(0, about).replace(/[、，]$/, '') : '';
    if (prefix && ORG_SUFFIX.test(prefix)) set('issuer', prefix);
    meta.docType = docTypeOf(title);
    meta.period = periodOf(title);
  }
  return meta;
}

function isTitleLine(line: LineNode): boolean {
  const v = line.value;
  return v.length >= 6 && v.length <= 120 && !/[。；]/.test(v) && (docTypeOf(v) !== null || v.includes('关于'));
}

function periodOf(title: string): Meta['period'] {
  const range = /(\d{4})\s*[—–\-－~～至到]\s*(\d{4})\s*年?/.exec(title);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  const single = /[（(](\d{4})年?[）)]|(\d{4})年度/.exec(title);
  const year = single?.[1] ?? single?.[2];
  if (year) return { from: Number(year), to: Number(year) };
  // A five-year plan named by its period: 崇明区水务“十四五”规划 → 2021–2025.
  const plan = findPlanPeriods(title).at(-1);
  return plan ? { from: plan.from, to: plan.to } : null;
}

// 认监委、标准委 are two units; 各市、自治州人民政府 is one (各市 alone names no body).
function splitListedUnits(text: string): string[] {
  const parts = text.split('、').map((u) => u.trim());
  return parts.length > 1 && parts.every((u) => ORG_SUFFIX.test(u)) ? parts : [text.trim()];
}

function addresseesOf(value: string): string[] | null {
  if (!/[：:]$/.test(value) || /[。；]/.test(value.slice(0, -1)) || value.length > 300) return null;
  const units = value
    .slice(0, -1)
    .split(/[，,]/)
    .flatMap(splitListedUnits)
    .filter(Boolean);
  const orgLike = units.filter((u) => ORG_SUFFIX.test(u) || /^各|^有关|单位$|部门$|机构$/.test(u));
  return units.length > 0 && orgLike.length * 2 >= units.length ? units : null;
}

export function policyMeta() {
  return (tree: PolicyRoot): void => {
    tree.data.meta = extractMeta(tree.children);
  };
}
