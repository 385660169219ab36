// Places that name a government: the provinces (full name, short name, the one-character code
// of their document numbers) and the cities that head a province's list of places. The one
// home for which place a 省/市/区 prefix or a bare 山东, 上海 means.

export interface Province {
  /** 山东省, 上海市, 广西壮族自治区. */
  name: string;
  /** 山东, 上海, 广西. */
  short: string;
  /** The one-character code of its documents (鲁政发), where no other government shares it. */
  code?: string;
  /** A municipality directly under the central government: its 市 is the province. */
  municipality?: boolean;
}

export const PROVINCES: readonly Province[] = [
  { name: '北京市', short: '北京', code: '京', municipality: true },
  { name: '天津市', short: '天津', code: '津', municipality: true },
  { name: '上海市', short: '上海', code: '沪', municipality: true },
  { name: '重庆市', short: '重庆', code: '渝', municipality: true },
  { name: '河北省', short: '河北', code: '冀' },
  { name: '山西省', short: '山西', code: '晋' },
  { name: '辽宁省', short: '辽宁', code: '辽' },
  { name: '吉林省', short: '吉林', code: '吉' },
  { name: '黑龙江省', short: '黑龙江', code: '黑' },
  { name: '江苏省', short: '江苏', code: '苏' },
  { name: '浙江省', short: '浙江', code: '浙' },
  { name: '安徽省', short: '安徽', code: '皖' },
  { name: '福建省', short: '福建', code: '闽' },
  { name: '江西省', short: '江西', code: '赣' },
  { name: '山东省', short: '山东', code: '鲁' },
  { name: '河南省', short: '河南', code: '豫' },
  { name: '湖北省', short: '湖北', code: '鄂' },
  { name: '湖南省', short: '湖南', code: '湘' },
  { name: '广东省', short: '广东', code: '粤' },
  { name: '广西壮族自治区', short: '广西', code: '桂' },
  { name: '海南省', short: '海南', code: '琼' },
  { name: '四川省', short: '四川', code: '川' },
  { name: '贵州省', short: '贵州', code: '黔' },
  { name: '云南省', short: '云南', code: '云' },
  { name: '西藏自治区', short: '西藏', code: '藏' },
  { name: '陕西省', short: '陕西', code: '陕' },
  { name: '甘肃省', short: '甘肃', code: '甘' },
  // 青, 宁, 新, 蒙 also stand for cities or are shared: no code.
  { name: '青海省', short: '青海' },
  { name: '宁夏回族自治区', short: '宁夏' },
  { name: '新疆维吾尔自治区', short: '新疆' },
  { name: '内蒙古自治区', short: '内蒙古' },
  { name: '台湾省', short: '台湾' },
  { name: '香港特别行政区', short: '香港' },
  { name: '澳门特别行政区', short: '澳门' },
];

/** Provincial capitals and cities with provincial-level powers (计划单列市, 副省级城市) → their province. */
const CITIES: Readonly<Record<string, string>> = {
  石家庄: '河北', 太原: '山西', 沈阳: '辽宁', 大连: '辽宁', 长春: '吉林', 哈尔滨: '黑龙江', 南京: '江苏',
  苏州: '江苏', 杭州: '浙江', 宁波: '浙江', 合肥: '安徽', 福州: '福建', 厦门: '福建', 南昌: '江西',
  济南: '山东', 青岛: '山东', 郑州: '河南', 武汉: '湖北', 长沙: '湖南', 广州: '广东', 深圳: '广东',
  南宁: '广西', 海口: '海南', 成都: '四川', 贵阳: '贵州', 昆明: '云南', 拉萨: '西藏', 西安: '陕西',
  兰州: '甘肃', 西宁: '青海', 银川: '宁夏', 乌鲁木齐: '新疆', 呼和浩特: '内蒙古',
};

/** The listed cities, short names: 济南, 青岛 … */
export const LISTED_CITIES: readonly string[] = Object.keys(CITIES);

const byShort = new Map(PROVINCES.flatMap((p) => [[p.short, p], [p.name, p]] as const));

/** The province a full or short name names: 山东, 山东省 → 山东省; else undefined. */
export function provinceOf(name: string): Province | undefined {
  return byShort.get(name);
}

/** The province of a listed city (济南 → 山东省); undefined for a city not in the list. */
export function provinceOfCity(city: string): Province | undefined {
  const short = CITIES[city.replace(/市$/, '')];
  return short === undefined ? undefined : byShort.get(short);
}

/** Province codes of document numbers: 鲁 → 山东省. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  PROVINCES.flatMap((p) => (p.code ? [[p.code, p.name]] : [])),
);

/** A leading province name, full or short (longest first): 山东省济南市 → 山东省. */
export function leadingProvince(text: string): { province: Province; printed: string } | null {
  for (const p of PROVINCES) {
    if (text.startsWith(p.name)) return { province: p, printed: p.name };
  }
  for (const p of PROVINCES) {
    if (text.startsWith(p.short)) return { province: p, printed: p.short };
  }
  return null;
}
