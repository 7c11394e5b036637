// Which agencies the demo has: for each chosen province, prefecture or county (a "jurisdiction"), its government,
// 10–23 of its departments and, for a county, its real townships and street offices (from the region list).
// Jurisdictions come in a fixed order until the requested number of agencies is reached:
//   - "demo" (the seeded demo): the three sample reports' places first, then places in 吉林, 黑龙江, 湖北, 浙江 and
//     北京 (a district of a municipality and a province-administered city 仙桃 included);
//   - "national" (scripts/bench-data.ts): the sample places, then the whole country round-robin over the 31
//     provinces, each province's own government first, then its prefectures and counties in a seeded random order,
//     so that any prefix of the plan is spread over every province and every level.
import { initialsOf } from "../regions/initials";
import type { RegionIndex, RegionRow } from "../regions/source";
import { DEPARTMENTS, governmentSuffix, type DepartmentType } from "./catalog";
import { Rng } from "./prng";

export type AgencyKind = "GOVERNMENT" | "DEPARTMENT" | "TOWNSHIP" | "SUBDISTRICT" | "OTHER";
export type AgencyLevel = 1 | 2 | 3 | 4;
export type PlanOrder = "demo" | "national";

export interface DemoAgency {
  /** stable identity inside the dataset: "<regionCode>:<name>" (the table's unique key) */
  key: string;
  name: string;
  kind: AgencyKind;
  regionCode: string;
  parentKey: string | null;
  initials: string;
  /** the government's level: province (1), prefecture (2), county (3) or township (4) */
  level: AgencyLevel;
  /** the department type, for departments */
  department?: DepartmentType;
  /** the county or prefecture region the agency belongs to (its government's region) */
  jurisdictionCode: string;
}

/** Places whose agencies are generated first, in this order. 220802, 2327 and 230522 hold the sample reports. */
export const PRIORITY_JURISDICTIONS: readonly string[] = [
  "220802", // 吉林省白城市洮北区 (sample: district-2020)
  "2327", // 黑龙江省大兴安岭地区 (sample: prefecture-2020)
  "230522", // 黑龙江省双鸭山市友谊县 (sample: town-2022, 友谊镇)
  "2208", // 吉林省白城市
  "420626", // 湖北省襄阳市保康县
  "429004", // 湖北省仙桃市 (省直辖县级行政区划)
  "110101", // 北京市东城区 (a district of a municipality)
  "330522", // 浙江省湖州市长兴县
  "3305", // 浙江省湖州市
  "4206", // 湖北省襄阳市
  "220821", // 镇赉县
  "220822", // 通榆县
  "220881", // 洮南市
  "220882", // 大安市
  "232701", // 漠河市
  "232721", // 呼玛县
  "232722", // 塔河县
  "2305", // 黑龙江省双鸭山市
  "110102", // 北京市西城区
  "330502", // 湖州市吴兴区
];

/** Provinces whose remaining counties, then prefectures, fill larger runs. */
export const FILL_PROVINCES: readonly string[] = ["22", "23", "42", "33", "11"];

const NOT_A_GOVERNMENT = /开发区|管理区|示范区|园区|高新技术|合作区|林业局|农场|矿区$/;

function isTownship(row: RegionRow): "TOWNSHIP" | "SUBDISTRICT" | null {
  const name = cleanName(row.name);
  if (/街道$/.test(name)) return "SUBDISTRICT";
  if (/(镇|乡|苏木)$/.test(name)) return "TOWNSHIP";
  return null;
}

/** A region name without bracketed qualifiers: "（工业园区）城南街道" → "城南街道". */
export function cleanName(name: string): string {
  return name.replace(/[（(][^）)]*[）)]/g, "").trim() || name;
}

/** 北京市, 天津市, 上海市, 重庆市: province-level cities, whose departments are named like a city's. */
function isMunicipality(region: RegionRow): boolean {
  return region.level === 1 && region.name.endsWith("市");
}

/** The official name of a region's government. */
export function governmentName(ix: RegionIndex, region: RegionRow): string {
  if (region.level === 1) return `${region.name}人民政府`;
  if (region.level === 2) return `${region.name}${governmentSuffix(region.name)}`;
  // districts are usually named with their city: 白城市洮北区人民政府, 北京市东城区人民政府
  const parent = region.parentCode ? ix.get(region.parentCode) : undefined;
  const prefix = /区$/.test(region.name) && parent ? parent.name : "";
  return `${prefix}${region.name}人民政府`;
}

export function departmentName(region: RegionRow, d: DepartmentType): string {
  if (region.level === 1) {
    if (d.key === "office" || !isMunicipality(region)) return `${region.name}${d.province ?? d.prefecture ?? d.county}`;
    return `${region.name}${d.prefecture ?? d.county}`;
  }
  if (d.key === "office") return `${region.name}${governmentSuffix(region.name)}办公室`;
  return `${region.name}${region.level === 2 ? (d.prefecture ?? d.county) : d.county}`;
}

/** Whether a government of this region has such a department (provinces have no 城市管理 department). */
function hasDepartment(region: RegionRow, d: DepartmentType): boolean {
  return region.level !== 1 || isMunicipality(region) || d.province !== null;
}

export function townshipAgencyName(county: RegionRow, township: RegionRow): { name: string; kind: "TOWNSHIP" | "SUBDISTRICT" } | null {
  const kind = isTownship(township);
  if (!kind) return null;
  const t = cleanName(township.name);
  return { name: kind === "SUBDISTRICT" ? `${county.name}${t}办事处` : `${county.name}${t}人民政府`, kind };
}

function isGovernmentSeat(r: RegionRow | undefined): r is RegionRow {
  return !!r && r.level >= 1 && r.level <= 3 && !NOT_A_GOVERNMENT.test(r.name);
}

/** The "demo" order: sample places, priority places, then counties and prefectures of five provinces. */
function demoOrder(ix: RegionIndex): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (code: string) => {
    const r = ix.get(code);
    if (!r || seen.has(code) || (r.level !== 2 && r.level !== 3) || NOT_A_GOVERNMENT.test(r.name)) return;
    seen.add(code);
    out.push(code);
  };
  PRIORITY_JURISDICTIONS.forEach(add);
  const counties = (code: string): RegionRow[] =>
    ix.childrenOf(code).flatMap((c) => (c.level === 3 ? [c] : counties(c.code)));
  for (const p of FILL_PROVINCES) for (const c of counties(p)) add(c.code);
  for (const p of FILL_PROVINCES) for (const c of ix.childrenOf(p)) if (c.level === 2) add(c.code);
  return out;
}

/** The places of the three sample reports, first in the national order too. */
const SAMPLE_JURISDICTIONS = PRIORITY_JURISDICTIONS.slice(0, 3);

/**
 * The "national" order: the sample places, then round-robin over the provinces (by code): each province's
 * government first, then its prefectures and counties in a random order drawn from the seed. Every place with a
 * government is in it exactly once.
 */
function* nationalOrder(ix: RegionIndex, seed: number): Generator<string> {
  const seen = new Set<string>(SAMPLE_JURISDICTIONS);
  yield* SAMPLE_JURISDICTIONS;
  const provinces = [...ix.byCode.values()].filter((r) => r.level === 1).sort((a, b) => (a.code < b.code ? -1 : 1));
  const queues = provinces.map((p) => {
    const below: RegionRow[] = [];
    const walk = (code: string) => {
      for (const c of ix.childrenOf(code)) {
        if (c.level > 3) continue;
        if (isGovernmentSeat(c) && !seen.has(c.code)) below.push(c);
        walk(c.code);
      }
    };
    walk(p.code);
    const shuffled = new Rng(seed).fork("national", p.code).shuffle(below);
    return [p.code, ...shuffled.map((r) => r.code)];
  });
  for (let round = 0; queues.some((q) => round < q.length); round++) {
    for (const q of queues) if (round < q.length) yield q[round]!;
  }
}

/**
 * Agencies of the first jurisdictions until `count` is reached (at least the three sample agencies' own
 * jurisdictions' first agencies). Deterministic for a seed; the result for a smaller count is a prefix of the result
 * for a larger one.
 */
export function planAgencies(ix: RegionIndex, count: number, seed: number, order: PlanOrder = "demo"): DemoAgency[] {
  const out: DemoAgency[] = [];
  if (count <= 0) return out;
  for (const a of agencyPlan(ix, seed, order)) {
    out.push(a);
    if (out.length >= count) break;
  }
  return out;
}

/** Every agency of the plan, jurisdiction by jurisdiction, a government before its departments and townships. */
export function* agencyPlan(ix: RegionIndex, seed: number, order: PlanOrder = "demo"): Generator<DemoAgency> {
  const keys = new Set<string>();
  const make = (a: Omit<DemoAgency, "key" | "initials">): DemoAgency | null => {
    const key = `${a.regionCode}:${a.name}`;
    if (keys.has(key)) return null;
    keys.add(key);
    return { ...a, key, initials: initialsOf(a.name) };
  };

  for (const code of order === "national" ? nationalOrder(ix, seed) : demoOrder(ix)) {
    const region = ix.require(code);
    const rng = new Rng(seed).fork("jurisdiction", code);
    const level = region.level as 1 | 2 | 3;
    const govName = governmentName(ix, region);
    const govKey = `${code}:${govName}`;
    const gov = make({ name: govName, kind: "GOVERNMENT", regionCode: code, parentKey: null, level, jurisdictionCode: code });
    if (gov) yield gov;

    // departments: the core ones (a few may be missing) and some others; bigger governments have more
    const available = DEPARTMENTS.filter((d) => hasDepartment(region, d));
    const core = available.filter((d) => d.core);
    const optional = available.filter((d) => !d.core);
    const dropped = new Set(rng.sample(core.filter((d) => d.key !== "office"), rng.int(0, 3)).map((d) => d.key));
    const extra = rng.sample(optional, rng.int(level <= 2 ? 3 : 0, level <= 2 ? 8 : 5));
    const depts = [...core.filter((d) => !dropped.has(d.key)), ...extra];
    for (const d of depts) {
      const a = make({ name: departmentName(region, d), kind: "DEPARTMENT", regionCode: code, parentKey: govKey, level, department: d, jurisdictionCode: code });
      if (a) yield a;
    }

    if (level === 3) {
      for (const t of ix.childrenOf(code)) {
        const named = townshipAgencyName(region, t);
        if (!named) continue;
        const a = make({ name: named.name, kind: named.kind, regionCode: t.code, parentKey: govKey, level: 4, jurisdictionCode: code });
        if (a) yield a;
      }
    }
  }
}
