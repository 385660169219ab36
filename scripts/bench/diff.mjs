// Diff speed: two generated 5,000-section versions of a plan (text from the laws corpus),
// and two seed-sized documents. Run through `npm run bench` after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CN = '零一二三四五六七八九';
/** 1–99 as Chinese numerals: 十, 十一, 二十, 二十一 … */
export function chineseNumber(n) {
  if (n < 10) return CN[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN[tens]}十${n % 10 ? CN[n % 10] : ''}`;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Article sentences from the laws corpus, as a supply of realistic text. */
export function corpusSentences(lawsDir, wanted) {
  const sentences = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (sentences.length >= wanted) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          const m = /^第[零一二三四五六七八九十百]+条\s*(.{20,})$/.exec(line.trim());
          if (m) sentences.push(m[1]);
        }
      }
    }
  };
  walk(lawsDir);
  return sentences.slice(0, wanted);
}

/** A plan of parts × sections × items as text, and an edited second version. */
export function planPair(sentences, { parts = 50, sectionsPerPart = 10, itemsPerSection = 9, seed = 1 } = {}) {
  const rand = random(seed);
  let next = 0;
  const take = () => sentences[next++ % sentences.length];
  const title = (s) => s.replace(/[，。；：、“”（）《》]/g, '').slice(0, 8 + (next % 7));
  const plan = [];
  for (let p = 0; p < parts; p++) {
    const part = { title: title(take()), sections: [] };
    for (let s = 0; s < sectionsPerPart; s++) {
      const section = { title: title(take()), text: take(), items: [] };
      for (let i = 0; i < itemsPerSection; i++) section.items.push({ title: title(take()), text: take() });
      part.sections.push(section);
    }
    plan.push(part);
  }
  const render = (doc) => {
    const lines = [];
    doc.forEach((part, p) => {
      lines.push(`${chineseNumber(p + 1)}、${part.title}`);
      part.sections.forEach((section, s) => {
        lines.push(`（${chineseNumber(s + 1)}）${section.title}。${section.text}`);
        section.items.forEach((item, i) => lines.push(`${i + 1}.${item.title}。${item.text}`));
      });
    });
    return `${lines.join('\n')}\n`;
  };
  // The second version: 2 parts inserted, ~5% of items removed, ~5% reworded, ~5% texts edited.
  const edited = structuredClone(plan);
  for (const part of edited) {
    for (const section of part.sections) {
      section.items = section.items.filter(() => rand() > 0.05);
      for (const item of section.items) {
        if (rand() < 0.05) item.title = `${item.title}和质量`;
        if (rand() < 0.05) item.text = `${item.text.slice(0, 10)}进一步${item.text.slice(10)}`;
      }
    }
  }
  for (const at of [3, 20]) edited.splice(at, 0, { title: title(take()), sections: [{ title: title(take()), text: take(), items: [] }] });
  return { old: render(plan), new: render(edited) };
}
