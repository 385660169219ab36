import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { SPACE_UNITS, clausesHolding, extractTargets as extractAll, setsNoLimit, type Comparator, type TargetMatch } from '../src/targets/extract.js';
import { mayHoldQuantity, scanQuantities } from '../src/targets/quantities.js';
import { at, listDir } from './helpers.js';

const extractTargets = (paragraph: string): TargetMatch[] => extractAll(paragraph).targets;

type Expected = Pick<TargetMatch, 'indicator' | 'comparator' | 'value' | 'unit' | 'year' | 'aspirational'> & {
  text?: string;
  valueHigh?: number;
};

const t = (
  indicator: string,
  comparator: Comparator,
  value: number,
  unit: string | null,
  year: number | null = null,
  aspirational = false,
  text?: string,
): Expected => ({ indicator, comparator, value, unit, year, aspirational, ...(text === undefined ? {} : { text }) });

interface Case {
  name: string;
  paragraph: string;
  targets: Expected[];
}

const CASES: Case[] = [
  // ── seed paragraphs ──
  {
    name: 'consumer goods plan goals (seed 000)',
    paragraph:
      '到2020年，健全与国际接轨的消费品目录和标准体系，重点领域的主要消费品标准与国际标准一致性程度达到95%以上；率先建成国际标准比对机制和质量风险监测、评估、预警机制，消费品质量监督抽查合格率超过92%，重点食品安全监测抽检合格率超过98%，无公害农产品、绿色食品、有机农产品和农产品地理标志（以下简称“三品一标”）覆盖率提升到60%以上；绿色产品标准、认证、标识等体系初步建立；知名品牌培育成效明显，驰名商标拥有量达到250件以上，著名商标拥有量力争达到1000件以上。',
    targets: [
      t('重点领域的主要消费品标准与国际标准一致性程度', 'gte', 95, '%', 2020, false, '重点领域的主要消费品标准与国际标准一致性程度达到95%以上'),
      t('消费品质量监督抽查合格率', 'gt', 92, '%', 2020),
      t('重点食品安全监测抽检合格率', 'gt', 98, '%', 2020),
      t('无公害农产品、绿色食品、有机农产品和农产品地理标志覆盖率', 'gte', 60, '%', 2020),
      t('驰名商标拥有量', 'gte', 250, '件', 2020),
      t('著名商标拥有量', 'gte', 1000, '件', 2020, true, '著名商标拥有量力争达到1000件以上'),
    ],
  },
  {
    name: 'Gansu goals: quoted names, a 、 list of counts, 规模以上 inside a name (seed 001)',
    paragraph:
      '到2020年，消费品标准体系基本完善，基本实现主要消费品生产企业标准自我声明公开全覆盖，在消费品领域新培育“甘肃名牌产品”70个、“地理标志产品”5个、“国家级和省级知名品牌示范区”5个，认定“驰名商标”20个，消费品省级监督抽查合格率稳定在90%以上，规模以上消费品工业增加值占全省工业增加值的比重达到20%左右。',
    targets: [
      t('甘肃名牌产品', 'eq', 70, '个', 2020),
      t('地理标志产品', 'eq', 5, '个', 2020),
      t('国家级和省级知名品牌示范区', 'eq', 5, '个', 2020),
      t('驰名商标', 'eq', 20, '个', 2020, false, '认定“驰名商标”20个'),
      t('消费品省级监督抽查合格率', 'gte', 90, '%', 2020),
      t('规模以上消费品工业增加值占全省工业增加值的比重', 'approx', 20, '%', 2020),
    ],
  },
  {
    name: 'Beijing quality goals: bare index value and 均 shared by two indicators (seed 002)',
    paragraph:
      '到2025年，高精尖产业实现质量、能量、体量“三量提升”，制造业质量竞争力指数达到95，建成一批质量卓越产业集群。质量供给和需求更加适配，农产品质量安全例行监测合格率和食品安全抽检合格率均高于98%，药品监督抽检合格率高于99%，制造业产品质量合格率高于96%，工程质量抽查符合率不断提高，服务质量满意度明显提升。',
    targets: [
      t('制造业质量竞争力指数', 'gte', 95, null, 2025),
      t('农产品质量安全例行监测合格率', 'gt', 98, '%', 2025),
      t('食品安全抽检合格率', 'gt', 98, '%', 2025),
      t('药品监督抽检合格率', 'gt', 99, '%', 2025),
      t('制造业产品质量合格率', 'gt', 96, '%', 2025),
    ],
  },
  {
    name: 'annual action plan: 力争, 10类 qualifier, 50强, a bare count continuing the list (seed 003)',
    paragraph:
      '通过为期一年的集中行动，使消费品、进出口商品、服务业、地理标志产品等重点领域产品、服务质量得到显著提升。力争10类重点消费品产品质量国家监督抽查合格率达到90%以上；遴选一批服务质量标杆单位，组织一批服务质量升级试点；全年新增保护地理标志产品120个，新核准专用标志使用企业600家，地理标志产品品牌价值50强，国家地理标志保护示范区5家。',
    targets: [
      t('10类重点消费品产品质量国家监督抽查合格率', 'gte', 90, '%', null, true),
      t('地理标志产品', 'eq', 120, '个'),
      t('专用标志使用企业', 'eq', 600, '家'),
      t('国家地理标志保护示范区', 'eq', 5, '家'),
    ],
  },
  {
    name: '新增 with the deadline in the same clause',
    paragraph: '加快医疗器械技术创新，重点支持医用机器人、高端植入耗材等特色医疗器械发展，到2025年新增创新医疗器械品种30个。',
    targets: [t('创新医疗器械品种', 'eq', 30, '个', 2025, false, '到2025年新增创新医疗器械品种30个')],
  },
  {
    name: '实现…比例达到 strips the leading verb',
    paragraph: '推进装配式建筑发展，完善设计选型标准，推行部品部件驻厂监造，到2025年实现装配式建筑占新建建筑面积的比例达到55%。',
    targets: [t('装配式建筑占新建建筑面积的比例', 'gte', 55, '%', 2025)],
  },
  {
    name: 'count before its noun, with a trailing parenthetical',
    paragraph: '面向产业开展全溯源链计量测试服务，到2025年，布局建设5家计量测试领域国家级中心（基地、实验室、专业站等）。',
    targets: [t('计量测试领域国家级中心', 'eq', 5, '家', 2025, false, '布局建设5家计量测试领域国家级中心（基地、实验室、专业站等）')],
  },
  {
    name: '培育形成 N家 noun; “新智造100” is a name',
    paragraph: '实施“新智造100”工程，推动现代服务业与先进制造业深度融合，到2025年培育形成100家市级融合试点企业。',
    targets: [t('市级融合试点企业', 'eq', 100, '家', 2025)],
  },
  // ── provincial 十四五 plans ──
  {
    name: 'economic goals: growth, intensity, energy, unemployment, urbanisation',
    paragraph:
      '到2025年，全省地区生产总值年均增长6.5%左右，研发经费投入强度达到2.5%，单位地区生产总值能耗下降15%，城镇调查失业率控制在5.5%以内，常住人口城镇化率提高到65%。',
    targets: [
      t('全省地区生产总值', 'increase', 6.5, '%', 2025),
      t('研发经费投入强度', 'gte', 2.5, '%', 2025),
      t('单位地区生产总值能耗', 'decrease', 15, '%', 2025),
      t('城镇调查失业率', 'lte', 5.5, '%', 2025),
      t('常住人口城镇化率', 'gte', 65, '%', 2025),
    ],
  },
  {
    name: 'environment: baseline 比2020年, percentage points, 分别 pairing',
    paragraph:
      '单位GDP二氧化碳排放比2020年降低18%，非化石能源消费比重提高5个百分点，化学需氧量、氨氮排放总量分别下降8%、9%。',
    targets: [
      t('单位GDP二氧化碳排放', 'decrease', 18, '%'),
      t('非化石能源消费比重', 'increase', 5, '个百分点'),
      t('化学需氧量', 'decrease', 8, '%'),
      t('氨氮排放总量', 'decrease', 9, '%'),
    ],
  },
  {
    name: '分别达到 with 和 between values',
    paragraph: '森林覆盖率、草原综合植被盖度分别达到45%和57%。',
    targets: [t('森林覆盖率', 'gte', 45, '%'), t('草原综合植被盖度', 'gte', 57, '%')],
  },
  {
    name: 'social goals: 岁, 年, 人, 张, ‰ and a number inside the name',
    paragraph:
      '人均预期寿命达到79岁，劳动年龄人口平均受教育年限提高到11.3年，每千人口拥有执业（助理）医师数达到3.2人，每千人口医疗卫生机构床位数达到6张，婴儿死亡率低于5‰，5岁以下儿童死亡率低于6‰。',
    targets: [
      t('人均预期寿命', 'gte', 79, '岁'),
      t('劳动年龄人口平均受教育年限', 'gte', 11.3, '年'),
      t('每千人口拥有执业（助理）医师数', 'gte', 3.2, '人'),
      t('每千人口医疗卫生机构床位数', 'gte', 6, '张'),
      t('婴儿死亡率', 'lt', 5, '‰'),
      t('5岁以下儿童死亡率', 'lt', 6, '‰'),
    ],
  },
  {
    name: 'business environment: 压缩至…以内',
    paragraph: '企业开办时间压缩至1个工作日以内，工程建设项目审批时间压缩到80天以内，政务服务事项网上可办率达到100%。',
    targets: [
      t('企业开办时间', 'lte', 1, '个工作日'),
      t('工程建设项目审批时间', 'lte', 80, '天'),
      t('政务服务事项网上可办率', 'gte', 100, '%'),
    ],
  },
  {
    name: 'Beijing master plan: bare 万 as unit, approx beats 减少到, unit with a slash',
    paragraph:
      '全市常住人口控制在2300万以内，城乡建设用地规模减少到2760平方公里左右，平原地区森林覆盖率达到30%，PM2.5年均浓度下降到35微克/立方米以下。',
    targets: [
      t('全市常住人口', 'lte', 2300, '万'),
      t('城乡建设用地规模', 'approx', 2760, '平方公里'),
      t('平原地区森林覆盖率', 'gte', 30, '%'),
      t('PM2.5年均浓度', 'lte', 35, '微克/立方米'),
    ],
  },
  {
    name: '专精特新 list: 左右 and 以上 after counts, then 年均增长 without a noun',
    paragraph: '到2023年，全省新增国家级专精特新“小巨人”企业50家左右、省级专精特新中小企业500家以上，年均增长20%。',
    targets: [
      t('国家级专精特新“小巨人”企业', 'approx', 50, '家', 2023),
      t('省级专精特新中小企业', 'gte', 500, '家', 2023),
    ],
  },
  {
    name: 'standards: 制定 … N项以上 list and 制修订',
    paragraph: '主导或参与制定国际标准10项以上、国家标准100项以上，制修订地方标准200项。',
    targets: [
      t('国际标准', 'gte', 10, '项'),
      t('国家标准', 'gte', 100, '项'),
      t('地方标准', 'eq', 200, '项'),
    ],
  },
  {
    name: '万/亿 kept in the unit; 突破 → gt; a count before a qualified noun',
    paragraph:
      '力争到2025年，新建5G基站1.5万个，高新技术企业数量突破1万家，每万人口高价值发明专利拥有量达到12件，培育10家年产值超过100亿元的龙头企业。',
    targets: [
      t('5G基站', 'eq', 1.5, '万个', 2025, true),
      t('高新技术企业数量', 'gt', 1, '万家', 2025, true),
      t('每万人口高价值发明专利拥有量', 'gte', 12, '件', 2025, true),
      t('年产值超过100亿元的龙头企业', 'eq', 10, '家', 2025, true),
    ],
  },
  {
    name: 'Chinese numerals; 一个 and 三年 are not counts',
    paragraph: '到二〇二五年，全市新建充电桩两万个，培育一百二十家专精特新企业，建设一个国际消费中心城市，实施三年行动计划，打造十大产业链。',
    targets: [t('充电桩', 'eq', 2, '万个', 2025), t('专精特新企业', 'eq', 120, '家', 2025)],
  },
  {
    name: 'weak verbs: 建设 at clause start or after 重点; 发展 N家以上 noun',
    paragraph: '到2025年，全省建设100个智慧农业示范基地，重点建设5个国家级示范区，发展10家以上龙头企业，新增就业岗位5万个。',
    targets: [
      t('智慧农业示范基地', 'eq', 100, '个', 2025),
      t('国家级示范区', 'eq', 5, '个', 2025),
      t('龙头企业', 'gte', 10, '家', 2025),
      t('就业岗位', 'eq', 5, '万个', 2025),
    ],
  },
  {
    name: 'two nouns after one verb joined by 和',
    paragraph: '到2022年底前，建设5个国家级示范区和10个省级示范区，打造3个千亿级产业集群。',
    targets: [
      t('国家级示范区', 'eq', 5, '个', 2022),
      t('省级示范区', 'eq', 10, '个', 2022),
      t('千亿级产业集群', 'eq', 3, '个', 2022),
    ],
  },
  {
    name: 'lead-in 力争 governs the sentence; 其中 sub-counts continue the list',
    paragraph: '力争到2025年，A级景区达到100家，其中5A级景区5家，4A级景区30家。全市旅游收入增长10%。',
    targets: [
      t('A级景区', 'gte', 100, '家', 2025, true),
      // A bare count under 其中 is a plain count (eq), whatever governed the total.
      t('5A级景区', 'eq', 5, '家', 2025, true),
      t('4A级景区', 'eq', 30, '家', 2025, true),
      t('全市旅游收入', 'increase', 10, '%', 2025, false),
    ],
  },
  {
    name: '经过五年努力 is not an aspiration; 努力实现 / 争取 are',
    paragraph: '经过五年努力，全省粮食产量稳定在650亿斤以上。努力实现全年经济增长7%左右，争取新增市场主体10万户。',
    targets: [
      t('全省粮食产量', 'gte', 650, '亿斤'),
      t('经济', 'increase', 7, '%', null, true),
      t('市场主体', 'eq', 10, '万户', null, true),
    ],
  },
  {
    name: 'nearest preceding deadline wins',
    paragraph: '到2025年底，全市充电桩达到2万个；到2030年，新能源汽车保有量超过100万辆。',
    targets: [t('全市充电桩', 'gte', 2, '万个', 2025), t('新能源汽车保有量', 'gt', 100, '万辆', 2030)],
  },
  {
    name: 'indicator names that contain verbs (城镇新增就业, 新建建筑, 建成区)',
    paragraph: '城镇新增就业50万人以上，新建建筑中绿色建筑占比达到100%，建成区绿地率达到40%。',
    targets: [
      t('城镇新增就业', 'gte', 50, '万人'),
      t('新建建筑中绿色建筑占比', 'gte', 100, '%'),
      t('建成区绿地率', 'gte', 40, '%'),
    ],
  },
  {
    name: 'clause-only year, 、 list after 创建, 余 → gt',
    paragraph: '2023年，全市新增上市公司5家，创建国家级示范区3个、省级示范区10个，新增高新技术企业1000余家。',
    targets: [
      t('上市公司', 'eq', 5, '家', 2023),
      t('国家级示范区', 'eq', 3, '个', 2023),
      t('省级示范区', 'eq', 10, '个', 2023),
      t('高新技术企业', 'gt', 1000, '家', 2023),
    ],
  },
  {
    name: '百分之 and 达到约',
    paragraph: '农村自来水普及率达到百分之九十，全市光伏装机容量达到约500万千瓦。',
    targets: [t('农村自来水普及率', 'gte', 90, '%'), t('全市光伏装机容量', 'approx', 500, '万千瓦')],
  },
  {
    name: '均: split only when every part is a measurable noun',
    paragraph: '农村和城镇居民人均可支配收入均增长7%以上，产品质量合格率与服务质量满意度均达到90%以上。',
    targets: [
      t('农村和城镇居民人均可支配收入', 'increase', 7, '%'),
      t('产品质量合格率', 'gte', 90, '%'),
      t('服务质量满意度', 'gte', 90, '%'),
    ],
  },
  {
    name: 'scores: bare number only for an index-like indicator; 分 as a unit',
    paragraph: '全市规模以上工业企业达到5000，营商环境评价得分达到90，群众满意度达到85分以上。',
    targets: [t('营商环境评价得分', 'gte', 90, null), t('群众满意度', 'gte', 85, '分')],
  },
  {
    name: 'digital economy action plan with a lead-in clause',
    paragraph:
      '力争通过三年努力，到2024年，全省数字经济核心产业增加值占地区生产总值比重达到10%，培育数字经济核心企业200家，累计建成5G基站8万个以上。',
    targets: [
      t('全省数字经济核心产业增加值占地区生产总值比重', 'gte', 10, '%', 2024, true),
      t('数字经济核心企业', 'eq', 200, '家', 2024, true),
      t('5G基站', 'gte', 8, '万个', 2024, true),
    ],
  },
  {
    name: 'lt / lte wording: 不超过, 少于; a rate may have no unit',
    paragraph: '到2025年前，全市万元GDP用水量不超过15立方米，重大安全生产事故少于3起，亿元GDP生产安全事故死亡率下降到0.02以下。',
    targets: [
      t('全市万元GDP用水量', 'lte', 15, '立方米', 2025),
      t('重大安全生产事故', 'lt', 3, '起', 2025),
      t('亿元GDP生产安全事故死亡率', 'lte', 0.02, null, 2025),
    ],
  },
  // ── negatives: counts that only qualify a list or a name, dates, past facts ──
  {
    name: 'NOT targets: list sizes after 等, 类, names in quotes',
    paragraph:
      '以空气净化器、电饭煲、智能马桶盖、智能手机、儿童纸尿裤等10类消费品为重点，继续在旅游服务、电梯维保、净水器等13个行业深入开展标准自我声明公开，实施“新智造100”工程。',
    targets: [],
  },
  {
    name: 'NOT targets: dates, 7省区, 6个月内',
    paragraph:
      '2016年4月至2016年11月，由甘肃、陕西、新疆等7省区发起组建丝绸之路品牌联盟，对同一企业的同一规格型号产品，6个月内任何地方、部门和机构不得重复抽查。',
    targets: [],
  },
  {
    name: 'NOT targets: a policy interpretation describing its own structure',
    paragraph:
      '（二）工作任务：围绕高标准引领提升行动、体系化推进质量基础建设、促进全面质量管理升级、升级服务供给品质、优化质量发展生态五个方面，部署了17项具体任务。（三）保障措施：提出了完善政策和组织保障、找准行动抓手、营造良好氛围3项要求。',
    targets: [],
  },
  {
    name: 'rank, article number, 数十, 50强 are not targets; a range 3—5个 is',
    paragraph: '全省数十家企业参与，排名进入全国前10位，培育3—5个具有国际竞争力的产业集群，按照第3条规定执行，进入全球品牌价值50强。',
    targets: [{ ...t('具有国际竞争力的产业集群', 'range', 3, '个'), valueHigh: 5 }],
  },
  {
    name: 'NOT targets: numerals inside slogans and quoted names',
    paragraph:
      '依托12345市民服务热线，贯彻“创新、协调、绿色、开放、共享”五大发展理念，围绕“五位一体”总体布局和“四个全面”战略布局，推进“三品一标”认证，落实“双随机、一公开”监管，以“三城一区”为主平台。',
    targets: [],
  },
  {
    name: 'NOT targets: subsidies and qualifiers of who is supported',
    paragraph:
      '对新认定的国家级企业技术中心给予一次性奖励100万元，鼓励年产值超过1000万元的企业上云，支持营业收入5亿元以上企业建设研发机构。',
    targets: [],
  },
  {
    name: 'NOT targets: past achievements (提高了, 已建成)',
    paragraph: '“十三五”期间，全省粮食产量比2015年提高了5%，已建成省级以上工程技术研究中心300个。',
    targets: [],
  },
  {
    name: 'status quo and 已累计 are past; a new count in the next sentence is kept',
    paragraph: '目前，全市已累计培育国家级专精特新企业80家。全市已建成充电站300座，新增专精特新企业一万家。',
    targets: [t('专精特新企业', 'eq', 1, '万家')],
  },
  {
    name: 'NOT targets: box title with a year range',
    paragraph: '专栏1 提升高精尖产业质量竞争力（2021—2025年）',
    targets: [],
  },
  {
    name: 'NOT targets: 一批 without a number',
    paragraph: '建成一批品牌集聚、供给丰富、功能完善的高品质生活体验型都市商圈，实施一批绿色化数字化技术改造项目，打造一批智慧工地样板。',
    targets: [],
  },
  {
    name: 'NOT targets: 第二届, 十八届三中全会, 二十大',
    paragraph: '以党的十八大和十八届三中、四中、五中全会精神为指导，深入贯彻李克强总理对第二届中国质量奖的重要批示，全面贯彻落实党的二十大精神。',
    targets: [],
  },
  // ── indicator spans ──
  {
    name: 'a value that sizes the noun after it: the noun, with the measure named before the value',
    paragraph: '在引导基金框架下设立总规模不少于50亿元的绿色低碳产业专项基金，提交每台不低于二百万元人民币的设备损失保险凭证。',
    targets: [t('绿色低碳产业专项基金总规模', 'gte', 50, '亿元'), t('每台设备损失保险凭证', 'gte', 200, '万元')],
  },
  {
    name: 'conjuncts with no value of their own share the count’s head noun; 建筑 is no verb',
    paragraph: '形成30个行业通用、专用领域算法模型产品，实施建筑节能和可再生能源应用项目500万平方米以上。',
    targets: [t('行业通用、专用领域算法模型产品', 'eq', 30, '个'), t('建筑节能和可再生能源应用项目', 'gte', 500, '万平方米')],
  },
  {
    name: 'a share of a scope keeps the scope and the state it reaches',
    paragraph: '推动70%以上的规模以上工业企业实现数字化改造。',
    targets: [t('规模以上工业企业实现数字化改造', 'gte', 70, '%')],
  },
  {
    name: '从事, 由于 are words, not a baseline’s 从/由; 如图1所示 counts nothing',
    paragraph: '项目负责人从事相关专业工作8年以上，标准体系结构如图1所示。',
    targets: [t('项目负责人从事相关专业工作', 'gte', 8, '年')],
  },
  {
    name: 'an amount with a bound before 的 picks out which ones, unless a creation verb sizes what is done',
    paragraph: '单笔金额在50万元及以下的小额贷款免收担保费，完成300万平方米以上的老旧小区改造项目。',
    targets: [t('老旧小区改造项目', 'gte', 300, '万平方米')],
  },
  {
    name: '开发 inside 开发银行 / 开发区 is no creation verb: 等N家 then sums the banks named',
    paragraph: '国家开发银行等5家政策性银行向名单内企业发放贷款。',
    targets: [],
  },
  {
    name: 'a span with 内 after a creation verb is a time limit',
    paragraph: '申请人应在项目验收后10个工作日内提交绩效报告。',
    targets: [t('提交绩效报告', 'lte', 10, '个工作日')],
  },
];

describe('extractTargets', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = extractTargets(c.paragraph);
    for (const m of got) {
      expect(c.paragraph.slice(m.start, m.end)).toBe(m.text);
      expect(m.text).toBe(m.text.trim());
    }
    const projected = got.map((m, i) => {
      const { indicator, comparator, value, unit, year, aspirational } = m;
      const base = { indicator, comparator, value, unit, year, aspirational };
      const withText = c.targets[i]?.text === undefined ? base : { ...base, text: m.text };
      return m.valueHigh === null ? withText : { ...withText, valueHigh: m.valueHigh };
    });
    expect(projected).toEqual(c.targets);
  });

  it('has enough table cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('returns targets in document order and is deterministic', () => {
    const p = CASES[0]?.paragraph ?? '';
    const a = extractTargets(p);
    expect(extractTargets(p)).toEqual(a);
    const starts = a.map((m) => m.start);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
  });

  it('gives every target of a shared clause the same span', () => {
    const p = '质量供给和需求更加适配，农产品质量安全例行监测合格率和食品安全抽检合格率均高于98%。';
    const [a, b] = extractTargets(p);
    expect(a?.text).toBe('农产品质量安全例行监测合格率和食品安全抽检合格率均高于98%');
    expect(b?.start).toBe(a?.start);
    expect(b?.end).toBe(a?.end);
    expect(a?.start).toBe(p.indexOf('农产品'));
  });

  it('returns an empty list for an empty paragraph', () => {
    expect(extractTargets('')).toEqual([]);
  });
});

describe('prohibitions and penalties', () => {
  it('reads 不得超过 as at most and 不得少于 as at least', () => {
    const [a] = extractTargets('用人单位的缴费比例不得超过20%。');
    expect([a?.indicator, a?.comparator, a?.value, a?.unit]).toEqual(['用人单位的缴费比例', 'lte', 20, '%']);
    const [b] = extractTargets('到2025年，全市绿色建筑占新建建筑比例不得低于70%。');
    expect([b?.indicator, b?.comparator, b?.value, b?.year]).toEqual(['全市绿色建筑占新建建筑比例', 'gte', 70, 2025]);
  });

  it('takes no target from a penalty clause', () => {
    expect(extractTargets('违反本条例规定的，由市场监督管理部门责令改正，处1万元以上5万元以下罚款。')).toEqual([]);
  });
});

describe('shortcuts taken unless asked why', () => {
  // Every line of the seeds and of the parse fixtures, and a few of a law's.
  const lines = [
    ...listDir('seeds').filter((n) => n.endsWith('.txt')).flatMap((n) => readFileSync(at(`seeds/${n}`), 'utf8').split('\n')),
    ...listDir('fixtures/parse')
      .map((n) => at(`fixtures/parse/${n}/input.txt`))
      .filter((path) => existsSync(path))
      .flatMap((path) => readFileSync(path, 'utf8').split('\n')),
    '违反本条例第十二条规定，逾期不改正的，处2000元以上1万元以下罚款；情节严重的，处1万元以上5万元以下罚款。',
    '当事人应当在收到通知之日起15日内提出申请，行政机关应当在5个工作日内作出决定。',
    '第三十条　本条例自2021年1月1日起施行。',
  ].map((l) => l.trim());

  it('scanQuantities finds nothing in a text that mayHoldQuantity says holds no numeral', () => {
    for (const line of lines) if (!mayHoldQuantity(line)) expect(scanQuantities(line)).toEqual([]);
    expect(mayHoldQuantity('本条例所称管理人，是指物业服务企业。')).toBe(false);
    expect(['第三条', '一半', '百分之五', '3%', '三分之一'].every(mayHoldQuantity)).toBe(true);
  });

  it('finds the same targets, and decides as many quantities the same way, as when asked why', () => {
    for (const line of lines) {
      for (const regulation of [false, true]) {
        const full = extractAll(line, { regulation, explain: true });
        const quick = extractAll(line, { regulation });
        expect(quick.targets).toEqual(full.targets);
        if (!setsNoLimit(line, regulation, false)) expect(quick.decisions.map((d) => [d.start, d.end, d.accepted])).toEqual(full.decisions.map((d) => [d.start, d.end, d.accepted]));
      }
    }
  });

  it('trims clauses by the units /\\s/ matches, no more and no fewer', () => {
    const spaces = new Set(SPACE_UNITS);
    const drifted: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      if (spaces.has(unit) !== /\s/.test(unit)) drifted.push(`U+${code.toString(16)}`);
    }
    expect(drifted).toEqual([]);
  });

  it('gives the clauses that hold quantities, with their sentence spans', () => {
    const p = ' 每年开展2次检查， 抽查比例不低于5%；结果公开。 另行规定。第二句3项，“甲，乙”4个';
    const held = clausesHolding(p, scanQuantities(p)).map((h) => [h.clause.text, h.clause.sentence, p.slice(h.span.start, h.span.end), h.quantities.map((q) => q.raw)]);
    expect(held).toEqual([
      ['每年开展2次检查', 0, '每年开展2次检查， 抽查比例不低于5%', ['2次']],
      ['抽查比例不低于5%', 0, '每年开展2次检查， 抽查比例不低于5%', ['5%']],
      ['第二句3项', 3, '第二句3项，“甲，乙”4个', ['3项']],
      ['“甲，乙”4个', 3, '第二句3项，“甲，乙”4个', ['4个']],
    ]);
  });

  it('still names the penalty rule when asked why', () => {
    const { decisions } = extractAll('违反本条例规定的，处1万元以上5万元以下罚款。', { regulation: true, explain: true });
    expect(decisions.map((d) => [d.raw, d.rule, d.accepted])).toEqual([
      ['1万元以上', 'penalty', false],
      ['5万元以下', 'penalty', false],
    ]);
  });
});
