// diff(): version pairs made by editing copies of the seeds, one folder per behaviour:
// fixtures/diff/<case>/old.txt + new.txt → diff.md (the Markdown report, reviewed like any
// golden; regenerate with `npx vitest run -u`). Each case also states, below, the facts
// the report must show, so a golden regenerated from a wrong diff still fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { longestIncreasing } from '../src/diff/diff-sections.js';
import { textDiff } from '../src/diff/text-diff.js';
import { type PlanDiff, PlanDiff as PlanDiffSchema, diff, formatDiffMarkdown, formatDiffTerminal, hasDifferences, parse } from '../src/index.js';
import { at, listDir } from './helpers.js';

function load(name: string): { result: PlanDiff; old: ReturnType<typeof parse>; new: ReturnType<typeof parse> } {
  const side = (which: string) => {
    const path = `fixtures/diff/${name}/${which}.txt`;
    return parse(readFileSync(at(path)), { path });
  };
  const [a, b] = [side('old'), side('new')];
  return { result: diff(a, b), old: a, new: b };
}

const changes = <T extends { change: string }>(entries: readonly T[], change: string): T[] => entries.filter((e) => e.change === change);

/** What each fixture must show, beyond matching its golden. */
const facts: Record<string, (r: PlanDiff) => void> = {
  'law-versions-by-history': (r) => {
    // Both sides print their history: they share the adoption and the first amendment, and
    // the new side is the later version, adding the 2018 revision.
    expect(r.history?.relation).toBe('later');
    expect(r.history?.shared.map((h) => `${h.date} ${h.event}`)).toEqual(['2008-09-26 adopted', '2014-11-28 amended', '2009-01-01 effective']);
    expect(r.history?.added).toEqual([{ date: '2018-07-27', event: 'revised', by: '某省第十三届人民代表大会常务委员会第四次会议' }]);
    expect(r.history?.removed).toEqual([]);
    expect([r.old.issuedDate, r.new.issuedDate]).toEqual(['2014-11-28', '2018-07-27']);
  },
  'renumber-inserted-part': (r) => {
    // The new 二、 and its two items are added; 二、…十、 renumbered to 三、…十一、 stay unchanged.
    expect(changes(r.sections, 'added').map((s) => s.new?.title)).toEqual(['加快数字质量基础设施建设', '推进检验检测数字化转型', '发展智慧计量']);
    expect(r.summary.sections).toMatchObject({ removed: 0, changed: 0, moved: 0 });
    const renumbered = r.sections.filter((s) => s.old?.kind === 'part' && s.old.marker !== s.new?.marker);
    expect(renumbered.map((s) => `${s.old?.marker}→${s.new?.marker}`)).toEqual([
      '二、→三、', '三、→四、', '四、→五、', '五、→六、', '六、→七、', '七、→八、', '八、→九、', '九、→十、', '十、→十一、',
    ]);
    expect(renumbered.every((s) => s.change === 'unchanged')).toBe(true);
    expect(changes(r.targets, 'added').map((g) => g.new?.indicator)).toEqual(['数字化检验检测示范机构']);
  },
  'removed-item-siblings-renumbered': (r) => {
    expect(changes(r.sections, 'removed').map((s) => s.old?.title)).toEqual(['加强消费质量保障']);
    expect(r.summary.sections).toMatchObject({ added: 0, changed: 0, moved: 0 });
    const moved = r.sections.find((s) => s.old?.title === '厚植绿色发展质量根基');
    expect(moved).toMatchObject({ change: 'unchanged', old: { marker: '（四）' }, new: { marker: '（三）' } });
    expect(changes(r.tasks, 'removed').map((t) => t.old?.title)).toEqual(['加强消费质量保障']);
  },
  'reworded-title': (r) => {
    expect(r.summary.sections).toMatchObject({ added: 0, removed: 0, changed: 1, moved: 0 });
    const [changed] = changes(r.sections, 'changed');
    expect(changed?.old?.title).toBe('厚植绿色发展质量根基');
    expect(changed?.new?.title).toBe('厚植绿色低碳发展质量根基');
    expect(changed?.textDiff.filter((e) => e.op !== 'equal')).toEqual([{ op: 'insert', text: '低碳' }]);
    expect(changes(r.tasks, 'changed').map((t) => t.new?.title)).toEqual(['厚植绿色低碳发展质量根基']);
  },
  'changed-target-value': (r) => {
    const [target] = changes(r.targets, 'changed');
    expect(r.summary.targets.changed).toBe(1);
    expect(target).toMatchObject({ fields: ['value'], old: { indicator: '制造业产品质量合格率', value: 96, unit: '%' }, new: { value: 97, unit: '%', year: 2025 } });
    expect(r.summary.sections).toMatchObject({ added: 0, removed: 0, changed: 1 });
  },
  'changed-lead-department': (r) => {
    const [task] = changes(r.tasks, 'changed');
    expect(r.summary.tasks.changed).toBe(1);
    expect(task?.new?.title).toBe('开展出口商品质量提升专项行动');
    expect(task?.units).toEqual({
      lead: { added: ['质量司'], removed: ['检验司'] },
      support: { added: ['检验司'], removed: [] },
      responsible: { added: [], removed: [] },
    });
  },
  'added-task': (r) => {
    expect(changes(r.tasks, 'added').map((t) => [t.new?.title, t.new?.lead])).toEqual([['开展电子商务产品质量提升专项行动', ['执法司']]]);
    expect(r.summary.tasks).toMatchObject({ removed: 0, changed: 0, moved: 0 });
    expect(r.summary.sections).toMatchObject({ added: 1, removed: 0, changed: 0, moved: 0 });
  },
  identical: (r) => {
    expect(hasDifferences(r)).toBe(false);
    for (const list of [r.sections, r.tasks, r.targets]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((e) => e.change === 'unchanged')).toBe(true);
    }
  },
  'traditional-vs-simplified': (r) => {
    // Traditional with Taiwan phrasing against the Simplified text with one target raised.
    expect(r.summary.sections).toMatchObject({ added: 0, removed: 0, changed: 1, moved: 0 });
    expect(r.summary.tasks).toMatchObject({ added: 0, removed: 0, changed: 0, moved: 0 });
    expect(changes(r.targets, 'changed')).toMatchObject([{ fields: ['value'], old: { value: 92 }, new: { value: 96 } }]);
  },
  'swapped-items': (r) => {
    // Two items swapped (and renumbered): one keeps its place, the other moved.
    expect(r.summary.sections).toMatchObject({ added: 0, removed: 0, changed: 0, moved: 1 });
    expect(changes(r.sections, 'moved')[0]).toMatchObject({ old: { marker: '（二）' }, new: { marker: '（一）' }, moved: true });
  },
};

describe.each(listDir('fixtures/diff'))('fixtures/diff/%s', (name) => {
  const { result } = load(name);

  it('matches diff.md', async () => {
    await expect(formatDiffMarkdown(result)).toMatchFileSnapshot(at(`fixtures/diff/${name}/diff.md`));
  });

  it('validates against the PlanDiff schema', () => {
    expect(PlanDiffSchema.safeParse(result).success).toBe(true);
  });

  it('shows the edit it was made with', () => {
    const check = facts[name];
    expect(check, `add the facts of fixtures/diff/${name} to tests/diff.test.ts`).toBeDefined();
    check?.(result);
  });

  it('accounts for every section, task and target of both sides once', () => {
    const { old: a, new: b } = load(name);
    const count = (sections: typeof a.sections): number => sections.reduce((n, s) => n + 1 + count(s.children), 0);
    for (const [entries, olds, news] of [
      [result.sections, count(a.sections), count(b.sections)],
      [result.tasks, a.tasks.length, b.tasks.length],
      [result.targets, a.targets.length, b.targets.length],
    ] as const) {
      expect(entries.filter((e) => e.old).length).toBe(olds);
      expect(entries.filter((e) => e.new).length).toBe(news);
    }
  });
});

describe('diff()', () => {
  it('is deterministic', () => {
    const { old: a, new: b } = load('renumber-inserted-part');
    expect(JSON.stringify(diff(a, b))).toBe(JSON.stringify(diff(a, b)));
  });

  it('says so when the sides of two law versions are swapped, and pairs no history for a plan', () => {
    const { old: a, new: b } = load('law-versions-by-history');
    const swapped = diff(b, a);
    expect(swapped.history?.relation).toBe('earlier');
    expect(formatDiffTerminal(swapped)).toContain('EARLIER version');
    expect(load('changed-target-value').result.history).toBeNull();
    const other = parse('# 另一条例\n\n2010年1月1日 某市人民代表大会常务委员会通过\n\n第一条　为了规范管理，制定本条例。\n', { path: 'other.md' });
    expect(diff(a, other).history?.relation).toBe('unrelated');
  });

  it('gives the mirror image when the sides are swapped', () => {
    const { old: a, new: b } = load('removed-item-siblings-renumbered');
    const back = diff(b, a);
    expect(back.summary.sections).toMatchObject({ added: 1, removed: 0, changed: 0, moved: 0 });
    expect(changes(back.sections, 'added').map((s) => s.new?.title)).toEqual(['加强消费质量保障']);
  });

  it('pairs the tasks a province shares with a Traditional-script city plan (seed 000 vs 001)', () => {
    const side = (path: string) => parse(readFileSync(at(path)), { path });
    const beijing = side('seeds/000_1cb452063da1e329.txt');
    const gansu = side('seeds/001_d38150bb2ab3c360.txt');
    const result = diff(beijing, gansu);
    const shared = gansu.tasks.map((t) => t.title).filter((title) => beijing.tasks.some((t) => t.title === title));
    expect(shared).toEqual(expect.arrayContaining(['强化消费维权保护', '优化网购消费环境', '加大知识产权保护力度']));
    for (const title of shared) {
      expect(result.tasks.find((t) => t.new?.title === title)?.old?.title, title).toBe(title);
    }
  });
});

describe('target pairing', () => {
  const plan = (goal: string) => parse(`一、总体要求\n（一）发展目标\n到2025年，${goal}。\n二、主要任务\n（一）加强质量监管。开展监督抽查。\n`);

  it('pairs a reworded indicator and names the fields that changed', () => {
    const result = diff(plan('消费品质量监督抽查合格率达到92%以上'), plan('消费品质量抽查合格率达到96%以上'));
    expect(result.targets).toMatchObject([
      { change: 'changed', fields: ['indicator', 'value'], old: { indicator: '消费品质量监督抽查合格率', value: 92 }, new: { indicator: '消费品质量抽查合格率', value: 96 } },
    ]);
  });

  it('does not pair different indicators', () => {
    const result = diff(plan('消费品质量监督抽查合格率达到92%以上'), plan('新建绿色工厂数量达到50家以上'));
    expect(result.targets.map((t) => t.change)).toEqual(['removed', 'added']);
  });
});

describe('textDiff()', () => {
  it('diffs by words, so a number changes whole', () => {
    const edits = textDiff('合格率达到92%以上。', '合格率达到96%以上。');
    expect(edits.filter((e) => e.op !== 'equal')).toEqual([
      { op: 'delete', text: '92' },
      { op: 'insert', text: '96' },
    ]);
  });

  it('cuts long unchanged runs to their ends', () => {
    const long = '统筹推进质量强国建设'.repeat(6);
    const edits = textDiff(`${long}加快发展。${long}`, `${long}全面发展。${long}`);
    expect(edits[0]).toEqual({ op: 'equal', text: `…${[...long].slice(-12).join('')}` });
    expect(edits.at(-1)).toEqual({ op: 'equal', text: `${[...`发展。${long}`].slice(0, 12).join('')}…` });
  });

  it('is empty for equal texts', () => {
    expect(textDiff('一样', '一样')).toEqual([]);
  });
});

describe('longestIncreasing()', () => {
  it.each([
    [[], []],
    [[0, 1, 2], [0, 1, 2]],
    [[1, 0, 2, 3], [1, 2, 3]],
    [[3, 0, 1, 2], [1, 2, 3]],
  ])('%j → indices %j', (values, expected) => {
    expect(longestIncreasing(values)).toEqual(expected);
  });
});

describe('formatDiffTerminal()', () => {
  const { result } = load('changed-lead-department');

  it('lists changes with unit edits, and no colour unless asked', () => {
    const text = formatDiffTerminal(result);
    expect(text).toContain('~ 开展出口商品质量提升专项行动  lead −检验司 +质量司 · support +检验司');
    expect(text).not.toContain('\u001b[');
  });

  it('colours when asked', () => {
    expect(formatDiffTerminal(result, { color: true })).toContain('\u001b[33m~ 开展出口商品质量提升专项行动');
  });

  it('lists unchanged entries only with all', () => {
    expect(formatDiffTerminal(result)).not.toContain('  开展消费品质量提升专项行动');
    expect(formatDiffTerminal(result, { all: true })).toContain('  开展消费品质量提升专项行动');
  });
});
