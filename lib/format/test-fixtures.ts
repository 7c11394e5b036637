/** Test-only helpers: the shared spec and expected reports (outside the repo), and a valid synthetic report. */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { computeDerived } from "./derive";
import { getTable, leafKeys } from "./registry";
import type { CellMap, FormatVersion } from "./types";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");

/**
 * The shared spec and sample reports: NIANBAO_SHARED if set, else `shared/` beside this checkout, else beside the
 * checkout this one was cloned from (a throw-away clone in /tmp, as CI is tried by hand, has no neighbour).
 */
function findShared(): string {
  const has = (dir: string | undefined): dir is string => !!dir && existsSync(path.join(dir, "spec/annual-report-format.json"));
  const beside = path.resolve(repo, "../shared");
  for (const dir of [process.env.NIANBAO_SHARED, beside]) if (has(dir)) return dir;
  try {
    const origin = execFileSync("git", ["-C", repo, "config", "--get", "remote.origin.url"], { encoding: "utf8" }).trim();
    const besideOrigin = path.isAbsolute(origin) ? path.resolve(origin, "../shared") : undefined;
    if (has(besideOrigin)) return besideOrigin;
  } catch {
    // not a git checkout, or no origin
  }
  // not found: the usual place, so that the tests needing it fail on that path (the others do not need it)
  return beside;
}

export const SHARED = findShared();

export function loadSpecJson(): SpecJson {
  return JSON.parse(readFileSync(path.join(SHARED, "spec/annual-report-format.json"), "utf8")) as SpecJson;
}

export interface ExpectedReport {
  name: string;
  file: string;
  year: number;
  formatVersion: FormatVersion;
  cells: CellMap;
}

export function loadExpectedReports(): ExpectedReport[] {
  const dir = path.join(SHARED, "reports/expected");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f, ...(JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Omit<ExpectedReport, "name">) }));
}

export interface SpecJson {
  sections: string[];
  versions: Record<
    string,
    {
      version: string;
      document: string;
      reportYears: number[] | string;
      rules: { id: string; forEach?: string; expr: string; text?: string }[];
      tables: SpecTable[];
    }
  >;
}

export interface SpecTable {
  id: string;
  section: string;
  caption?: string;
  firstColumnHeader?: string;
  headerNote?: string;
  columnHeader?: string;
  rows?: { key: string; label: string; group?: string | null }[];
  optionalRows?: { key: string; label: string; note?: string }[];
  columns?: { key: string; label: string; type?: string; unit?: string; group?: string | null; note?: string }[];
  flatOrder?: string[];
  cells: {
    key: string;
    row?: string;
    col: string;
    rowGroup?: string | null;
    colGroup?: string | null;
    group?: string;
    supergroup?: string | null;
    type: string;
    unit: string;
    derived: boolean;
  }[];
}

/** Leaf cells of a report, as a clerk would enter them. */
export function leavesOf(v: FormatVersion, cells: CellMap): CellMap {
  return Object.fromEntries(leafKeys(v).map((k) => [k, cells[k] ?? null]));
}

/**
 * A complete, consistent report with varied non-zero numbers, so that breaking one cell changes sums.
 * Request columns balance by construction: 结转下年度 is what remains.
 */
export function validReport(v: FormatVersion): CellMap {
  const cells: CellMap = {};
  const requests = getTable(v, "requests")!;
  const leafCols = requests.columns.filter((c) => !c.sum);
  const resultRows = requests.rows.find((r) => r.key === "results.total")!.sum!.of;
  leafCols.forEach((col, j) => {
    let results = 0;
    resultRows.forEach((row, i) => {
      const n = (i * 7 + j * 3) % 4;
      cells[`requests.${row}.${col.key}`] = n;
      results += n;
    });
    const over = Math.min(j % 3, results);
    const forward = (j + 1) % 2;
    cells[`requests.carriedOver.${col.key}`] = over;
    cells[`requests.carriedForward.${col.key}`] = forward;
    cells[`requests.newReceived.${col.key}`] = results + forward - over;
  });
  const rl = getTable(v, "reviewLitigation")!;
  rl.cells.filter((c) => !c.derived).forEach((c, i) => (cells[c.key] = (i * 5) % 3));
  if (v === "2019") {
    Object.assign(cells, {
      "active.art20_1.regulations.newlyMade": 2,
      "active.art20_1.regulations.newlyPublished": 2,
      "active.art20_1.regulations.totalPublished": 14,
      "active.art20_1.normativeDocs.newlyMade": 5,
      "active.art20_1.normativeDocs.newlyPublished": 4,
      "active.art20_1.normativeDocs.totalPublished": 40,
      "active.art20_5.licensing.prevYearItems": 107,
      "active.art20_5.licensing.change": 3,
      "active.art20_5.licensing.decisions": 37103,
      "active.art20_5.otherServices.prevYearItems": 143,
      "active.art20_5.otherServices.change": -2,
      "active.art20_5.otherServices.decisions": 2861,
      "active.art20_6.punishment.prevYearItems": 198,
      "active.art20_6.punishment.change": -47,
      "active.art20_6.punishment.decisions": 23,
      "active.art20_6.coercion.prevYearItems": 16,
      "active.art20_6.coercion.change": 0,
      "active.art20_6.coercion.decisions": 4,
      "active.art20_8.fees.prevYearItems": 10,
      "active.art20_8.fees.change": 2,
      "active.art20_9.centralProcurement.projects": 45,
      "active.art20_9.centralProcurement.totalAmount": 31989283.5,
    });
  } else {
    Object.assign(cells, {
      "active.art20_1.regulations.issued": 1,
      "active.art20_1.regulations.repealed": 0,
      "active.art20_1.regulations.inForce": 12,
      "active.art20_1.normativeDocs.issued": 6,
      "active.art20_1.normativeDocs.repealed": 2,
      "active.art20_1.normativeDocs.inForce": 58,
      "active.art20_5.licensing.decisions": 1520,
      "active.art20_6.punishment.decisions": 311,
      "active.art20_6.coercion.decisions": 7,
      "active.art20_8.fees.amount": 25.1234,
    });
  }
  return computeDerived(v, cells);
}

/**
 * A previous-year report (of version `pv`) that every cross-year rule accepts against `current`:
 * 结转下年度 = this year's 上年结转, 上一年项目数量 + 本年增/减 = this year's 上一年项目数量, and
 * 现行有效 + this year's 制发 − 废止 = this year's 现行有效.
 */
export function consistentPrevious(v: FormatVersion, current: CellMap, pv: FormatVersion): CellMap {
  const prev = validReport(pv);
  for (const col of getTable(pv, "requests")!.columns.filter((c) => !c.sum)) {
    prev[`requests.carriedForward.${col.key}`] = current[`requests.carriedOver.${col.key}`] ?? null;
  }
  if (v === pv) {
    for (const k of Object.keys(current)) {
      if (k.endsWith(".prevYearItems")) {
        prev[k] = current[k]! - prev[k.replace(".prevYearItems", ".change")]!;
      } else if (k.endsWith(".inForce")) {
        const row = k.slice(0, -".inForce".length);
        prev[k] = current[k]! - current[`${row}.issued`]! + current[`${row}.repealed`]!;
      }
    }
  }
  return computeDerived(pv, prev);
}
