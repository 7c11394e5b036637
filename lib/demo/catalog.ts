// What the demo generator knows about Chinese local government: which departments a county or prefecture has, how
// they are named, and roughly how much each one does (applications, licences, penalties).

export interface DepartmentType {
  key: string;
  /** name at county level, appended to the county's name: 洮北区 + 教育局 */
  county: string;
  /** name at prefecture level, if different: 白城市 + 卫生健康委员会 */
  prefecture?: string;
  /** name at province level (吉林省 + 教育厅); null when provinces have no such department. Municipalities
   *  (北京市…) are cities and use the prefecture names. */
  province: string | null;
  /** present in every generated government (the others are drawn) */
  core: boolean;
  /** typical 依申请 applications a year at county level */
  demand: number;
  /** typical 行政许可 decisions a year (0 = the department grants no licences) */
  licensing: number;
  /** typical 行政处罚 decisions a year */
  punishment: number;
  /** typical 行政强制 decisions a year */
  coercion: number;
}

export const DEPARTMENTS: readonly DepartmentType[] = [
  { key: "office", county: "人民政府办公室", province: "人民政府办公厅", core: true, demand: 4, licensing: 0, punishment: 0, coercion: 0 },
  { key: "ndrc", county: "发展和改革局", prefecture: "发展和改革委员会", province: "发展和改革委员会", core: true, demand: 3, licensing: 40, punishment: 2, coercion: 0 },
  { key: "edu", county: "教育局", province: "教育厅", core: true, demand: 3, licensing: 25, punishment: 1, coercion: 0 },
  { key: "police", county: "公安局", province: "公安厅", core: true, demand: 4, licensing: 900, punishment: 600, coercion: 40 },
  { key: "civil", county: "民政局", province: "民政厅", core: true, demand: 2, licensing: 15, punishment: 1, coercion: 0 },
  { key: "justice", county: "司法局", province: "司法厅", core: true, demand: 1, licensing: 5, punishment: 0, coercion: 0 },
  { key: "finance", county: "财政局", province: "财政厅", core: true, demand: 2, licensing: 0, punishment: 1, coercion: 0 },
  { key: "hrss", county: "人力资源和社会保障局", province: "人力资源和社会保障厅", core: true, demand: 5, licensing: 20, punishment: 6, coercion: 0 },
  { key: "land", county: "自然资源局", province: "自然资源厅", core: true, demand: 14, licensing: 120, punishment: 25, coercion: 3 },
  { key: "eco", county: "生态环境分局", prefecture: "生态环境局", province: "生态环境厅", core: true, demand: 3, licensing: 30, punishment: 12, coercion: 3 },
  { key: "housing", county: "住房和城乡建设局", province: "住房和城乡建设厅", core: true, demand: 9, licensing: 150, punishment: 10, coercion: 1 },
  { key: "transport", county: "交通运输局", province: "交通运输厅", core: true, demand: 2, licensing: 300, punishment: 80, coercion: 10 },
  { key: "agri", county: "农业农村局", province: "农业农村厅", core: true, demand: 3, licensing: 60, punishment: 8, coercion: 1 },
  { key: "health", county: "卫生健康局", prefecture: "卫生健康委员会", province: "卫生健康委员会", core: true, demand: 3, licensing: 200, punishment: 20, coercion: 1 },
  { key: "market", county: "市场监督管理局", province: "市场监督管理局", core: true, demand: 5, licensing: 1500, punishment: 90, coercion: 12 },
  { key: "water", county: "水利局", province: "水利厅", core: false, demand: 1, licensing: 20, punishment: 3, coercion: 0 },
  { key: "commerce", county: "商务局", province: "商务厅", core: false, demand: 1, licensing: 10, punishment: 2, coercion: 0 },
  { key: "culture", county: "文化广播电视和旅游局", province: "文化和旅游厅", core: false, demand: 1, licensing: 30, punishment: 6, coercion: 0 },
  { key: "veterans", county: "退役军人事务局", province: "退役军人事务厅", core: false, demand: 1, licensing: 0, punishment: 0, coercion: 0 },
  { key: "emergency", county: "应急管理局", province: "应急管理厅", core: false, demand: 1, licensing: 15, punishment: 12, coercion: 2 },
  { key: "audit", county: "审计局", province: "审计厅", core: false, demand: 1, licensing: 0, punishment: 0, coercion: 0 },
  { key: "stats", county: "统计局", province: "统计局", core: false, demand: 1, licensing: 0, punishment: 1, coercion: 0 },
  { key: "medical", county: "医疗保障局", province: "医疗保障局", core: false, demand: 2, licensing: 0, punishment: 4, coercion: 0 },
  { key: "forestry", county: "林业和草原局", province: "林业和草原局", core: false, demand: 1, licensing: 25, punishment: 6, coercion: 1 },
  { key: "urban", county: "城市管理行政执法局", prefecture: "城市管理综合行政执法局", province: null, core: false, demand: 2, licensing: 40, punishment: 60, coercion: 8 },
  { key: "science", county: "科学技术局", province: "科学技术厅", core: false, demand: 1, licensing: 0, punishment: 0, coercion: 0 },
  { key: "industry", county: "工业和信息化局", province: "工业和信息化厅", core: false, demand: 1, licensing: 3, punishment: 0, coercion: 0 },
  { key: "sport", county: "体育局", province: "体育局", core: false, demand: 0.5, licensing: 2, punishment: 0, coercion: 0 },
  { key: "approval", county: "政务服务和数字化建设管理局", prefecture: "政务服务和数字化建设管理局", province: "政务服务和数据管理局", core: false, demand: 2, licensing: 400, punishment: 0, coercion: 0 },
  { key: "petition", county: "信访局", province: "信访局", core: false, demand: 1, licensing: 0, punishment: 0, coercion: 0 },
];

/** The government of a region: 人民政府, or 行政公署 for a 地区 or 盟. */
export function governmentSuffix(regionName: string): string {
  return /地区$|盟$/.test(regionName) ? "行政公署" : "人民政府";
}

/** "全省" / "全区" / "全县" / "全市" / "全旗" / "全州" / "全盟" for a region's name. */
export function jurisdictionWord(regionName: string): string {
  if (/省$/.test(regionName)) return "全省";
  if (/地区$/.test(regionName) || /区$/.test(regionName)) return "全区";
  if (/县$/.test(regionName)) return "全县";
  if (/旗$/.test(regionName)) return "全旗";
  if (/州$/.test(regionName)) return "全州";
  if (/盟$/.test(regionName)) return "全盟";
  return "全市";
}

/** How an agency calls itself in its report: 我局, 我委, 我办, 我镇, 我乡, 我街道, 我区… */
export function selfWord(agencyName: string, regionName: string, kind: string): string {
  if (kind === "GOVERNMENT") return jurisdictionWord(regionName).replace("全", "我");
  if (kind === "TOWNSHIP") return regionName.endsWith("乡") ? "我乡" : regionName.endsWith("苏木") ? "我苏木" : "我镇";
  if (kind === "SUBDISTRICT") return "我街道";
  if (/委员会$/.test(agencyName)) return "我委";
  if (/办公室$/.test(agencyName)) return "我办";
  if (/分局$/.test(agencyName)) return "我分局";
  return "我局";
}
